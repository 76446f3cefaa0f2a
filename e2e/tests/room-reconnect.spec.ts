import { expect, test } from '@playwright/test';
import {
  expectOnEveryScreen,
  openMeeting,
  PEOPLE,
  expectSameCountdown,
  type Meeting,
  type RoomScreen,
  STAKEHOLDER_ROOM,
} from '../support/room.js';

/*
 * Mid-meeting, a participant reloads the page, then loses the network while the meeting goes on:
 * each time the screen comes back to the meeting's state (agenda, floor, list, countdown).
 */
test.describe.serial('coming back to a meeting', () => {
  let meeting: Meeting;
  let coChair: RoomScreen;
  let speaker: RoomScreen;
  let waiting: RoomScreen;

  test.beforeAll(async ({ browser }) => {
    meeting = await openMeeting(browser, [PEOPLE.coChair, PEOPLE.participantJapan, PEOPLE.participantUs]);
    [coChair, speaker, waiting] = meeting.screens as [RoomScreen, RoomScreen, RoomScreen];
    for (const screen of meeting.screens) await screen.enterFromEventPage(STAKEHOLDER_ROOM);
  });

  test.afterAll(async () => {
    await meeting.close();
  });

  test('the co-chair builds the agenda live and starts an item', async () => {
    const agenda = await coChair.openPanel('Agenda');
    const title = `Opening remarks ${Date.now()}`;
    await agenda.getByRole('group', { name: 'Title' }).getByLabel('English').fill(title);
    await agenda.getByLabel('Duration (minutes)').fill('5');
    await agenda.getByLabel('Presenters').fill(`${PEOPLE.coChair}, Katy Mastman`);
    await agenda.getByRole('button', { name: 'Add to the agenda' }).click();
    await expect((await waiting.openPanel('Agenda')).getByText(title)).toBeVisible();
    await agenda.getByRole('button', { name: `Make current ${title}` }).click();
    await expect(waiting.page.getByTestId('agenda-current')).toContainText(title);
    await expect(waiting.page.getByTestId('agenda-current')).toContainText(
      /Elapsed \d+:\d\d · \d+:\d\d left/,
    );
  });

  test('a page reload comes back to the same floor, list and countdown', async () => {
    await coChair.resetSpeakingOrder();
    await speaker.raiseHand();
    await waiting.raiseHand();
    await coChair.button('Next speaker').click();
    await expect(waiting.page.getByTestId('my-position')).toHaveText('You are number 1 of 1');

    await waiting.page.reload();
    await expect(waiting.page.getByTestId('my-position')).toHaveText('You are number 1 of 1');
    const screens = [coChair, speaker, waiting];
    await expectOnEveryScreen(
      screens,
      (s) => s.floorHolder(),
      expect.stringContaining(PEOPLE.participantJapan),
    );
    await expectSameCountdown(screens);
  });

  test('a dropped connection shows a banner, explains a failed action, and catches up when it returns', async () => {
    const { page } = waiting;
    const { context } = meeting.actors[2]!;
    await context.setOffline(true);
    await expect(waiting.banner).toBeVisible();
    await waiting.button('Lower my hand').click();
    await expect(waiting.controlBar.getByRole('alert')).toContainText('You are offline');

    // The meeting goes on without them: the floor moves to them and the agenda grows.
    await coChair.button('Next speaker').click();
    const later = `Reports from both sides ${Date.now()}`;
    await coChair.openPanel('Agenda');
    await coChair.region('Agenda').getByRole('group', { name: 'Title' }).getByLabel('English').fill(later);
    await coChair.region('Agenda').getByRole('button', { name: 'Add to the agenda' }).click();
    await coChair.region('Agenda').getByRole('button', { name: 'Next item' }).click();

    await context.setOffline(false);
    await expect(waiting.banner).toBeHidden({ timeout: 20_000 });
    await expect(page.getByText('You have the floor')).toBeVisible();
    await waiting.openPanel('Speakers');
    await expect(page.getByTestId('speakers-empty')).toBeVisible();
    await expect(page.getByTestId('agenda-current')).toContainText(later);
    await expectSameCountdown([coChair, waiting]);
  });
});
