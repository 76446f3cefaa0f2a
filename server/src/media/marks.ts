import { z } from 'zod';

/*
 * "Is this person in the room's audio/video?", from LiveKit signals that may arrive late, twice,
 * out of order or unpaired. The pure rule lives here; marks-store.ts keeps the marks in Redis or
 * in memory.
 */

/** What LiveKit told us about one participant session. */
export interface MediaSignal {
  /** `joined`: participant_joined; `active`: a track event or a listing; `left`: left or aborted. */
  kind: 'joined' | 'active' | 'left';
  /** LiveKit's participant session id (a reconnect with the same identity gets a new one). */
  sid: string;
  /** When LiveKit created the event (milliseconds), or when a listing observed the room. */
  at: number;
}

export const MediaMarkSchema = z.object({ inMedia: z.boolean(), sid: z.string(), at: z.number() });
/** The latest accepted state of a person in one room's media. */
export type MediaMark = z.infer<typeof MediaMarkSchema>;

/**
 * The mark after `signal`, or null when the signal is stale and must be ignored:
 * - anything older than the mark (by LiveKit's `createdAt`) is stale;
 * - a session that left never comes back: a late join or track event of that sid is stale;
 * - a `left` of another session than the one marked in is stale even when newer: LiveKit
 *   disconnects the old session after a reconnect with the same identity has joined.
 */
export function nextMark(prev: MediaMark | undefined, signal: MediaSignal): MediaMark | null {
  if (prev && signal.at < prev.at) return null;
  if (signal.kind === 'left') {
    if (prev?.inMedia && prev.sid !== signal.sid) return null;
    return { inMedia: false, sid: signal.sid, at: signal.at };
  }
  if (prev && !prev.inMedia && prev.sid === signal.sid) return null;
  return { inMedia: true, sid: signal.sid, at: signal.at };
}

/** Result of applying a signal: null when stale, else the new mark and whether presence flipped. */
export type MarkResult = { mark: MediaMark; changed: boolean } | null;

export function applySignal(prev: MediaMark | undefined, signal: MediaSignal): MarkResult {
  const mark = nextMark(prev, signal);
  if (!mark) return null;
  return { mark, changed: (prev?.inMedia ?? false) !== mark.inMedia };
}
