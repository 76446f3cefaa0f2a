import type { MediaStatus } from '@roundtable/shared';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../test/render';
import { DeviceChoice } from './DeviceChoice';

type EnabledStatus = Extract<MediaStatus, { enabled: true }>;

function buildStatus(floorMode: 'open' | 'moderated', sources: EnabledStatus['grants']['canPublishSources']) {
  return {
    enabled: true,
    url: 'wss://livekit.example.org',
    floorMode,
    grants: {
      canPublish: sources.length > 0,
      canPublishSources: sources,
      canSubscribe: true,
      canPublishData: false,
      hidden: false,
    },
  } satisfies EnabledStatus;
}

const joinButton = () => screen.getByRole('button', { name: 'Join audio and video' });

// jsdom has no media devices, like a page served without HTTPS: the form must still let people join.
describe('choosing devices before joining', () => {
  it('a co-chair chooses a microphone and a camera, and learns they may share the screen', async () => {
    const onJoin = vi.fn();
    const status = buildStatus('moderated', ['microphone', 'camera', 'screen_share', 'screen_share_audio']);
    renderWithApp(<DeviceChoice status={status} role="co_chair" joining={false} onJoin={onJoin} />);

    expect(screen.getByTestId('media-publish-note').textContent).toMatch(/share your screen/);
    expect(screen.getByRole('combobox', { name: 'Microphone' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Camera' })).toBeTruthy();

    await userEvent.setup({ delay: null }).click(joinButton());
    expect(onJoin).toHaveBeenCalledWith({
      audioDeviceId: '',
      videoDeviceId: '',
      microphoneOn: true,
      cameraOn: false,
    });
  });

  it('a participant waiting for the floor picks a microphone but joins with it off', async () => {
    const onJoin = vi.fn();
    renderWithApp(
      <DeviceChoice
        status={buildStatus('moderated', [])}
        role="participant"
        joining={false}
        onJoin={onJoin}
      />,
    );

    expect(screen.getByTestId('media-publish-note').textContent).toMatch(
      /until a co-chair gives you the floor/,
    );
    expect(screen.getByRole('combobox', { name: 'Microphone' })).toBeTruthy();
    expect(screen.queryByRole('checkbox', { name: 'Microphone on when I join' })).toBeNull();

    await userEvent.setup({ delay: null }).click(joinButton());
    expect(onJoin).toHaveBeenCalledWith(expect.objectContaining({ microphoneOn: false, cameraOn: false }));
  });

  it('an observer is offered to listen, with no device to choose and no device warning', () => {
    renderWithApp(
      <DeviceChoice status={buildStatus('moderated', [])} role="observer" joining={false} onJoin={vi.fn()} />,
    );

    expect(screen.getByTestId('media-publish-note').textContent).toMatch(/you do not speak/);
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(joinButton()).toBeTruthy();
  });

  it('the join button waits while joining, and says so', () => {
    renderWithApp(
      <DeviceChoice
        status={buildStatus('open', ['microphone', 'camera'])}
        role="participant"
        joining
        onJoin={vi.fn()}
      />,
    );

    expect((joinButton() as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('Joining audio and video…');
  });
});
