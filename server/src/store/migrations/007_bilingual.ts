import { sql, type Kysely } from 'kysely';
import { textFromPlain, type LocalizedText } from '@roundtable/shared';

/*
 * Content in two languages. The existing text columns become the English side and a `_ja` column
 * beside each holds the Japanese; sessions and venues (JSON) carry `{ en, ja }` pairs in place of
 * strings. Existing text is kept: it moves to the Japanese side when it is written in Japanese
 * script (the same rule the API applies to a plain string), otherwise it stays English.
 */

const COLUMNS = {
  series: ['title', 'description'],
  events: ['title', 'theme', 'description'],
  rooms: ['name', 'description'],
  delegations: ['name'],
} as const;

type Table = keyof typeof COLUMNS;

async function addJapaneseColumns(db: Kysely<unknown>, table: Table): Promise<void> {
  for (const column of COLUMNS[table]) {
    await db.schema
      .alterTable(table)
      .addColumn(`${column}_ja`, 'text', (c) => c.notNull().defaultTo(''))
      .execute();
  }
}

/** Moves Japanese-script text of each column to its `_ja` side, row by row. */
async function splitExistingText(db: Kysely<unknown>, table: Table): Promise<void> {
  const columns = COLUMNS[table];
  const { rows } = await sql<Record<string, string>>`select ${sql.join(
    ['id', ...columns].map((c) => sql.ref(c)),
  )} from ${sql.table(table)}`.execute(db);
  for (const row of rows) {
    const moved = columns.filter((c) => textFromPlain(row[c] ?? '').ja !== '');
    if (moved.length === 0) continue;
    const sets = moved.map((c) => sql`${sql.ref(`${c}_ja`)} = ${row[c]}, ${sql.ref(c)} = ''`);
    await sql`update ${sql.table(table)} set ${sql.join(sets)} where id = ${row.id}`.execute(db);
  }
}

/** A JSON array of objects whose `field` is a plain string, with that field made a pair. */
function pairField(json: string, field: string): string {
  const items = JSON.parse(json) as Record<string, unknown>[];
  return JSON.stringify(
    items.map((item) => {
      const value = item[field];
      const pair: LocalizedText = typeof value === 'string' ? textFromPlain(value) : (value as LocalizedText);
      return { ...item, [field]: pair };
    }),
  );
}

export function bilingual() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      for (const table of Object.keys(COLUMNS) as Table[]) {
        await addJapaneseColumns(db, table);
        await splitExistingText(db, table);
      }
      const { rows } = await sql<{ id: string; sessions: string; venues: string }>`
        select id, sessions, venues from events`.execute(db);
      for (const row of rows) {
        await sql`update events set sessions = ${pairField(row.sessions, 'label')},
          venues = ${pairField(row.venues, 'name')} where id = ${row.id}`.execute(db);
      }
    },
  };
}
