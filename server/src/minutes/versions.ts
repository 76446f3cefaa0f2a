import crypto from 'node:crypto';
import { sql } from 'kysely';
import * as Y from 'yjs';
import type { MinutesVersion, Room } from '@roundtable/shared';
import { recordAudit } from '../audit/audit.js';
import type { CollabModule } from '../collab/module.js';
import { HttpError } from '../http/errors.js';
import type { Db } from '../store/db.js';
import { replaceMinutesContent } from './doc-edits.js';
import { minutesDocName } from './workflow.js';

/*
 * Named versions of a room's minutes. Saving stores the document's whole Yjs state at that moment;
 * restoring turns the live document's content into the saved one with ordinary edits, so every
 * connected editor converges and history stays intact (a restore can itself be undone by
 * restoring a version saved before it).
 */

export interface VersionDeps {
  db: Db;
  collab: CollabModule;
}

const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export async function listVersions(db: Db, roomId: string): Promise<MinutesVersion[]> {
  const rows = await db
    .selectFrom('minutes_versions')
    .leftJoin('people', 'people.id', 'minutes_versions.author_id')
    .select([
      'minutes_versions.id',
      'minutes_versions.name',
      'minutes_versions.author_id',
      'minutes_versions.created_at',
      'people.name as author_name',
      // Byte length of a blob (SQLite) or bytea (PostgreSQL) alike.
      sql<number>`length(minutes_versions.state)`.as('bytes'),
    ])
    .where('minutes_versions.room_id', '=', roomId)
    .orderBy('minutes_versions.created_at', 'desc')
    .orderBy('minutes_versions.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    roomId,
    name: row.name,
    author: row.author_id ? { personId: row.author_id, name: row.author_name ?? '' } : null,
    createdAt: row.created_at,
    bytes: Number(row.bytes),
  }));
}

export async function saveVersion(
  deps: VersionDeps,
  room: Room,
  author: { personId: string; name: string },
  name: string,
  at: string,
): Promise<MinutesVersion> {
  const state = await deps.collab.readDocumentState(minutesDocName(room.id));
  const id = crypto.randomUUID();
  await deps.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('minutes_versions')
      .values({
        id,
        room_id: room.id,
        name,
        state: asBuffer(state),
        author_id: author.personId,
        created_at: at,
      })
      .execute();
    await recordAudit(tx, {
      eventId: room.eventId,
      roomId: room.id,
      actorId: author.personId,
      action: 'minutes.version-save',
      targetId: null,
      data: { versionId: id, name },
      at,
    });
  });
  return {
    id,
    roomId: room.id,
    name,
    author: { personId: author.personId, name: author.name },
    createdAt: at,
    bytes: state.byteLength,
  };
}

/** Makes the live minutes equal to version `versionId`'s; 404 when it is not this room's. */
export async function restoreVersion(
  deps: VersionDeps,
  room: Room,
  versionId: string,
  actorId: string,
  at: string,
): Promise<MinutesVersion> {
  const row = await deps.db
    .selectFrom('minutes_versions')
    .select(['state', 'name'])
    .where('id', '=', versionId)
    .where('room_id', '=', room.id)
    .executeTakeFirst();
  if (!row) throw HttpError.notFound('Version');
  const snapshot = new Y.Doc();
  try {
    Y.applyUpdate(snapshot, row.state);
    await deps.collab.editDocument(minutesDocName(room.id), (live) => replaceMinutesContent(live, snapshot));
  } finally {
    snapshot.destroy();
  }
  await recordAudit(deps.db, {
    eventId: room.eventId,
    roomId: room.id,
    actorId,
    action: 'minutes.version-restore',
    data: { versionId, name: row.name },
    at,
  });
  const [version] = (await listVersions(deps.db, room.id)).filter((v) => v.id === versionId);
  if (!version) throw HttpError.notFound('Version');
  return version;
}
