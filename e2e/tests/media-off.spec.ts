import { expect, test } from '@playwright/test';
import type { Actor } from '../support/actors.js';
import { loadedMediaChunk, MediaPanelScreen, recordScripts } from '../support/media.js';
import { Organizer, PEOPLE, RoomScreen, STAKEHOLDER_ROOM } from '../support/room.js';

/*
 * The default e2e server has no LIVEKIT_* settings: audio and video are off, the room says so,
 * and everything else in it works.
 */
test.describe('a room without audio and video', () => {
  let organizer: Organizer;
  let participant: Actor;

  test.beforeAll(async ({ browser }) => {
    organizer = await Organizer.signIn(browser);
    participant = await organizer.invite(browser, PEOPLE.participantJapan);
  });

  test.afterAll(async () => {
    await Promise.all([participant, organizer.actor].map((actor) => actor.close()));
  });

  test('the media panel says audio and video are not set up, and the speakers list still works', async () => {
    const { page } = participant;
    const scripts = recordScripts(page);
    const room = new RoomScreen(page);
    const media = new MediaPanelScreen(page);

    await room.enterFromEventPage(STAKEHOLDER_ROOM);
    await expect(media.offNotice).toHaveText(/not set up on this server/);
    await expect(media.joinButton).toHaveCount(0);

    const lowerHand = room.button('Lower my hand');
    // Other specs meet in this room on the same server: start without a hand of ours up.
    while ((await lowerHand.count()) > 0) await lowerHand.first().click();
    await room.raiseHand();
    await expect.poll(() => room.speakerNames()).toContain(PEOPLE.participantJapan);
    await lowerHand.click();
    await expect(page.getByTestId('my-position')).toHaveCount(0);

    // With media off the room never downloads LiveKit's code.
    expect(loadedMediaChunk(scripts)).toBe(false);
  });

  test('the server refuses a join token while media is off', async () => {
    const roomId = await organizer.roomId(STAKEHOLDER_ROOM);
    const response = await participant.page.request.post(`/api/rooms/${roomId}/media/token`);
    expect(response.status()).toBe(409);
    expect(await response.json()).toMatchObject({
      error: { code: 'media_off', details: { reason: 'not_configured' } },
    });
  });
});
