import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { delegationFromRow, eventFromRow, roomFromRow, seriesFromRow } from '../../events/rows.js';
import { freshStoreOptions, STORE_KINDS, type StoreKind } from '../../test/stores.js';
import type { Database } from '../schema.js';
import { migrations } from './index.js';

const opened: Kysely<Database>[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.destroy()));
});

async function openUnmigrated(kind: StoreKind): Promise<Kysely<Database>> {
  const options = await freshStoreOptions(kind);
  let db: Kysely<Database>;
  if (options.kind === 'sqlite') {
    fs.mkdirSync(path.dirname(options.file), { recursive: true });
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(options.file) }) });
  } else {
    db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: options.connectionString }) }),
    });
  }
  opened.push(db);
  return db;
}

const migrator = (db: Kysely<Database>, kind: StoreKind) =>
  new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations(kind)) } });

describe.each(STORE_KINDS)('migration 007 on %s', (kind) => {
  it('keeps text written before the pair: Japanese script on the Japanese side, the rest English', async () => {
    const db = await openUnmigrated(kind);
    const before = await migrator(db, kind).migrateTo('003_minutes');
    expect(before.error).toBeUndefined();
    const at = '2026-01-01T00:00:00.000Z';
    await sql`insert into series (id, title, description, created_at)
      values ('s1', '外国人労働者ラウンドテーブル', 'A monthly series.', ${at})`.execute(db);
    await sql`insert into events (id, series_id, title, theme, description, time_zone, sessions, venues,
        registration_open, report_visibility, created_at, updated_at)
      values ('e1', 's1', 'First round', '人権と労働基準', '', 'Asia/Tokyo',
        ${JSON.stringify([{ id: 'd1', label: '第1回会議', startsAt: at, endsAt: at }])},
        ${JSON.stringify([
          { id: 'tokyo', name: 'Tokyo', kind: 'in_person' },
          { id: 'osaka', name: '大阪', kind: 'in_person' },
        ])}, 0, 'public', ${at}, ${at})`.execute(db);
    await sql`insert into rooms (id, event_id, name, description, position, access, floor_mode,
        media_enabled, lobby_enabled, hide_draft_minutes, created_at)
      values ('r1', 'e1', '政府間対話', 'Both governments exchange information.', 0, '{"mode":"event"}',
        'moderated', 1, 0, 0, ${at})`.execute(db);
    await sql`insert into delegations (id, event_id, side, category, name)
      values ('d1', 'e1', 'Japan', 'government', 'Japan — Government')`.execute(db);

    const after = await migrator(db, kind).migrateToLatest();
    expect(after.error).toBeUndefined();

    const series = seriesFromRow(await db.selectFrom('series').selectAll().executeTakeFirstOrThrow());
    expect(series.title).toEqual({ en: '', ja: '外国人労働者ラウンドテーブル' });
    expect(series.description).toEqual({ en: 'A monthly series.', ja: '' });
    const event = eventFromRow(await db.selectFrom('events').selectAll().executeTakeFirstOrThrow());
    expect(event.title).toEqual({ en: 'First round', ja: '' });
    expect(event.theme).toEqual({ en: '', ja: '人権と労働基準' });
    expect(event.description).toEqual({ en: '', ja: '' });
    expect(event.sessions[0]?.label).toEqual({ en: '', ja: '第1回会議' });
    expect(event.venues.map((v) => v.name)).toEqual([
      { en: 'Tokyo', ja: '' },
      { en: '', ja: '大阪' },
    ]);
    const room = roomFromRow(await db.selectFrom('rooms').selectAll().executeTakeFirstOrThrow());
    expect(room.name).toEqual({ en: '', ja: '政府間対話' });
    expect(room.description).toEqual({ en: 'Both governments exchange information.', ja: '' });
    const delegation = delegationFromRow(
      await db.selectFrom('delegations').selectAll().executeTakeFirstOrThrow(),
    );
    expect(delegation.name).toEqual({ en: 'Japan — Government', ja: '' });
    expect(delegation.side).toBe('Japan');
  });
});
