import { describe, expect, it } from 'vitest';
import type { Event, Room } from '@roundtable/shared';
import type { Actor } from '@roundtable/shared';
import { eventIssues, isPlaceOf, roomViewFor } from './views.js';

const governmentRoom: Room = {
  id: 'g2g',
  eventId: 'ev',
  name: { en: 'Government-to-government dialogue', ja: '' },
  description: { en: '', ja: '' },
  position: 0,
  access: { mode: 'restricted', categories: ['government'], personIds: [] },
  floorMode: 'moderated',
  mediaEnabled: true,
  lobbyEnabled: false,
  hideDraftMinutes: false,
};

function actor(overrides: Partial<Actor>): Actor {
  return { personId: 'p', isOrganizer: false, memberships: new Map(), roomRoles: new Map(), ...overrides };
}

const event: Omit<Event, 'id'> = {
  seriesId: null,
  title: { en: 'Round Table', ja: '' },
  theme: { en: '', ja: '' },
  description: { en: '', ja: '' },
  timeZone: 'Asia/Tokyo',
  sessions: [
    { id: 's1', label: { en: '', ja: '' }, startsAt: '2018-10-10T01:00:00Z', endsAt: '2018-10-10T04:00:00Z' },
  ],
  venues: [
    { id: 'tokyo', name: { en: 'Tokyo', ja: '' }, kind: 'in_person' },
    { id: 'osaka', name: { en: 'Osaka', ja: '' }, kind: 'in_person' },
  ],
  registrationOpen: true,
  reportVisibility: 'public',
};

describe('roomViewFor', () => {
  it('lets a government delegate enter the government room as a participant', () => {
    const delegate = actor({
      memberships: new Map([['ev', { category: 'government', side: 'Japan', delegationId: 'd' }]]),
    });
    expect(roomViewFor(delegate, governmentRoom)).toMatchObject({ canEnter: true, myRole: 'participant' });
  });

  it('shows the government room to a private-sector delegate as closed', () => {
    const delegate = actor({
      memberships: new Map([['ev', { category: 'private', side: 'Japan', delegationId: 'd' }]]),
    });
    expect(roomViewFor(delegate, governmentRoom)).toMatchObject({ canEnter: false, myRole: null });
  });

  it('lets an organizer enter without inventing a room role for them', () => {
    expect(roomViewFor(actor({ isOrganizer: true }), governmentRoom)).toMatchObject({
      canEnter: true,
      myRole: null,
    });
    const chairingOrganizer = actor({ isOrganizer: true, roomRoles: new Map([['g2g', 'co_chair']]) });
    expect(roomViewFor(chairingOrganizer, governmentRoom).myRole).toBe('co_chair');
  });
});

describe('eventIssues', () => {
  it('accepts a consistent event', () => {
    expect(eventIssues(event)).toEqual([]);
  });

  it('points at a session that ends before it starts and at repeated ids', () => {
    const issues = eventIssues({
      ...event,
      sessions: [
        {
          id: 's1',
          label: { en: '', ja: '' },
          startsAt: '2018-10-10T04:00:00Z',
          endsAt: '2018-10-10T01:00:00Z',
        },
        {
          id: 's1',
          label: { en: '', ja: '' },
          startsAt: '2018-11-06T01:00:00Z',
          endsAt: '2018-11-06T04:00:00Z',
        },
      ],
      venues: [...event.venues, { id: 'tokyo', name: { en: 'Tokyo again', ja: '' }, kind: 'in_person' }],
    });
    expect(issues.map((i) => i.path)).toEqual(['sessions.0.endsAt', 'sessions.1.id', 'venues.2.id']);
  });

  it('reserves the venue id "online" for online attendance', () => {
    const issues = eventIssues({
      ...event,
      venues: [{ id: 'online', name: { en: 'Hall', ja: '' }, kind: 'in_person' }],
    });
    expect(issues.map((i) => i.path)).toEqual(['venues.0.id']);
  });
});

describe('isPlaceOf', () => {
  it("accepts the event's venues and online, nothing else", () => {
    const withId = { ...event, id: 'ev' };
    expect(isPlaceOf(withId, 'osaka')).toBe(true);
    expect(isPlaceOf(withId, 'online')).toBe(true);
    expect(isPlaceOf(withId, 'kyoto')).toBe(false);
  });
});
