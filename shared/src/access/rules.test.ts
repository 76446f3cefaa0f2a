import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CategorySchema, RoomRoleSchema, type Category } from '../domain/people.js';
import type { AccessRule, Room } from '../domain/events.js';
import { admissionOf } from './admission.js';
import {
  canGlobally,
  canInEvent,
  canInRoom,
  roomRoleOf,
  type Actor,
  type EffectiveRole,
  type EventAction,
  type GlobalAction,
  type MaybeActor,
  type Admission,
  type RoomAction,
  type RoomFacts,
} from './rules.js';

/*
 * The access matrix, written out as the product defines it. Each table is the expectation; the
 * tests only look cells up, so a reviewer can read who may do what without reading rules.ts.
 *
 * Personas (rebuilt for every room rule so that each means the same thing under every rule):
 *   anonymous    not signed in
 *   outsider     signed in, not admitted by the rule: under `event` a non-member of the event;
 *                under `government` a private-sector delegate; under `people` an unlisted member
 *   by-rule      a member without room role whom the rule admits: any member / a government
 *                delegate / a listed person
 *   participant, observer, note_taker, co_chair
 *                members of a civil-society delegation, whom the rule alone would not admit
 *                (except under `event`), holding that explicit role in the room
 *   organizer    an organizer, not a member of the event
 *
 * Cells: A allowed under every flag and in every admission state (waiting, removed, admitted);
 *   Y  allowed under every flag once admitted (co-chairs and organizers always are);
 *   -  refused under every flag;
 *   R  once admitted, reads the minutes unless drafts are hidden (hideDraftMinutes) and not yet
 *      published;
 *   F  once admitted, publishes media in an open room, or in a moderated room while holding the
 *      floor.
 */
const ROOM_MATRIX = `
  action              anonymous outsider by-rule participant observer note_taker co_chair organizer
  room:view               -        -        A         A         A         A         A        A
  lobby:wait              -        -        A         A         A         A         A        A
  room:enter              -        -        Y         Y         Y         Y         Y        Y
  room:see-presence       -        -        Y         Y         Y         Y         Y        Y
  agenda:read             -        -        Y         Y         Y         Y         Y        Y
  agenda:write            -        -        -         -         -         -         Y        Y
  agenda:advance          -        -        -         -         -         -         Y        Y
  minutes:read            -        -        R         R         R         Y         Y        Y
  minutes:write           -        -        -         -         -         Y         Y        Y
  minutes:approve         -        -        -         -         -         -         Y        Y
  speaking:raise          -        -        Y         Y         -         Y         Y        Y
  speaking:moderate       -        -        -         -         -         -         Y        Y
  lobby:admit             -        -        -         -         -         -         Y        Y
  room:remove-person      -        -        -         -         -         -         Y        Y
  media:join              -        -        Y         Y         Y         Y         Y        Y
  media:publish           -        -        F         F         -         F         Y        Y
  media:share-screen      -        -        -         -         -         -         Y        Y
  media:moderate          -        -        -         -         -         -         Y        Y
  audit:read              -        -        -         -         -         -         Y        Y
  stats:read              -        -        -         -         -         -         Y        Y
  room:manage             -        -        -         -         -         -         -        Y
`;

/** The role each persona holds in the room (the same under every rule). */
const ROLE_OF: Record<Persona, EffectiveRole | null> = {
  anonymous: null,
  outsider: null,
  'by-rule': 'participant',
  participant: 'participant',
  observer: 'observer',
  note_taker: 'note_taker',
  co_chair: 'co_chair',
  organizer: 'organizer',
};

/* Event personas: a member of another event only counts as a non-member of this one. */
const EVENT_MATRIX = `
  action               anonymous non-member member organizer
  event:view               -         -        Y       Y
  event:see-presence       -         -        Y       Y
  event:manage             -         -        -       Y
  registration:submit      Y         Y        Y       Y
  registration:manage      -         -        -       Y
  report:publish           -         -        -       Y
`;

const GLOBAL_MATRIX = `
  action               anonymous member organizer
  series:manage            -        -       Y
  event:create             -        -       Y
  people:manage            -        -       Y
  organizer:create         -        -       Y
`;

// Exhaustive by construction: the compiler insists on every action of each union.
// prettier-ignore
const ROOM_ACTIONS = Object.keys({
  'room:view': 1, 'lobby:wait': 1, 'media:share-screen': 1, 'room:enter': 1, 'room:see-presence': 1, 'agenda:read': 1, 'agenda:write': 1, 'agenda:advance': 1,
  'minutes:read': 1, 'minutes:write': 1, 'minutes:approve': 1, 'speaking:raise': 1,
  'speaking:moderate': 1, 'lobby:admit': 1, 'room:remove-person': 1, 'media:join': 1,
  'media:publish': 1, 'media:moderate': 1, 'audit:read': 1, 'stats:read': 1, 'room:manage': 1,
} satisfies Record<RoomAction, 1>) as RoomAction[];
// prettier-ignore
const EVENT_ACTIONS = Object.keys({
  'event:view': 1, 'event:see-presence': 1, 'event:manage': 1, 'registration:submit': 1,
  'registration:manage': 1, 'report:publish': 1,
} satisfies Record<EventAction, 1>) as EventAction[];
// prettier-ignore
const GLOBAL_ACTIONS = Object.keys({
  'series:manage': 1, 'event:create': 1, 'people:manage': 1, 'organizer:create': 1,
} satisfies Record<GlobalAction, 1>) as GlobalAction[];

type Persona =
  'anonymous' | 'outsider' | 'by-rule' | 'participant' | 'observer' | 'note_taker' | 'co_chair' | 'organizer';
const PERSONAS = Object.keys(ROLE_OF) as Persona[];
type RuleName = 'event' | 'government' | 'people';

interface Flags {
  floorMode: Room['floorMode'];
  hideDraftMinutes: boolean;
  holdsFloor: boolean;
  minutesPublished: boolean;
  admission: Admission;
}
/** Co-chairs and organizers are never held at the door (`admissionOf` admits them). */
const admitted = (f: Flags, name: Persona): boolean =>
  f.admission === 'admitted' || name === 'co_chair' || name === 'organizer';
const CELL: Record<string, (flags: Flags, name: Persona) => boolean> = {
  A: () => true,
  Y: (f, name) => admitted(f, name),
  '-': () => false,
  R: (f, name) => admitted(f, name) && (!f.hideDraftMinutes || f.minutesPublished),
  F: (f, name) => admitted(f, name) && (f.floorMode === 'open' || f.holdsFloor),
};

/** Parses a matrix into action → column → cell. */
function parseMatrix(text: string): Map<string, Map<string, string>> {
  const [header, ...rows] = text
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/));
  const columns = (header ?? []).slice(1);
  return new Map(
    rows.map(([action = '', ...cells]) => [action, new Map(columns.map((c, i) => [c, cells[i] ?? '?']))]),
  );
}
const roomMatrix = parseMatrix(ROOM_MATRIX);
const eventMatrix = parseMatrix(EVENT_MATRIX);
const globalMatrix = parseMatrix(GLOBAL_MATRIX);

const EVENT = 'event-1';
const LISTED = 'listed-person';
const RULES: Record<RuleName, AccessRule> = {
  event: { mode: 'event' },
  government: { mode: 'restricted', categories: ['government'], personIds: [] },
  people: { mode: 'restricted', categories: [], personIds: [LISTED] },
};
const ALL_FLAGS: Flags[] = (['moderated', 'open'] as const).flatMap((floorMode) =>
  [false, true].flatMap((hideDraftMinutes) =>
    [false, true].flatMap((holdsFloor) =>
      [false, true].flatMap((minutesPublished) =>
        (['admitted', 'waiting', 'removed'] as const).map((admission) => ({
          floorMode,
          hideDraftMinutes,
          holdsFloor,
          minutesPublished,
          admission,
        })),
      ),
    ),
  ),
);

function room(rule: AccessRule, flags: Pick<Flags, 'floorMode' | 'hideDraftMinutes'>): Room {
  return {
    id: 'room-1',
    eventId: EVENT,
    name: { en: 'Dialogue', ja: '' },
    description: { en: '', ja: '' },
    position: 0,
    access: rule,
    floorMode: flags.floorMode,
    mediaEnabled: true,
    lobbyEnabled: false,
    hideDraftMinutes: flags.hideDraftMinutes,
  };
}

function actor(
  personId: string,
  options: { eventId?: string; category?: Category; role?: Persona; organizer?: boolean } = {},
): Actor {
  const memberships = new Map<string, { category: Category; side: string; delegationId: string } | null>();
  if (options.eventId) {
    memberships.set(
      options.eventId,
      options.category
        ? { category: options.category, side: 'Japan', delegationId: `d-${options.category}` }
        : null,
    );
  }
  const role = RoomRoleSchema.safeParse(options.role);
  return {
    personId,
    isOrganizer: options.organizer ?? false,
    memberships,
    roomRoles: new Map(role.success ? [['room-1', role.data]] : []),
  };
}

function persona(name: Persona, rule: RuleName): MaybeActor {
  switch (name) {
    case 'anonymous':
      return null;
    case 'outsider':
      if (rule === 'event') return actor('outsider', { eventId: 'another-event', category: 'government' });
      return actor('outsider', { eventId: EVENT, category: 'private' });
    case 'by-rule':
      if (rule === 'people') return actor(LISTED, { eventId: EVENT, category: 'private' });
      return actor('delegate', {
        eventId: EVENT,
        category: rule === 'government' ? 'government' : 'private',
      });
    case 'organizer':
      return actor('organizer', { organizer: true });
    default:
      return actor(name, { eventId: EVENT, category: 'civil_society', role: name });
  }
}

describe('the room access matrix', () => {
  it('covers every room action and every persona, and no more', () => {
    expect([...roomMatrix.keys()].sort()).toEqual([...ROOM_ACTIONS].sort());
    for (const row of roomMatrix.values()) expect([...row.keys()]).toEqual(PERSONAS);
  });

  describe.each(Object.keys(RULES) as RuleName[])('in a room whose rule is %s', (rule) => {
    it.each(PERSONAS)('%s holds the expected role', (name) => {
      expect(roomRoleOf(persona(name, rule), room(RULES[rule], ALL_FLAGS[0] as Flags))).toBe(ROLE_OF[name]);
    });

    it.each(PERSONAS)('%s may do exactly what the matrix says, under every flag', (name) => {
      const who = persona(name, rule);
      for (const flags of ALL_FLAGS) {
        const context: RoomFacts = {
          admission: flags.admission,
          holdsFloor: flags.holdsFloor,
          minutesPublished: flags.minutesPublished,
        };
        for (const action of ROOM_ACTIONS) {
          const cell = roomMatrix.get(action)?.get(name) ?? '?';
          const expected = CELL[cell]?.(flags, name);
          expect({
            action,
            flags,
            allowed: canInRoom(who, action, room(RULES[rule], flags), context),
          }).toEqual({ action, flags, allowed: expected });
        }
      }
    });
  });

  it.each(CategorySchema.options.filter((c) => c !== 'government'))(
    'a stakeholder (%s delegate) never gets into the government-only room for any action',
    (category) => {
      const stakeholder = actor('stakeholder', { eventId: EVENT, category });
      for (const flags of ALL_FLAGS) {
        const govRoom = room(RULES.government, flags);
        expect(roomRoleOf(stakeholder, govRoom)).toBeNull();
        for (const action of ROOM_ACTIONS) {
          expect({ action, allowed: canInRoom(stakeholder, action, govRoom, flags) }).toEqual({
            action,
            allowed: false,
          });
        }
      }
    },
  );

  it('a government delegate of another event does not get into this event’s government room', () => {
    const visitor = actor('visitor', { eventId: 'another-event', category: 'government' });
    const govRoom = room(RULES.government, ALL_FLAGS[0] as Flags);
    expect(canInRoom(visitor, 'room:enter', govRoom, { admission: 'admitted' })).toBe(false);
  });
});

describe('the event and site access matrices', () => {
  const eventPersonas: Record<string, MaybeActor> = {
    anonymous: null,
    'non-member': actor('visitor', { eventId: 'another-event', category: 'government' }),
    member: actor('member', { eventId: EVENT, category: 'private' }),
    organizer: actor('organizer', { organizer: true }),
  };

  it('covers every event action and every site action', () => {
    expect([...eventMatrix.keys()].sort()).toEqual([...EVENT_ACTIONS].sort());
    expect([...globalMatrix.keys()].sort()).toEqual([...GLOBAL_ACTIONS].sort());
  });

  it.each(Object.keys(eventPersonas))('%s may do exactly what the event matrix says', (name) => {
    for (const action of EVENT_ACTIONS) {
      const expected = eventMatrix.get(action)?.get(name) === 'Y';
      expect({ action, allowed: canInEvent(eventPersonas[name] ?? null, action, EVENT) }).toEqual({
        action,
        allowed: expected,
      });
    }
  });

  it.each(['anonymous', 'member', 'organizer'])('%s may do exactly what the site matrix says', (name) => {
    for (const action of GLOBAL_ACTIONS) {
      const expected = globalMatrix.get(action)?.get(name) === 'Y';
      expect({ action, allowed: canGlobally(eventPersonas[name] ?? null, action) }).toEqual({
        action,
        allowed: expected,
      });
    }
  });
});

describe('access properties', () => {
  const categoryArb = fc.constantFrom(...CategorySchema.options);
  const ruleArb: fc.Arbitrary<AccessRule> = fc.oneof(
    fc.constant({ mode: 'event' as const }),
    fc.record({
      mode: fc.constant('restricted' as const),
      categories: fc.subarray([...CategorySchema.options]),
      personIds: fc.subarray(['p1', 'p2', 'p3']),
    }),
  );
  const roomArb = fc
    .record({
      access: ruleArb,
      floorMode: fc.constantFrom('moderated' as const, 'open' as const),
      hideDraftMinutes: fc.boolean(),
    })
    .map(({ access, ...flags }) => room(access, flags));
  const actorArb: fc.Arbitrary<MaybeActor> = fc.option(
    fc
      .record({
        personId: fc.constantFrom('p1', 'p2', 'p3', 'p4'),
        organizer: fc.boolean(),
        eventId: fc.option(fc.constantFrom(EVENT, 'another-event'), { nil: undefined }),
        category: fc.option(categoryArb, { nil: undefined }),
        role: fc.option(fc.constantFrom(...RoomRoleSchema.options), { nil: undefined }),
      })
      .map(({ personId, ...options }) => actor(personId, options)),
    { nil: null },
  );
  const contextArb: fc.Arbitrary<RoomFacts> = fc.record(
    {
      admission: fc.constantFrom('admitted' as const, 'waiting' as const, 'removed' as const),
      holdsFloor: fc.boolean(),
      minutesPublished: fc.boolean(),
    },
    { requiredKeys: ['admission'] },
  );

  it('every action allowed in a room, but seeing it and asking to enter, implies entering it', () => {
    fc.assert(
      fc.property(
        actorArb,
        roomArb,
        contextArb,
        fc.constantFrom(...ROOM_ACTIONS),
        (who, r, context, action) => {
          if (action === 'room:view' || action === 'lobby:wait') return;
          if (canInRoom(who, action, r, context)) expect(canInRoom(who, 'room:enter', r, context)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('before admission, a person who does not moderate may only see the room and ask to enter', () => {
    fc.assert(
      fc.property(actorArb, roomArb, contextArb, (who, r, context) => {
        const role = roomRoleOf(who, r);
        if (context.admission === 'admitted' || role === 'co_chair' || role === 'organizer') return;
        const allowed = ROOM_ACTIONS.filter((a) => canInRoom(who, a, r, context));
        expect(allowed.every((a) => a === 'room:view' || a === 'lobby:wait')).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('the lobby admits moderators always, and holds or keeps out the others as its state says', () => {
    const lobby = { waiting: [], admitted: ['in'], removed: ['out'] };
    expect(admissionOf(lobby, 'out', { lobbyEnabled: false }, true)).toBe('admitted');
    expect(admissionOf(lobby, 'out', { lobbyEnabled: false }, false)).toBe('removed');
    expect(admissionOf(lobby, 'out', { lobbyEnabled: true }, false)).toBe('removed');
    expect(admissionOf(lobby, 'new', { lobbyEnabled: false }, false)).toBe('admitted');
    expect(admissionOf(lobby, 'new', { lobbyEnabled: true }, false)).toBe('waiting');
    expect(admissionOf(lobby, 'in', { lobbyEnabled: true }, false)).toBe('admitted');
  });

  it('nobody whom the room does not admit may do anything in it', () => {
    fc.assert(
      fc.property(actorArb, roomArb, contextArb, (who, r, context) => {
        if (roomRoleOf(who, r) === null) {
          expect(ROOM_ACTIONS.filter((a) => canInRoom(who, a, r, context))).toEqual([]);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
