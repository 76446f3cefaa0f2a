import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { Actor } from '../support/actors.js';
import { Organizer, PEOPLE, RoomScreen, STAKEHOLDER_ROOM } from '../support/room.js';

/** Serious and critical WCAG 2.1 A/AA violations on the page as it is now, as readable lines. */
async function seriousViolations(page: Page, within?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  const results = await (within ? builder.include(within) : builder).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test.describe.serial('accessibility of the event page, the room for each role and the console', () => {
  // axe walks every node of four busy room screens; on shared CI cores that takes a while.
  test.describe.configure({ timeout: 120_000 });
  let organizer: Organizer;
  let actors: Record<'coChair' | 'noteTaker' | 'participant' | 'observer', Actor>;

  test.beforeAll(async ({ browser }) => {
    organizer = await Organizer.signIn(browser);
    actors = {
      coChair: await organizer.invite(browser, PEOPLE.coChair),
      noteTaker: await organizer.invite(browser, PEOPLE.noteTaker),
      participant: await organizer.invite(browser, PEOPLE.participantJapan),
      observer: await organizer.invite(browser, PEOPLE.observer),
    };
  });

  test.afterAll(async () => {
    await Promise.all([...Object.values(actors), organizer.actor].map((actor) => actor.close()));
  });

  test('the event page has no serious violation', async () => {
    const { page } = actors.participant;
    await expect(page.getByTestId('room-presence').first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('the room view has no serious violation for any role', async () => {
    const screens = Object.values(actors).map((actor) => new RoomScreen(actor.page));
    for (const screen of screens) await screen.enterFromEventPage(STAKEHOLDER_ROOM);
    const [chair, , participant] = screens as [RoomScreen, RoomScreen, RoomScreen, RoomScreen];
    // A meeting in progress shows the most: someone waiting, someone with the floor.
    if ((await participant.page.getByTestId('my-position').count()) === 0) await participant.raiseHand();
    await (
      await chair.openPanel('Speakers')
    )
      .getByRole('combobox', { name: 'Person' })
      .selectOption({ label: PEOPLE.noteTaker });
    await chair.button('Add to the list').click();
    await chair.button('Next speaker').click();
    await expect(chair.page.getByTestId('floor-countdown')).toBeVisible();

    // Each panel in turn (one is open at a time), on every screen.
    for (const panel of ['Speakers', 'People'] as const) {
      for (const screen of screens) await screen.openPanel(panel);
      for (const actor of Object.values(actors)) {
        if (panel === 'People') await expect(actor.page.getByTestId('people-count')).toBeVisible();
      }
      // Each screen is its own browser process: scanning them together takes the time of the slowest.
      const results = await Promise.all(
        Object.entries(actors).map(async ([role, actor]) => ({
          role,
          panel,
          // The page frame around the room was checked with the event page; scan the room itself.
          violations: await seriousViolations(actor.page, '#main'),
        })),
      );
      expect(results).toEqual(Object.keys(actors).map((role) => ({ role, panel, violations: [] })));
    }
  });

  test('the organizer console has no serious violation', async () => {
    const { page } = organizer.actor;
    const eventId = await organizer.eventId();
    for (const tab of ['', '/rooms', '/roles']) {
      await page.goto(`/console/events/${eventId}${tab}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: /Loading/ })).toHaveCount(0);
      expect({ tab, violations: await seriousViolations(page) }).toEqual({ tab, violations: [] });
    }
  });
});
