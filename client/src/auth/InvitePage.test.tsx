import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Route, Routes } from 'react-router';
import { jsonResponse, mockApi, renderWithApp, sentBody } from '../test/render';
import InvitePage from './InvitePage';

const invited = {
  person: {
    id: 'p-1',
    name: 'Aiko Tanaka',
    email: 'aiko@example.org',
    organization: '',
    phone: null,
    isOrganizer: false,
  },
  memberships: [{ eventId: 'evt-1', personId: 'p-1', delegationId: null, place: 'tokyo' }],
  roles: [],
};

function renderInvite(path: string) {
  renderWithApp(
    <Routes>
      <Route path="/invite" element={<InvitePage />} />
      <Route path="/invite/:token" element={<InvitePage />} />
      <Route path="/events/:eventId" element={<h1>Event page</h1>} />
    </Routes>,
    { path },
  );
}

describe('invitation link', () => {
  it('signs the person in once and takes them to the event they were invited to', async () => {
    const fetchMock = mockApi({ 'POST /api/invitations/redeem': () => jsonResponse(200, invited) });
    renderInvite('/invite?token=secret-token-0123456789');

    expect(await screen.findByRole('heading', { name: 'Event page' })).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(sentBody(fetchMock.mock.calls[0]?.[1])).toEqual({
      token: 'secret-token-0123456789',
    });
  });

  it('explains an expired link and whom to ask', async () => {
    mockApi({
      'POST /api/invitations/redeem': () =>
        jsonResponse(410, { error: { code: 'invitation_expired', message: 'Expired.' } }),
    });
    renderInvite('/invite/secret-token-0123456789');

    expect((await screen.findByRole('alert')).textContent).toContain(
      'Please ask the secretariat for a new link.',
    );
  });
});
