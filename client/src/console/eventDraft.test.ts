import type { Event } from '@roundtable/shared';
import { describe, expect, it } from 'vitest';
import { bodyFromDraft, draftFromEvent } from './eventDraft';

const taskForce: Event = {
  id: 'evt-1',
  seriesId: null,
  title: { en: 'Task force, second meeting', ja: '' },
  theme: { en: 'Supply chains', ja: '' },
  description: { en: '', ja: '' },
  timeZone: 'Asia/Tokyo',
  sessions: [
    {
      id: 's1',
      label: { en: 'Day 1', ja: '' },
      startsAt: '2025-05-12T01:00:00.000Z',
      endsAt: '2025-05-12T03:00:00.000Z',
    },
  ],
  venues: [{ id: 'tokyo', name: { en: 'Tokyo', ja: '' }, kind: 'in_person' }],
  registrationOpen: true,
  reportVisibility: 'public',
};

describe('event drafts', () => {
  it('shows session times as wall time in the event zone, not the browser zone', () => {
    const draft = draftFromEvent(taskForce, 'Europe/Berlin');
    expect(draft.sessions[0]).toMatchObject({ startsAt: '2025-05-12T10:00', endsAt: '2025-05-12T12:00' });
  });

  it('round-trips an event through the form unchanged', () => {
    const { id: _id, ...expected } = taskForce;
    expect(bodyFromDraft(draftFromEvent(taskForce, 'UTC'))).toEqual(expected);
  });

  it('keeps the typed wall times when the organizer changes the zone', () => {
    const draft = { ...draftFromEvent(taskForce, 'UTC'), timeZone: 'America/New_York' };
    expect(bodyFromDraft(draft).sessions[0]?.startsAt).toBe('2025-05-12T14:00:00.000Z');
  });

  it('starts a new event in the organizer zone with no series', () => {
    const body = bodyFromDraft(draftFromEvent(null, 'Asia/Tokyo'));
    expect(body).toMatchObject({
      timeZone: 'Asia/Tokyo',
      seriesId: null,
      sessions: [],
      registrationOpen: false,
    });
  });
});
