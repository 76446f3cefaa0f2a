import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { EventDetail, Me, Registration } from '@roundtable/shared';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockApi, renderWithApp, sentBody } from '../test/render';
import ConsoleApp from './ConsoleApp';

const organizer: Me = {
  person: {
    id: 'org-1',
    name: 'Secretariat',
    email: 'org@example.org',
    organization: '',
    phone: null,
    isOrganizer: true,
  },
  memberships: [],
  roles: [],
};

const event: EventDetail = {
  id: 'evt-1',
  seriesId: null,
  series: null,
  title: { en: 'Monthly round-table', ja: '' },
  theme: { en: 'Energy transition', ja: '' },
  description: { en: '', ja: '' },
  timeZone: 'Asia/Tokyo',
  sessions: [],
  venues: [{ id: 'tokyo', name: { en: 'Tokyo', ja: '' }, kind: 'in_person' }],
  registrationOpen: true,
  reportVisibility: 'public',
  rooms: [
    {
      id: 'room-1',
      eventId: 'evt-1',
      name: { en: 'Stakeholder dialogue', ja: '' },
      description: { en: '', ja: '' },
      position: 0,
      access: { mode: 'event' },
      floorMode: 'moderated',
      mediaEnabled: true,
      lobbyEnabled: false,
      hideDraftMinutes: false,
      canEnter: true,
      myRole: null,
    },
  ],
};

function buildRegistration(overrides: Partial<Registration>): Registration {
  return {
    id: 'reg-1',
    eventId: 'evt-1',
    name: 'Aiko Tanaka',
    organization: 'Keidanren',
    email: 'aiko@example.org',
    phone: '0312345678',
    place: 'tokyo',
    status: 'pending',
    personId: null,
    createdAt: '2025-05-01T00:00:00.000Z',
    decidedAt: null,
    ...overrides,
  };
}

describe('registrations in the console', () => {
  it('approves a pending registration with a delegation and room role, then shows the invitation link', async () => {
    const fetchMock = mockApi({
      'GET /api/auth/me': () => jsonResponse(200, organizer),
      'GET /api/events/evt-1': () => jsonResponse(200, event),
      'GET /api/events/evt-1/delegations': () =>
        jsonResponse(200, [
          {
            id: 'del-1',
            eventId: 'evt-1',
            side: 'Japan',
            category: 'private',
            name: { en: 'Japan — Private', ja: '日本 — 民間' },
          },
        ]),
      'GET /api/events/evt-1/registrations': () =>
        jsonResponse(200, [
          buildRegistration({
            id: 'reg-0',
            name: 'Ken Sato',
            status: 'declined',
            decidedAt: '2025-05-02T00:00:00Z',
          }),
          buildRegistration({}),
        ]),
      'POST /api/registrations/reg-1/approve': () =>
        jsonResponse(200, {
          registration: buildRegistration({
            status: 'approved',
            personId: 'p-1',
            decidedAt: '2025-05-03T00:00:00Z',
          }),
          invitation: {
            id: 'inv-1',
            eventId: 'evt-1',
            personId: 'p-1',
            expiresAt: '2025-06-02T00:00:00.000Z',
            revokedAt: null,
            createdAt: '2025-05-03T00:00:00.000Z',
            lastUsedAt: null,
            url: 'http://127.0.0.1:4310/invite?token=secret-token-0123456789',
            token: 'secret-token-0123456789',
          },
        }),
    });
    const user = userEvent.setup({ delay: null });
    renderWithApp(<ConsoleApp />, { path: '/console/events/evt-1/registrations', route: '/console/*' });

    const card = (await screen.findByRole('heading', { name: 'Aiko Tanaka' })).closest('article');
    if (!card) throw new Error('the pending registration is not an article');
    await user.selectOptions(within(card).getByLabelText('Delegation'), 'Japan — Private');
    await user.selectOptions(within(card).getByLabelText('Stakeholder dialogue'), 'Participant');
    await user.click(within(card).getByRole('button', { name: /^Approve/ }));

    expect((await screen.findByTestId('invitation-link')).textContent).toBe(
      'http://127.0.0.1:4310/invite?token=secret-token-0123456789',
    );
    const approveCall = fetchMock.mock.calls.find(([url]) => url === '/api/registrations/reg-1/approve');
    expect(sentBody(approveCall?.[1])).toEqual({
      delegationId: 'del-1',
      roles: [{ roomId: 'room-1', role: 'participant' }],
      validForDays: 30,
    });
    expect(screen.getByRole('button', { name: 'Copy the invitation link for Aiko Tanaka' })).toBeTruthy();
  });

  it('lists decided registrations apart from the pending ones', async () => {
    mockApi({
      'GET /api/auth/me': () => jsonResponse(200, organizer),
      'GET /api/events/evt-1': () => jsonResponse(200, event),
      'GET /api/events/evt-1/delegations': () => jsonResponse(200, []),
      'GET /api/events/evt-1/registrations': () =>
        jsonResponse(200, [buildRegistration({ id: 'reg-0', name: 'Ken Sato', status: 'declined' })]),
    });
    renderWithApp(<ConsoleApp />, { path: '/console/events/evt-1/registrations', route: '/console/*' });

    expect(await screen.findByText('No registration is waiting for approval.')).toBeTruthy();
    const decided = screen.getByRole('table', { name: 'Decided registrations' });
    expect(within(decided).getByRole('row', { name: /Ken Sato/ }).textContent).toContain('Declined');
    expect(screen.queryByRole('button', { name: /^Approve/ })).toBeNull();
  });
});
