import { afterEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import * as Y from 'yjs';
import {
  agendaItemTitles,
  DocKind,
  docName,
  EventSchema,
  MeSchema,
  canInRoom,
  readAgenda,
  type LocalizedText,
} from '@roundtable/shared';
import { readStoredState } from '../collab/persistence.js';
import { loadActor } from '../access/load-actor.js';
import { call } from '../auth/test-http.js';
import { delegationFromRow, eventFromRow, roomFromRow, seriesFromRow } from '../events/rows.js';
import { startTestApp, type TestApp, type TestAppOptions } from '../test/app.js';
import { buildEvent } from '../test/factories.js';
import { freshStoreOptions } from '../test/stores.js';
import { openStore, type Db } from '../store/db.js';
import { createDemoData, DEMO_SETTING_KEY } from './demo.js';

interface LogLine {
  level: number;
  msg: string;
  setupUrl?: string;
  demoPerson?: string;
  url?: string;
}
const WARN = 40;

const apps: TestApp[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

/** Starts an app whose log lines land in `lines`, as an operator would read them. */
async function startLogged(options: TestAppOptions): Promise<{ t: TestApp; lines: LogLine[] }> {
  const lines: LogLine[] = [];
  const logger = pino(
    { level: 'info' },
    { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) },
  );
  const t = await startTestApp({ ...options, logger });
  apps.push(t);
  return { t, lines };
}

async function count(
  db: Db,
  table: 'series' | 'events' | 'rooms' | 'people' | 'invitations',
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const ORGANIZER = {
  ORGANIZER_EMAIL: 'secretariat@example.org',
  ORGANIZER_PASSWORD: 'configured password',
  ORGANIZER_NAME: 'Secretariat',
};

describe('first start', () => {
  it('creates the configured organizer exactly once when two instances start together on one PostgreSQL database', async () => {
    const storeOptions = await freshStoreOptions('postgres');
    const [a, b] = await Promise.all([
      startLogged({ storeOptions, config: ORGANIZER }),
      startLogged({ storeOptions, config: ORGANIZER }),
    ]);
    const organizers = await a.t.store.db
      .selectFrom('people')
      .select(['email', 'name'])
      .where('is_organizer', '=', 1)
      .execute();
    expect(organizers).toEqual([{ email: 'secretariat@example.org', name: 'Secretariat' }]);
    const login = await call(b.t, 'POST', '/api/auth/login', {
      body: { email: ORGANIZER.ORGANIZER_EMAIL, password: ORGANIZER.ORGANIZER_PASSWORD },
    });
    expect(login.status).toBe(200);
    expect([...a.lines, ...b.lines].filter((l) => l.setupUrl)).toEqual([]);
  });

  it('without a configured organizer, logs a setup link at warn level that creates the first organizer', async () => {
    const storeOptions = await freshStoreOptions('sqlite');
    const { t, lines } = await startLogged({ storeOptions });
    const announced = lines.filter((l) => l.setupUrl);
    expect(announced).toHaveLength(1);
    expect(announced[0]?.level).toBe(WARN);
    const link = new URL(announced[0]?.setupUrl ?? '');
    // Logged after listen, so the link names the port actually bound (the test listens on 0).
    expect(link.port).toBe(String(t.port));
    expect(link.pathname).toBe('/setup');

    const res = await call(t, 'POST', '/api/setup', {
      body: {
        token: link.searchParams.get('token'),
        name: 'Secretariat',
        email: 'first@example.org',
        password: 'a long enough password',
      },
    });
    expect(res.status).toBe(201);
    expect(MeSchema.parse(res.body).person.isOrganizer).toBe(true);

    const restarted = await startLogged({ storeOptions });
    expect(restarted.lines.filter((l) => l.setupUrl)).toEqual([]);
  });
});

describe('demo data', () => {
  it('is created exactly once when two instances start together on one PostgreSQL database', async () => {
    const storeOptions = await freshStoreOptions('postgres');
    const config = { DEMO_DATA: 'true' };
    const [a, b] = await Promise.all([
      startLogged({ storeOptions, config }),
      startLogged({ storeOptions, config }),
    ]);
    const { db } = a.t.store;
    expect(await count(db, 'series')).toBe(2);
    expect(await count(db, 'events')).toBe(2);
    expect(await count(db, 'rooms')).toBe(3);
    expect(await count(db, 'people')).toBe(16);
    expect(await count(db, 'invitations')).toBe(16);
    const links = [a.lines, b.lines].map((lines) => lines.filter((l) => l.demoPerson).length);
    expect(links.sort()).toEqual([0, 16]);
  });

  it('two creations racing on one PostgreSQL database create it once: the settings guard decides', async () => {
    const storeOptions = await freshStoreOptions('postgres');
    const [a, b] = await Promise.all([openStore(storeOptions), openStore(storeOptions)]);
    try {
      const results = await Promise.all([createDemoData(a, Date.now()), createDemoData(b, Date.now())]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      expect(await count(a.db, 'events')).toBe(2);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('signs the seed’s co-chairs in as co-chairs of both dialogues, and keeps stakeholders out of the government room', async () => {
    const { t, lines } = await startLogged({ config: { DEMO_DATA: 'true' } });
    const linkOf = (name: string): string => {
      const line = lines.find((l) => l.demoPerson === name);
      return new URL(line?.url ?? '').searchParams.get('token') ?? '';
    };
    const rooms = (await t.store.db.selectFrom('rooms').selectAll().execute()).map(roomFromRow);
    const g2g = rooms.find((r) => r.name.en === 'Government-to-government dialogue');
    const stakeholder = rooms.find((r) => r.name.en === 'Stakeholder dialogue');
    if (!g2g || !stakeholder) throw new Error('demo rooms missing');

    const chair = await call(t, 'POST', '/api/invitations/redeem', {
      body: { token: linkOf('KASHIWABARA Kyoko') },
    });
    expect(chair.status).toBe(200);
    expect(
      MeSchema.parse(chair.body)
        .roles.map((r) => [r.roomId, r.role])
        .sort(),
    ).toEqual(
      [
        [g2g.id, 'co_chair'],
        [stakeholder.id, 'co_chair'],
      ].sort(),
    );

    const keidanren = await call(t, 'POST', '/api/invitations/redeem', {
      body: { token: linkOf('WATANABE Daiki') },
    });
    const delegate = await loadActor(t.store.db, MeSchema.parse(keidanren.body).person.id);
    expect(canInRoom(delegate, 'room:enter', stakeholder, { admission: 'admitted' })).toBe(true);
    expect(canInRoom(delegate, 'room:enter', g2g, { admission: 'admitted' })).toBe(false);
  });

  it('schedules the task force’s sittings in the coming days at 9:00 Tokyo time and opens the round table’s registration', async () => {
    const { t } = await startLogged({ config: { DEMO_DATA: 'true' } });
    const events = (await t.store.db.selectFrom('events').selectAll().execute()).map(eventFromRow);
    const firstRound = EventSchema.parse(events.find((e) => e.title.en === 'First round'));
    expect(firstRound.timeZone).toBe('Asia/Tokyo');
    const tokyoHour = new Intl.DateTimeFormat('en', {
      timeZone: 'Asia/Tokyo',
      hour: 'numeric',
      hourCycle: 'h23',
    });
    for (const session of firstRound.sessions) {
      expect(Date.parse(session.startsAt)).toBeGreaterThan(Date.now());
      expect(Number(tokyoHour.format(new Date(session.startsAt)))).toBe(9);
    }
    expect(Date.parse(firstRound.sessions[0]?.startsAt ?? '')).toBeLessThan(Date.now() + 2 * 86_400_000);
    const roundTable = events.find((e) => e.registrationOpen);
    expect(roundTable?.venues.map((v) => v.id)).toEqual(['tokyo', 'osaka', 'online']);
  });

  it('enters everything organizers write in English and Japanese, the task force’s agendas included', async () => {
    const { t } = await startLogged({ config: { DEMO_DATA: 'true' } });
    const db = t.store.db;
    const both = (text: LocalizedText) => text.en.length > 0 && text.ja.length > 0;
    const events = (await db.selectFrom('events').selectAll().execute()).map(eventFromRow);
    const series = (await db.selectFrom('series').selectAll().execute()).map(seriesFromRow);
    const rooms = (await db.selectFrom('rooms').selectAll().execute()).map(roomFromRow);
    const delegations = (await db.selectFrom('delegations').selectAll().execute()).map(delegationFromRow);
    const texts = [
      ...series.flatMap((s) => [s.title, s.description]),
      ...events.flatMap((e) => [
        e.title,
        e.theme,
        e.description,
        ...e.sessions.map((s) => s.label),
        ...e.venues.map((v) => v.name),
      ]),
      ...rooms.flatMap((r) => [r.name, r.description]),
      ...delegations.map((d) => d.name),
    ];
    expect(texts.length).toBeGreaterThan(30);
    expect(texts.filter((text) => !both(text))).toEqual([]);
    expect(events.map((e) => e.title.ja).sort()).toEqual(['第1回会合', '第2回ラウンドテーブル']);

    const g2g = rooms.find((r) => r.name.ja === '政府間対話');
    if (!g2g) throw new Error('no government room');
    const agenda = new Y.Doc();
    Y.applyUpdate(agenda, await readStoredState(db, docName(g2g.id, DocKind.Agenda)));
    const items = readAgenda(agenda);
    expect(items.length).toBeGreaterThan(2);
    expect(items.filter((item) => !both(agendaItemTitles(item)))).toEqual([]);
    expect(items[0]).toMatchObject({
      title: 'Opening remarks by the co-chairs',
      titles: { ja: '共同議長による開会挨拶' },
      presenters: ['KASHIWABARA Kyoko', 'Katy Mastman'],
      affiliations: [{ ja: '経済産業省' }, { ja: '米国通商代表部' }],
    });
  });

  it('is not created on a store that already has events', async () => {
    const storeOptions = await freshStoreOptions('sqlite');
    const store = await openStore(storeOptions);
    await buildEvent(store.db);
    await store.close();
    const { t } = await startLogged({ storeOptions, config: { DEMO_DATA: 'true' } });
    expect(await count(t.store.db, 'events')).toBe(1);
    expect(await count(t.store.db, 'people')).toBe(0);
    const guard = await t.store.db
      .selectFrom('settings')
      .select('key')
      .where('key', '=', DEMO_SETTING_KEY)
      .executeTakeFirst();
    expect(guard).toBeUndefined();
  });
});
