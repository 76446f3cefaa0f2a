import type { Room } from '@roundtable/shared';
import type { ParticipantInfo, WebhookEvent } from 'livekit-server-sdk';
import { findRoom } from '../events/store.js';
import type { Logger } from '../logger.js';
import type { Clock } from '../module.js';
import type { RoomGuard } from '../access/guard.js';
import type { Db } from '../store/db.js';
import type { MediaPresenceSink } from './adapters.js';
import { fromParticipantPermission, roomIdOfLiveKitRoom } from './grants.js';
import type { MediaSignal } from './marks.js';
import type { MarksStore } from './marks-store.js';
import type { PermissionSync } from './permissions.js';

/*
 * Turns what LiveKit reports (webhooks, listings) into "in the media room" presence and keeps
 * participants' permissions right. Shared by the webhook endpoint and the periodic reconcile.
 */

export interface ParticipantTrackerDeps {
  db: Db;
  /** Only people the guard lets into the media now count as present in it. */
  guard: RoomGuard;
  marks: MarksStore;
  permissions: PermissionSync | null;
  clock: Clock;
  logger: Logger;
  /** The presence module, when there is one; read at call time (it may be bound late). */
  presence(): MediaPresenceSink | null;
}

export interface ParticipantTracker {
  /** Applies one verified, first-seen webhook event. */
  applyWebhook(event: WebhookEvent): Promise<void>;
  /** Records a signal for one person and tells presence when they came or went (returns whether). */
  mark(roomId: string, personId: string, signal: MediaSignal): Promise<boolean>;
  /** Corrects a listed participant's permission (see `PermissionSync.enforce`). */
  enforce(room: Room, participant: ParticipantInfo): Promise<void>;
}

const SIGNALS: Partial<Record<string, MediaSignal['kind']>> = {
  participant_joined: 'joined',
  participant_left: 'left',
  participant_connection_aborted: 'left',
  track_published: 'active',
  track_unpublished: 'active',
};

/** `ParticipantInfo.Kind.STANDARD` in LiveKit's protocol (the SDK does not re-export the enum). */
const STANDARD_KIND = 0;

/** People only: agents, recorders and SIP callers are not delegates and have no presence. */
export const isPerson = (participant: ParticipantInfo): boolean => Number(participant.kind) === STANDARD_KIND;

export function createParticipantTracker(deps: ParticipantTrackerDeps): ParticipantTracker {
  const mark = async (roomId: string, personId: string, signal: MediaSignal): Promise<boolean> => {
    const result = await deps.marks.apply(roomId, personId, signal);
    if (!result?.changed) return false;
    await deps.presence()?.setMediaPresence(roomId, personId, result.mark.inMedia);
    return true;
  };
  const enforce = async (room: Room, participant: ParticipantInfo): Promise<void> => {
    if (!deps.permissions || !isPerson(participant)) return;
    await deps.permissions.enforce(
      room,
      participant.identity,
      fromParticipantPermission(participant.permission),
    );
  };

  return {
    mark,
    enforce,
    async applyWebhook(event) {
      const roomId = roomIdOfLiveKitRoom(event.room?.name ?? '');
      const room = roomId ? await findRoom(deps.db, roomId) : null;
      if (!room) {
        deps.logger.debug(
          { event: event.event, room: event.room?.name },
          'webhook for a room that is not ours',
        );
        return;
      }
      // LiveKit's createdAt is in seconds; events without one are as new as their arrival.
      const at = event.createdAt > 0n ? Number(event.createdAt) * 1000 : deps.clock.now();
      if (event.event === 'room_finished') {
        for (const [personId, current] of await deps.marks.read(room.id)) {
          if (current.inMedia) await mark(room.id, personId, { kind: 'left', sid: current.sid, at });
        }
        return;
      }
      const kind = SIGNALS[event.event];
      const participant = event.participant;
      if (!kind || !participant?.identity || !isPerson(participant)) return;
      if (kind !== 'left') {
        // A LiveKit token outlives a removal by its lifetime: a join with one must not show the
        // person as present, and LiveKit is told to send them out.
        const decision = await deps.guard.decide(participant.identity, room.id, 'media:join');
        if (!decision.ok) {
          void enforce(room, participant);
          return;
        }
      }
      await mark(room.id, participant.identity, { kind, sid: participant.sid, at });
      // A token issued just before the floor moved carries stale rights: correct them, without
      // holding LiveKit's webhook request open while our calls to LiveKit retry.
      if (kind === 'joined') void enforce(room, participant);
    },
  };
}
