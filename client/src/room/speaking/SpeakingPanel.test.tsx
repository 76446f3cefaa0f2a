import { initialSpeakingState, type SpeakingEntry, type SpeakingStatePush } from '@roundtable/shared';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithApp } from '../../test/render';
import { roomAbilities } from '../abilities';
import { SpeakingPanel } from './SpeakingPanel';

function buildEntry(id: string, name: string, side: string): SpeakingEntry {
  return {
    id,
    personId: `p-${id}`,
    name,
    delegationId: `${side}-private`,
    side,
    category: 'private',
    kind: 'normal',
    requestedAt: 0,
    addedBy: `p-${id}`,
  };
}

function buildPush(): SpeakingStatePush {
  const state = initialSpeakingState();
  return {
    roomId: 'room-1',
    version: 3,
    serverNow: Date.now(),
    state: {
      ...state,
      entries: [
        buildEntry('e1', 'WATANABE Daiki', 'Japan'),
        buildEntry('e2', 'Emily Johnson', 'United States'),
      ],
    },
  };
}

function renderPanel(myId: string, role: 'co_chair' | 'participant' | 'observer') {
  return renderWithApp(
    <SpeakingPanel
      roomId="room-1"
      eventId="event-1"
      myId={myId}
      abilities={roomAbilities({ myRole: role }, false)}
      speaking={{ push: buildPush(), error: null, timeUp: null }}
      present={[]}
    />,
  );
}

describe('speaking panel', () => {
  it('shows a participant the calling order, without entry menus or the co-chair console', () => {
    renderPanel('p-e2', 'participant');
    const entries = screen.getAllByTestId('speaker').map((entry) => entry.textContent ?? '');
    expect(entries.map((text) => text.split(' (')[0])).toEqual(['WATANABE Daiki', 'Emily Johnson']);
    expect(entries[1]).toContain('You');
    expect(screen.queryByRole('button', { name: /^Actions for/ })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Co-chair console' })).toBeNull();
  });

  it('gives co-chairs a menu per entry, with the moves its place allows, from the keyboard', async () => {
    const user = userEvent.setup();
    renderPanel('chair', 'co_chair');
    const list = screen.getByRole('list', { name: 'Speakers in calling order' });
    within(list).getByRole('button', { name: 'Actions for Emily Johnson' }).focus();
    await user.keyboard('{Enter}');
    const item = (name: string) => screen.getByRole('menuitem', { name });
    expect(item('Give the floor')).toBeTruthy();
    expect(item('Move Emily Johnson up').getAttribute('aria-disabled')).toBeNull();
    // The last of its kind cannot move down.
    expect(item('Move Emily Johnson down').getAttribute('aria-disabled')).toBe('true');
    await user.keyboard('{Escape}');
    within(list).getByRole('button', { name: 'Actions for WATANABE Daiki' }).focus();
    await user.keyboard('{Enter}');
    // The first of its kind cannot move further up.
    expect(item('Move WATANABE Daiki up').getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByRole('region', { name: 'Co-chair console' })).toBeTruthy();
  });

  it('offers observers no way to raise a hand', () => {
    renderPanel('observer', 'observer');
    expect(screen.queryByRole('button', { name: 'Raise my hand' })).toBeNull();
    expect(screen.getAllByTestId('speaker')).toHaveLength(2);
  });
});
