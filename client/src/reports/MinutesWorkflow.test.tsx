import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MinutesWorkflowView } from '@roundtable/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockApi, renderWithApp } from '../test/render';
import { MinutesWorkflow } from './MinutesWorkflow';

// The live pushes need a socket; here the view comes from the REST answers alone.
vi.mock('../realtime/useRoomChannel', () => ({ useRoomChannel: () => ({ value: null, error: null }) }));

const NO = {
  submit: false,
  approve: false,
  reopen: false,
  publish: false,
  versions: false,
  attendance: false,
};

function buildView(overrides: Partial<MinutesWorkflowView>): MinutesWorkflowView {
  return {
    roomId: 'room-1',
    status: 'submitted',
    version: 1,
    submittedBy: { personId: 'nt', name: 'SATO Ken' },
    submittedAt: '2026-03-01T05:00:00.000Z',
    approvers: [
      { personId: 'c1', name: 'Chair Japan', approvedAt: '2026-03-01T06:00:00.000Z' },
      { personId: 'c2', name: 'Chair US', approvedAt: null },
    ],
    approvedAt: null,
    publishedBy: null,
    publishedAt: null,
    readOnly: true,
    can: NO,
    ...overrides,
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('the minutes workflow in the room', () => {
  it('shows who approved and who is awaited, and lets the awaited co-chair approve', async () => {
    const approved = buildView({
      status: 'approved',
      version: 2,
      approvers: buildView({}).approvers.map((a) => ({ ...a, approvedAt: '2026-03-01T07:00:00.000Z' })),
    });
    const fetchMock = mockApi({
      'GET /api/rooms/room-1/minutes': () => jsonResponse(200, buildView({ can: { ...NO, approve: true } })),
      'POST /api/rooms/room-1/minutes/approve': () => jsonResponse(200, approved),
    });
    renderWithApp(<MinutesWorkflow roomId="room-1" eventId="evt-1" />);

    expect(await screen.findByText('… waiting for Chair US')).toBeTruthy();
    expect(screen.getByText(/Chair Japan approved/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Submit for approval' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Approve the minutes' }));
    expect(await screen.findByText('Approved by every co-chair')).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledWith('/api/rooms/room-1/minutes/approve', expect.anything());
    expect(screen.queryByRole('button', { name: 'Approve the minutes' })).toBeNull();
  });

  it('offers a note-taker to submit a draft and to keep named versions', async () => {
    mockApi({
      'GET /api/rooms/room-1/minutes': () =>
        jsonResponse(
          200,
          buildView({
            status: 'draft',
            version: 0,
            submittedBy: null,
            submittedAt: null,
            approvers: [],
            readOnly: false,
            can: { ...NO, submit: true, versions: true },
          }),
        ),
    });
    renderWithApp(<MinutesWorkflow roomId="room-1" eventId="evt-1" />);
    expect(await screen.findByRole('button', { name: 'Submit for approval' })).toBeTruthy();
    expect(screen.getByText('Versions')).toBeTruthy();
    expect(screen.queryByText('Attendance')).toBeNull();
  });
});
