import { initialSpeakingState, type SpeakingEntry, type SpeakingStatePush } from '@roundtable/shared';
import { screen, within } from '@testing-library/react';
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
  it('shows a participant their place in the calling order and no co-chair console', () => {
    renderPanel('p-e2', 'participant');
    expect(screen.getByTestId('my-position').textContent).toBe('You are number 2 of 2');
    expect(screen.getByRole('button', { name: 'Lower my hand' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Co-chair console' })).toBeNull();
  });

  it('gives co-chairs a named move button per direction for keyboard reordering', () => {
    renderPanel('chair', 'co_chair');
    const list = screen.getByRole('list', { name: 'Speakers in calling order' });
    const button = (name: string) => within(list).getByRole<HTMLButtonElement>('button', { name });
    expect(button('Move Emily Johnson up').disabled).toBe(false);
    // The first of its kind cannot move further up; the last cannot move down.
    expect(button('Move WATANABE Daiki up').disabled).toBe(true);
    expect(button('Move Emily Johnson down').disabled).toBe(true);
    expect(screen.getByRole('region', { name: 'Co-chair console' })).toBeTruthy();
  });

  it('offers observers no way to raise a hand', () => {
    renderPanel('observer', 'observer');
    expect(screen.queryByRole('button', { name: 'Raise my hand' })).toBeNull();
    expect(screen.getAllByTestId('speaker')).toHaveLength(2);
  });
});
