import type { MediaGrants } from '@roundtable/shared';
import { screen, within } from '@testing-library/react';
import { Room } from 'livekit-client';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../test/render';
import { MediaStage } from './MediaStage';

function buildGrants(sources: MediaGrants['canPublishSources']): MediaGrants {
  return {
    canPublish: sources.length > 0,
    canPublishSources: sources,
    canSubscribe: true,
    canPublishData: false,
    hidden: false,
  };
}

/** The stage around a LiveKit room that never connects: only the viewer's own tile is there. */
function renderStage(grants: MediaGrants, floorHolderId: string | null = null) {
  renderWithApp(
    <MediaStage
      room={new Room()}
      roomId="room-1"
      grants={grants}
      floorHolderId={floorHolderId}
      moderator
      permissionChange={null}
      deviceError={null}
      onLeave={vi.fn()}
    />,
  );
}

const controls = () => screen.getByRole('group', { name: 'Your microphone, camera and screen' });

describe('the media stage', () => {
  it('gives a co-chair their microphone, camera and screen', () => {
    renderStage(buildGrants(['microphone', 'camera', 'screen_share', 'screen_share_audio']));

    const buttons = within(controls())
      .getAllByRole('button')
      .map((button) => button.getAttribute('aria-label'));
    expect(buttons).toEqual(['Turn my microphone on', 'Turn my camera on', 'Share my screen']);
    expect(screen.getByRole('button', { name: 'Leave audio and video' })).toBeTruthy();
  });

  it('offers no publish control to someone who may only listen', () => {
    renderStage(buildGrants([]));

    expect(within(controls()).queryAllByRole('button')).toEqual([]);
    expect(screen.getByRole('button', { name: 'Leave audio and video' })).toBeTruthy();
    expect(screen.getByTestId('media-listening').textContent).toBe('You are listening.');
  });

  it('shows the viewer their own tile, without mute or remove buttons on it', () => {
    renderStage(buildGrants(['microphone', 'camera']));

    const tiles = within(screen.getByRole('list', { name: 'People in audio and video' })).getAllByTestId(
      'media-tile',
    );
    expect(tiles).toHaveLength(1);
    const [own] = tiles;
    expect(own?.textContent).toContain('You');
    expect(own?.textContent).toContain('Microphone off');
    expect(within(own as HTMLElement).queryByRole('button')).toBeNull();
  });
});
