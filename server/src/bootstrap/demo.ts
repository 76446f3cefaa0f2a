import crypto from 'node:crypto';
import * as Y from 'yjs';
import {
  addAgendaItem,
  DocKind,
  docName,
  textIn,
  type Delegation,
  type Event,
  type Room,
  type RoomRole,
} from '@roundtable/shared';
import { insertPerson } from '../auth/people.js';
import { appendDocUpdates } from '../collab/persistence.js';
import { delegationToRow, eventColumns, memberToRow, roomColumns, seriesToRow } from '../events/rows.js';
import { issueInvitation } from '../registration/invitations.js';
import type { Store, Tx } from '../store/db.js';
import { FOREIGN_WORKERS, TASK_FORCE, type DemoAgendaItem, type DemoEvent } from './demo-data.js';

/** Settings row that marks the demo as created; inserted in the same transaction as the data. */
export const DEMO_SETTING_KEY = 'demo_data_created';
/** How long the demo's sign-in links stay valid. */
export const DEMO_INVITATION_DAYS = 30;

/** A sign-in link issued for a demo person, for the operator's log. */
export interface DemoInvitation {
  personId: string;
  name: string;
  organization: string;
  delegation: string;
  /** Explicit roles as `room name: role`; empty when the room rules alone admit them. */
  roles: string[];
  token: string;
}

/** What the demo created; the agenda seed and the log use it. */
export interface DemoData {
  events: Array<{ event: Event; rooms: Room[] }>;
  invitations: DemoInvitation[];
}

/** Extra seeding run inside the demo's transaction (e.g. the agenda module's `seedDemoAgenda`). */
export type DemoSeedHook = (tx: Tx, demo: DemoData, nowMs: number) => Promise<void>;

const DAY_MS = 86_400_000;
const TOKYO_OFFSET_MS = 9 * 3_600_000; // Japan has no daylight saving time.

/** `hour`:00 Tokyo time, `inDays` after today's date in Tokyo, as an ISO instant. */
function tokyoTime(nowMs: number, inDays: number, hour: number): string {
  const tokyoMidnight = Math.floor((nowMs + TOKYO_OFFSET_MS) / DAY_MS) * DAY_MS;
  return new Date(tokyoMidnight + inDays * DAY_MS + hour * 3_600_000 - TOKYO_OFFSET_MS).toISOString();
}

/**
 * Creates the demo series, events, rooms, delegations and people on an empty store, exactly once:
 * the `demo_data_created` row is inserted first in the same transaction, so of two instances
 * starting together on one database the second blocks on that key, then finds it taken and
 * creates nothing. Returns what was created, or null when this call created nothing.
 */
export async function createDemoData(
  store: Store,
  nowMs: number,
  seedHooks: readonly DemoSeedHook[] = [],
): Promise<DemoData | null> {
  const hasEvents = await store.db.selectFrom('events').select('id').limit(1).executeTakeFirst();
  if (hasEvents) return null;
  return store.transaction(async (tx) => {
    const guard = await tx
      .insertInto('settings')
      .values({ key: DEMO_SETTING_KEY, value: new Date(nowMs).toISOString() })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    if (Number(guard.numInsertedOrUpdatedRows ?? 0) !== 1) return null;
    const demo: DemoData = { events: [], invitations: [] };
    for (const definition of [TASK_FORCE, FOREIGN_WORKERS]) {
      await insertDemoEvent(tx, definition, nowMs, demo);
    }
    for (const hook of seedHooks) await hook(tx, demo, nowMs);
    return demo;
  });
}

/** The room's agenda document as its first stored update (loaded like any client's edit). */
async function insertDemoAgenda(
  tx: Tx,
  roomId: string,
  items: readonly DemoAgendaItem[],
  at: string,
): Promise<void> {
  const doc = new Y.Doc();
  try {
    for (const item of items) {
      addAgendaItem(doc, {
        titles: item.titles,
        durationMinutes: item.durationMinutes,
        presenters: (item.presenters ?? []).map((p) => p.name),
        affiliations: (item.presenters ?? []).map((p) => p.affiliation),
      });
    }
    await appendDocUpdates(
      tx,
      [{ docName: docName(roomId, DocKind.Agenda), update: Y.encodeStateAsUpdate(doc) }],
      at,
      1,
    );
  } finally {
    doc.destroy();
  }
}

async function insertDemoEvent(tx: Tx, definition: DemoEvent, nowMs: number, demo: DemoData): Promise<void> {
  const at = new Date(nowMs).toISOString();
  const seriesId = crypto.randomUUID();
  await tx
    .insertInto('series')
    .values(seriesToRow({ id: seriesId, ...definition.series }, at))
    .execute();
  const event: Event = {
    id: crypto.randomUUID(),
    seriesId,
    title: definition.title,
    theme: definition.theme,
    description: definition.description,
    timeZone: 'Asia/Tokyo',
    sessions: definition.sessions.map((s, i) => ({
      id: `s${i + 1}`,
      label: s.label,
      startsAt: tokyoTime(nowMs, s.inDays, s.hour),
      endsAt: tokyoTime(nowMs, s.inDays, s.hour + s.hours),
    })),
    venues: definition.venues,
    registrationOpen: definition.registrationOpen,
    reportVisibility: 'public',
  };
  await tx
    .insertInto('events')
    .values({ id: event.id, ...eventColumns(event), created_at: at, updated_at: at })
    .execute();

  const rooms = new Map<string, Room>();
  for (const [position, r] of definition.rooms.entries()) {
    const room: Room = {
      id: crypto.randomUUID(),
      eventId: event.id,
      name: r.name,
      description: r.description,
      position,
      access: r.access,
      floorMode: 'moderated',
      mediaEnabled: true,
      lobbyEnabled: false,
      hideDraftMinutes: false,
    };
    await tx
      .insertInto('rooms')
      .values({ id: room.id, event_id: event.id, ...roomColumns(room), created_at: at })
      .execute();
    if (r.agenda) await insertDemoAgenda(tx, room.id, r.agenda, at);
    rooms.set(r.key, room);
  }

  const delegations = new Map<string, Delegation>();
  for (const d of definition.delegations) {
    const delegation: Delegation = { id: crypto.randomUUID(), eventId: event.id, ...d };
    await tx.insertInto('delegations').values(delegationToRow(delegation)).execute();
    delegations.set(`${d.side}/${d.category}`, delegation);
  }

  for (const p of definition.people) {
    const delegation = delegations.get(`${p.side}/${p.category}`);
    if (!delegation) throw new Error(`demo data: no delegation ${p.side}/${p.category}`);
    const person = await insertPerson(tx, { name: p.name, email: null, organization: p.organization }, nowMs);
    if (!person) throw new Error(`demo data: could not insert ${p.name}`);
    await tx
      .insertInto('event_members')
      .values(
        memberToRow({ eventId: event.id, personId: person.id, delegationId: delegation.id, place: 'online' }),
      )
      .execute();
    const roles: string[] = [];
    for (const [roomKey, role] of Object.entries<RoomRole>(p.roles ?? {})) {
      const room = rooms.get(roomKey);
      if (!room) throw new Error(`demo data: no room ${roomKey}`);
      await tx.insertInto('room_roles').values({ room_id: room.id, person_id: person.id, role }).execute();
      roles.push(`${textIn(room.name, 'en')}: ${role}`);
    }
    // The link's origin is known only after listen; the announcement builds it from the token.
    const { token } = await issueInvitation(tx, {
      eventId: event.id,
      personId: person.id,
      validForDays: DEMO_INVITATION_DAYS,
      nowMs,
      origin: '',
    });
    demo.invitations.push({
      personId: person.id,
      name: person.name,
      organization: person.organization,
      delegation: textIn(delegation.name, 'en'),
      roles,
      token,
    });
  }
  demo.events.push({ event, rooms: [...rooms.values()] });
}
