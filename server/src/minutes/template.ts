import crypto from 'node:crypto';
import { z } from 'zod';
import * as Y from 'yjs';
import { DocKind, docName, readAgenda, type Room, type SeedTemplateResult } from '@roundtable/shared';
import { recordAudit } from '../audit/audit.js';
import type { CollabModule } from '../collab/module.js';
import type { Db } from '../store/db.js';
import { appendAgendaSections, insertAgendaTemplate, type TemplateLanguage } from './doc-edits.js';
import { minutesDocName } from './workflow.js';
import { readRoomStateRow, readWorkflow } from './workflow-store.js';

/*
 * The template from the agenda, inserted exactly once per room across every instance.
 *
 * The lock is a row in `room_state` (kind `minutes-template`), claimed with an insert that does
 * nothing on conflict: PostgreSQL (or SQLite) lets exactly one claimant in, and the same row
 * stays as the durable "seeded" marker afterwards. Redis would add nothing the store does not
 * already guarantee, and a Redis lock alone would forget after a flush. A claim carries a lease:
 * an instance that died between claiming and seeding leaves a claim that others may take over
 * once it is stale; the taker then finds the document blank or not, and never seeds twice.
 */

const KIND = 'minutes-template';
/** A seed takes milliseconds; a claim this old belongs to an instance that died mid-way. */
const CLAIM_LEASE_MS = 30_000;

const MarkerSchema = z.object({
  claimant: z.string(),
  claimedAt: z.number(),
  seededAt: z.string().nullable(),
  outcome: z.enum(['seeded', 'not_empty']).nullable(),
  sections: z.number(),
  /** Agenda items that got a section (absent in markers written before items were tracked). */
  itemIds: z.array(z.string()).default([]),
});
type Marker = z.infer<typeof MarkerSchema>;

type Claim =
  { kind: 'claimed'; version: number } | { kind: 'done'; version: number; marker: Marker } | { kind: 'busy' };

async function claim(db: Db, roomId: string, claimant: string, nowMs: number): Promise<Claim> {
  const marker: Marker = {
    claimant,
    claimedAt: nowMs,
    seededAt: null,
    outcome: null,
    sections: 0,
    itemIds: [],
  };
  const state = JSON.stringify(marker);
  const updatedAt = new Date(nowMs).toISOString();
  const inserted = await db
    .insertInto('room_state')
    .values({ room_id: roomId, kind: KIND, state, version: 1, updated_at: updatedAt })
    .onConflict((oc) => oc.columns(['room_id', 'kind']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return { kind: 'claimed', version: 1 };
  const row = await readRoomStateRow(db, roomId, KIND);
  if (!row) return { kind: 'busy' }; // released in between: the caller may try again
  const current = MarkerSchema.parse(JSON.parse(row.state));
  if (current.seededAt !== null) return { kind: 'done', version: row.version, marker: current };
  if (nowMs - current.claimedAt < CLAIM_LEASE_MS) return { kind: 'busy' };
  const taken = await db
    .updateTable('room_state')
    .set({ state, version: row.version + 1, updated_at: updatedAt })
    .where('room_id', '=', roomId)
    .where('kind', '=', KIND)
    .where('version', '=', row.version)
    .executeTakeFirst();
  return taken.numUpdatedRows === 1n ? { kind: 'claimed', version: row.version + 1 } : { kind: 'busy' };
}

async function settle(db: Db, roomId: string, version: number, marker: Marker): Promise<void> {
  await db
    .updateTable('room_state')
    .set({ state: JSON.stringify(marker), version: version + 1, updated_at: marker.seededAt ?? '' })
    .where('room_id', '=', roomId)
    .where('kind', '=', KIND)
    .where('version', '=', version)
    .execute();
}

async function release(db: Db, roomId: string, version: number): Promise<void> {
  await db
    .deleteFrom('room_state')
    .where('room_id', '=', roomId)
    .where('kind', '=', KIND)
    .where('version', '=', version)
    .execute();
}

export interface SeedDeps {
  db: Db;
  collab: CollabModule;
  now(): number;
}

async function readAgendaItems(collab: CollabModule, roomId: string) {
  const agenda = new Y.Doc();
  try {
    Y.applyUpdate(agenda, await collab.readDocumentState(docName(roomId, DocKind.Agenda)));
    return readAgenda(agenda);
  } finally {
    agenda.destroy();
  }
}

/**
 * Seeds the room's minutes from its agenda if they are blank and were never seeded. The edit goes
 * through the collab module, so it is stored and reaches every client like a person's edit.
 */
export async function seedMinutesTemplate(
  deps: SeedDeps,
  room: Room,
  actorId: string,
  language: TemplateLanguage,
): Promise<SeedTemplateResult> {
  const { db, collab } = deps;
  if ((await readWorkflow(db, room.id)).state.status !== 'draft') return { outcome: 'locked', sections: 0 };
  const claimant = crypto.randomUUID();
  const claimed = await claim(db, room.id, claimant, deps.now());
  if (claimed.kind === 'done') return topUp(deps, room, claimed, language);
  if (claimed.kind === 'busy') return { outcome: 'in_progress', sections: 0 };
  try {
    const items = await readAgendaItems(collab, room.id);
    if (items.length === 0) {
      // Nothing to insert yet: leave no marker, so the first call after the agenda exists seeds.
      await release(db, room.id, claimed.version);
      return { outcome: 'no_agenda', sections: 0 };
    }
    const at = new Date(deps.now()).toISOString();
    const inserted: { sections: number | null } = { sections: null };
    await collab.editDocument(minutesDocName(room.id), (doc) => {
      inserted.sections = insertAgendaTemplate(doc, items, language, at);
    });
    const sections = inserted.sections ?? 0;
    // Someone wrote before the first seed: their page stays as it is, now and later.
    const outcome = inserted.sections === null ? 'not_empty' : 'seeded';
    await settle(db, room.id, claimed.version, {
      claimant,
      claimedAt: deps.now(),
      seededAt: at,
      outcome,
      sections,
      itemIds: outcome === 'seeded' ? items.map((item) => item.id) : [],
    });
    if (outcome === 'seeded') {
      await recordAudit(db, {
        eventId: room.eventId,
        roomId: room.id,
        actorId,
        action: 'minutes.template',
        data: { sections },
        at,
      });
    }
    return { outcome, sections };
  } catch (err) {
    // The original error is what matters; a claim that cannot be released expires with its lease.
    await release(db, room.id, claimed.version).catch(() => undefined);
    throw err;
  }
}

/**
 * Items the co-chairs added after the template went in get their sections at the end, each exactly
 * once: the marker lists the items that got one, and taking new items into it is a compare-and-set
 * on its version, so of two instances asking at once only one appends. Minutes that were written
 * before the template (outcome `not_empty`) are never touched.
 */
async function topUp(
  deps: SeedDeps,
  room: Room,
  done: { version: number; marker: Marker },
  language: TemplateLanguage,
): Promise<SeedTemplateResult> {
  const { marker } = done;
  if (marker.outcome !== 'seeded') return { outcome: 'already_seeded', sections: 0 };
  const items = await readAgendaItems(deps.collab, room.id);
  const known = new Set(marker.itemIds);
  const added = items.filter((item) => !known.has(item.id));
  if (added.length === 0) return { outcome: 'already_seeded', sections: 0 };
  const next: Marker = { ...marker, itemIds: [...marker.itemIds, ...added.map((item) => item.id)] };
  const taken = await deps.db
    .updateTable('room_state')
    .set({ state: JSON.stringify(next), version: done.version + 1 })
    .where('room_id', '=', room.id)
    .where('kind', '=', KIND)
    .where('version', '=', done.version)
    .executeTakeFirst();
  if (taken.numUpdatedRows !== 1n) return { outcome: 'in_progress', sections: 0 };
  const appended = { sections: 0 };
  await deps.collab.editDocument(minutesDocName(room.id), (doc) => {
    // A section someone already made for an item (a speaker line under it) is not made twice.
    appended.sections = appendAgendaSections(doc, added, language);
  });
  return appended.sections > 0
    ? { outcome: 'seeded', sections: appended.sections }
    : { outcome: 'already_seeded', sections: 0 };
}
