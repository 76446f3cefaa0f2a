import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Event } from '@roundtable/shared';
import { eventToIcs } from './calendar.js';

const taskForce: Event = {
  id: 'ev-1',
  seriesId: null,
  title: { en: 'Japan–US Task Force; 2nd round', ja: '' },
  theme: { en: 'Supply-chain due diligence', ja: '' },
  description: { en: '', ja: '' },
  timeZone: 'Asia/Tokyo',
  sessions: [
    {
      id: 'g2g',
      label: { en: 'Government-to-government', ja: '' },
      startsAt: '2021-03-02T00:00:00.000Z',
      endsAt: '2021-03-02T02:00:00.000Z',
    },
    {
      id: 'stk',
      label: { en: 'Stakeholders', ja: '' },
      startsAt: '2021-03-03T23:30:00.000Z',
      endsAt: '2021-03-04T01:00:00.000Z',
    },
  ],
  venues: [{ id: 'online', name: { en: 'Online', ja: '' }, kind: 'online' }],
  registrationOpen: false,
  reportVisibility: 'participants',
};

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  return { calendar, events };
}

describe('eventToIcs', () => {
  it('writes one VEVENT per session whose UTC times parse back to the session times', () => {
    const { events } = parse(eventToIcs(taskForce, 'https://rt.example/events/ev-1'));
    expect(events).toHaveLength(2);
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual([
      '2021-03-02T00:00:00.000Z',
      '2021-03-03T23:30:00.000Z',
    ]);
    expect(events.map((e) => e.endDate.toJSDate().toISOString())).toEqual([
      '2021-03-02T02:00:00.000Z',
      '2021-03-04T01:00:00.000Z',
    ]);
    expect(events[0]?.uid).toBe('ev-1.g2g@roundtable');
  });

  it("keeps titles with punctuation intact and states the event's own clock in the description", () => {
    const { calendar, events } = parse(eventToIcs(taskForce, 'https://rt.example/events/ev-1'));
    expect(events[0]?.summary).toBe('Japan–US Task Force; 2nd round — Government-to-government');
    // 23:30 UTC on 3 March is 08:30 on 4 March in Tokyo.
    expect(events[1]?.description).toContain('4 Mar 2021, 08:30 – 10:00 (Asia/Tokyo)');
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Asia/Tokyo');
    expect(events[0]?.location).toBe('Online');
  });

  it('writes a valid empty calendar for an event without sessions', () => {
    const { events } = parse(eventToIcs({ ...taskForce, sessions: [] }, 'https://rt.example/events/ev-1'));
    expect(events).toEqual([]);
  });
});
