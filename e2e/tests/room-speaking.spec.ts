import { expect, test } from '@playwright/test';
import {
  expectOnEveryScreen,
  G2G_ROOM,
  openMeeting,
  PEOPLE,
  expectSameCountdown,
  type Meeting,
  type RoomScreen,
  STAKEHOLDER_ROOM,
} from '../support/room.js';

/*
 * One meeting in the stakeholder dialogue: a co-chair, participants from Japan and the United
 * States and an observer, each in their own browser. The tests run in order on the same meeting.
 */
test.describe.serial('the speaking order in a meeting', () => {
  let meeting: Meeting;
  let coChair: RoomScreen;
  let japan: RoomScreen;
  let us: RoomScreen;
  let observer: RoomScreen;
  let everyone: RoomScreen[];
  const names = (screen: RoomScreen) => screen.speakerNames();
  const floor = (screen: RoomScreen) => screen.floorHolder();
  const holding = (name: string) => expect.stringContaining(name);

  test.beforeAll(async ({ browser }) => {
    meeting = await openMeeting(browser, [
      PEOPLE.coChair,
      PEOPLE.participantJapan,
      PEOPLE.participantUs,
      PEOPLE.observer,
    ]);
    everyone = meeting.screens;
    [coChair, japan, us, observer] = everyone as [RoomScreen, RoomScreen, RoomScreen, RoomScreen];
  });

  test.afterAll(async () => {
    await meeting.close();
  });

  test('a stakeholder cannot reach the government-to-government room, by the interface or by its URL', async () => {
    const { page } = japan;
    await expect(page.getByRole('link', { name: STAKEHOLDER_ROOM })).toBeVisible();
    // Not linked, not even named (the event's description mentions both dialogues in passing).
    await expect(page.getByRole('link', { name: G2G_ROOM })).toHaveCount(0);
    await expect(page.getByText(G2G_ROOM, { exact: true })).toHaveCount(0);

    await page.goto(`/rooms/${await meeting.organizer.roomId(G2G_ROOM)}`);
    await expect(
      page.getByRole('heading', { level: 1, name: "You don't have access to this room" }),
    ).toBeVisible();
    await expect(page.getByText(G2G_ROOM, { exact: true })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Speakers list' })).toHaveCount(0);
    await page.goBack();
    await expect(page.getByRole('link', { name: STAKEHOLDER_ROOM })).toBeVisible();
  });

  test('participants from two sides raise hands and the co-chair gives the floor in order', async () => {
    for (const screen of everyone) await screen.enterFromEventPage(STAKEHOLDER_ROOM);
    await coChair.resetSpeakingOrder();
    await expect(observer.button('Raise my hand')).toBeDisabled();

    await japan.raiseHand();
    await us.raiseHand();
    const waiting = [PEOPLE.participantJapan, PEOPLE.participantUs];
    await expectOnEveryScreen(everyone, names, waiting);
    await expect(us.page.getByTestId('my-position')).toHaveText('You are number 2 of 2');

    await coChair.button('Next speaker').click();
    await expectOnEveryScreen(everyone, floor, holding(PEOPLE.participantJapan));
    await expectOnEveryScreen(everyone, names, [PEOPLE.participantUs]);
    await expect(japan.page.getByText('You have the floor')).toBeVisible();
  });

  test('every actor sees the same countdown second', async () => {
    await expectSameCountdown(everyone);
    expect(await coChair.countdown()).toMatch(/^\d+:\d\d left$/);
  });

  test('the co-chair reorders from the keyboard and the floor follows the new order', async () => {
    await coChair.button('Next speaker').click();
    await expectOnEveryScreen(everyone, floor, holding(PEOPLE.participantUs));

    await japan.raiseHand();
    await coChair.speakersRegion
      .getByRole('combobox', { name: 'Person' })
      .selectOption({ label: PEOPLE.participantUs });
    await coChair.button('Add to the list').click();
    await expectOnEveryScreen(everyone, names, [PEOPLE.participantJapan, PEOPLE.participantUs]);

    // Keyboard only: focus the entry's menu button, open it with Enter, pick "Move up" with the arrows.
    await coChair.speakersRegion.getByRole('button', { name: `Actions for ${PEOPLE.participantUs}` }).focus();
    await coChair.page.keyboard.press('Enter');
    await expect(coChair.page.getByRole('menuitem', { name: 'Give the floor' })).toBeFocused();
    await coChair.page.keyboard.press('ArrowDown');
    await expect(
      coChair.page.getByRole('menuitem', { name: `Move ${PEOPLE.participantUs} up` }),
    ).toBeFocused();
    await coChair.page.keyboard.press('Enter');
    await expectOnEveryScreen(everyone, names, [PEOPLE.participantUs, PEOPLE.participantJapan]);

    // With the pointer: drag the Japanese participant back onto the first place.
    await coChair.page
      .getByTestId('speaker')
      .filter({ hasText: PEOPLE.participantJapan })
      .dragTo(coChair.page.getByTestId('speaker').filter({ hasText: PEOPLE.participantUs }));
    await expectOnEveryScreen(everyone, names, [PEOPLE.participantJapan, PEOPLE.participantUs]);
    await coChair.entryAction(PEOPLE.participantJapan, `Move ${PEOPLE.participantJapan} down`);
    await expectOnEveryScreen(everyone, names, [PEOPLE.participantUs, PEOPLE.participantJapan]);

    await coChair.button('Pause the timer').click();
    await expect(japan.stage.getByText('Paused', { exact: true })).toBeVisible();
    await coChair.button('Resume the timer').click();
    await coChair.button('Next speaker').click();
    await expectOnEveryScreen(everyone, floor, holding(PEOPLE.participantUs));
    await expectOnEveryScreen(everyone, names, [PEOPLE.participantJapan]);
  });

  test('a refused action is explained on the screen', async () => {
    // Japan is already waiting with a normal request, and the list allows one per person and kind.
    await japan.controlBar.getByRole('button', { name: 'Kind of request' }).click();
    await japan.page.getByRole('menuitem', { name: 'Raise my hand: To speak' }).click();
    await expect(japan.controlBar.getByRole('alert')).toContainText('already on the list');
  });

  test('the time-up signal shows on every screen', async () => {
    const rules = coChair.page.getByRole('dialog').getByRole('form', { name: 'Rules of the list' });
    await coChair.button('Rules of the list').click();
    await rules.getByRole('spinbutton', { name: 'minutes' }).fill('0');
    await rules.getByRole('spinbutton', { name: 'seconds' }).fill('2');
    await rules.getByRole('button', { name: 'Save the rules' }).click();
    await expect(rules.getByRole('status')).toHaveText('Saved.');
    await coChair.page.keyboard.press('Escape');
    await coChair.button('Next speaker').click();
    for (const screen of everyone) {
      await expect(screen.page.getByText(`Time is up for ${PEOPLE.participantJapan}.`)).toBeVisible();
    }
    await coChair.button('Rules of the list').click();
    await rules.getByRole('spinbutton', { name: 'minutes' }).fill('3');
    await rules.getByRole('spinbutton', { name: 'seconds' }).fill('0');
    await rules.getByRole('button', { name: 'Save the rules' }).click();
    await expect(rules.getByRole('status')).toHaveText('Saved.');
    await coChair.page.keyboard.press('Escape');
    await expect(rules).toBeHidden();
  });

  test('a co-chair removes someone from the room, who asks again and is admitted', async () => {
    const people = await coChair.openPanel('People');
    await people.getByRole('button', { name: `Actions for ${PEOPLE.observer}` }).click();
    await coChair.page.getByRole('menuitem', { name: 'Remove from the room' }).click();
    await coChair.page
      .getByRole('dialog')
      .getByRole('button', { name: `Really remove ${PEOPLE.observer} from the room?` })
      .click();
    await expect(
      observer.page.getByRole('heading', { name: 'You were removed from this room' }),
    ).toBeVisible();
    await expect(observer.stage).toHaveCount(0);

    await observer.page.getByRole('button', { name: 'Ask to be admitted again' }).click();
    await expect(observer.page.getByText('You are waiting for a co-chair to admit you.')).toBeVisible();
    await coChair.page.getByRole('button', { name: `Admit ${PEOPLE.observer}` }).click();
    await expect(observer.stage.getByRole('heading', { name: 'The floor' })).toBeVisible();
  });
});
