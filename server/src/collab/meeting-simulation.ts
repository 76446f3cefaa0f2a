import * as Y from 'yjs';
import { appendMinutesBlock, minutesFragment } from '@roundtable/shared';
import { replaceMinutesContent } from '../minutes/doc-edits.js';

/*
 * A long meeting's minutes as the store receives them (test support, not a test file): every
 * keystroke one update row, as the server logs them. Deterministic (a seeded generator), so the
 * numbers in docs/BENCHMARKS.md can be reproduced.
 */

export interface MeetingSimulation {
  /** Every update, in order, as the log rows would hold them. */
  updates: Uint8Array[];
  /** The final document. */
  doc: Y.Doc;
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `minutes` of note-taking by two writers at `keysPerMinute` each: mostly typing at the end of a
 * paragraph, a quarter of the keys deleting (rewording), a new paragraph every ~200 keys, and a
 * version restored every hour (everything replaced by an earlier copy, as the restore does).
 */
export function simulateMeeting(minutes: number, keysPerMinute = 60, seed = 7): MeetingSimulation {
  const next = random(seed);
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const fragment = minutesFragment(doc);
  appendMinutesBlock(doc, 'Opening remarks', 2);
  appendMinutesBlock(doc, '');
  const keys = minutes * keysPerMinute * 2;
  let saved: Uint8Array | null = null;
  for (let key = 0; key < keys; key++) {
    if (key % (keysPerMinute * 2 * 60) === 0 && key > 0 && saved) {
      // A co-chair restores the version saved half an hour ago.
      const version = new Y.Doc();
      Y.applyUpdate(version, saved);
      replaceMinutesContent(doc, version);
      version.destroy();
    }
    if (key % (keysPerMinute * 2 * 60) === keysPerMinute * 2 * 30) saved = Y.encodeStateAsUpdate(doc);
    const last = fragment.get(fragment.length - 1);
    if (!(last instanceof Y.XmlElement) || next() < 1 / 200) {
      appendMinutesBlock(doc, '');
      continue;
    }
    let text = last.get(0);
    if (!(text instanceof Y.XmlText)) {
      text = new Y.XmlText();
      last.insert(0, [text]);
    }
    const length = text.length;
    if (length > 0 && next() < 0.25) text.delete(length - 1, 1);
    else text.insert(length, String.fromCharCode(97 + Math.floor(next() * 26)));
  }
  return { updates, doc };
}
