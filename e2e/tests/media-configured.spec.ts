import { expect, test, type Browser } from '@playwright/test';
import type { Actor } from '../support/actors.js';
import { loadedMediaChunk, MediaPanelScreen, recordScripts } from '../support/media.js';
import { Organizer, PEOPLE, RoomScreen, STAKEHOLDER_ROOM } from '../support/room.js';

/*
 * Runs against the second e2e server, started with LIVEKIT_* settings (project
 * `livekit-configured`). No LiveKit server runs here, so these tests stop at what our app does:
 * offer to join, let people choose devices, and fetch a join token with the right grants. The
 * connection itself then fails, and the panel must say so and offer to try again.
 */
test.describe('a room with audio and video configured', () => {
  let organizer: Organizer;
  const actors: Actor[] = [];

  test.beforeAll(async ({ browser }) => {
    organizer = await Organizer.signIn(browser);
  });

  test.afterAll(async () => {
    await Promise.all([...actors, organizer.actor].map((actor) => actor.close()));
  });

  async function enterAs(personName: string, browser: Browser) {
    const actor = await organizer.invite(browser, personName);
    actors.push(actor);
    const scripts = recordScripts(actor.page);
    await new RoomScreen(actor.page).enterFromEventPage(STAKEHOLDER_ROOM);
    return { page: actor.page, media: new MediaPanelScreen(actor.page), scripts };
  }

  test('a co-chair chooses devices, joins, and gets a token to speak and share the screen', async ({
    browser,
  }) => {
    const { media, scripts } = await enterAs(PEOPLE.coChair, browser);
    const roomId = await organizer.roomId(STAKEHOLDER_ROOM);

    await expect(media.joinButton).toBeVisible();
    expect(loadedMediaChunk(scripts)).toBe(true);
    await expect(media.publishNote).toHaveText(/share your screen/);
    // Chromium's fake devices are listed once the page may use them.
    await expect(media.deviceSelect('Microphone').locator('option')).not.toHaveCount(1);
    await expect(media.deviceSelect('Camera').locator('option')).not.toHaveCount(1);
    await media.region.getByRole('checkbox', { name: 'Camera on when I join' }).check();
    await expect(media.region.getByLabel('Preview of your camera')).toBeVisible();

    const token = await media.joinAndReadToken();
    expect(token.roomName).toBe(`roundtable-${roomId}`);
    expect(token.url).toBe('ws://127.0.0.1:7880');
    expect(token.grants).toEqual({
      canPublish: true,
      canPublishSources: expect.arrayContaining(['microphone', 'camera', 'screen_share']) as unknown,
      canSubscribe: true,
      canPublishData: false,
      hidden: false,
    });
    expect(Date.parse(token.expiresAt)).toBeGreaterThan(Date.now());

    // Nothing listens at the LiveKit URL here: the panel says so and offers to join again.
    await expect(media.region.getByTestId('media-failed')).toBeVisible({ timeout: 30_000 });
    await expect(media.joinButton).toBeEnabled();
  });

  test('a participant waiting for the floor may choose a microphone but joins to listen', async ({
    browser,
  }) => {
    const { media } = await enterAs(PEOPLE.participantUs, browser);

    await expect(media.joinButton).toBeVisible();
    await expect(media.publishNote).toHaveText(/until a co-chair gives you the floor/);
    await expect(media.deviceSelect('Microphone')).toBeVisible();
    await expect(media.region.getByRole('checkbox', { name: 'Microphone on when I join' })).toHaveCount(0);

    const token = await media.joinAndReadToken();
    expect(token.grants).toMatchObject({ canPublish: false, canPublishSources: [], canSubscribe: true });
  });

  test('an observer is offered to listen only, without any device to choose', async ({ browser }) => {
    const { media } = await enterAs(PEOPLE.observer, browser);

    await expect(media.joinButton).toBeVisible();
    await expect(media.publishNote).toHaveText(/you do not speak in this room/);
    await expect(media.deviceSelect('Microphone')).toHaveCount(0);
    await expect(media.deviceSelect('Camera')).toHaveCount(0);

    const token = await media.joinAndReadToken();
    expect(token.grants).toMatchObject({ canPublish: false, canPublishSources: [], canSubscribe: true });
  });
});
