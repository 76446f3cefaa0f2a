import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { Actor } from '../support/actors.js';
import { MinutesScreen } from '../support/minutes.js';
import { G2G_ROOM, Organizer, RoomScreen } from '../support/room.js';

/*
 * The live minutes of the government-to-government dialogue: two note-takers (one per side), a
 * government participant who reads along, and a co-chair who gives the floor. Each is in their own
 * browser; the tests run in order on the same document, so every text they write is unique.
 */
const NOTE_TAKER_JAPAN = 'MORI Hana';
const NOTE_TAKER_US = 'Thomas Reed';
const PARTICIPANT = 'TANAKA Yui';
const CO_CHAIR = 'KASHIWABARA Kyoko';
const run = Date.now().toString(36);
const mark = (word: string) => `${word}-${run}`;

/** The panel's English sentences (several words, no placeholder): none may show in Japanese. */
const englishMinutes = (
  JSON.parse(readFileSync(new URL('../../client/src/i18n/en.json', import.meta.url), 'utf8')) as {
    minutes: unknown;
  }
).minutes;
function sentences(tree: unknown): string[] {
  if (typeof tree === 'string') return tree.includes(' ') && !tree.includes('{{') ? [tree] : [];
  return tree && typeof tree === 'object' ? Object.values(tree).flatMap(sentences) : [];
}

/** Serious and critical WCAG 2.1 A/AA violations inside the minutes panel. */
async function minutesViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .include('[data-testid="minutes-panel"]')
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test.describe.serial('live minutes', () => {
  // Five browsers on a small machine: generous per step, though the whole file takes about a minute.
  test.describe.configure({ timeout: 120_000 });
  const actors: Actor[] = [];
  let japan: MinutesScreen;
  let us: MinutesScreen;
  let reader: MinutesScreen;
  let chair: RoomScreen;
  let organizer: Organizer;
  let roomId = '';

  test.beforeAll(async ({ browser }) => {
    organizer = await Organizer.signIn(browser);
    roomId = await organizer.roomId(G2G_ROOM);
    for (const name of [NOTE_TAKER_JAPAN, NOTE_TAKER_US, PARTICIPANT, CO_CHAIR]) {
      actors.push(await organizer.invite(browser, name));
    }
    await Promise.all(actors.map((actor) => actor.page.goto(`/rooms/${roomId}`)));
    [japan, us, reader] = actors.slice(0, 3).map((actor) => new MinutesScreen(actor.page)) as [
      MinutesScreen,
      MinutesScreen,
      MinutesScreen,
    ];
    chair = new RoomScreen(actors[3]!.page);
    await Promise.all([japan, us, reader].map((screen) => screen.waitUntilConnected()));
    // The demo room has an agenda: the server seeds its sections into the blank minutes when the
    // first writer opens them. Typing starts once the sections are there, as a person sees them
    // appear. (Typing at the very moment of seeding can still glue a presenters line into a new
    // paragraph — an open bug of issue 10, written up in the closing note.)
    for (const screen of [japan, us, reader]) {
      await expect(screen.editor.locator('h2').first()).toBeVisible({ timeout: 30_000 });
    }
  });

  test.afterAll(async () => {
    await Promise.all([...actors, organizer.actor].map((actor) => actor.close()));
  });

  test("two note-takers type in the same paragraph at once and see both texts and each other's caret", async () => {
    const shared = mark('Shared paragraph');
    await japan.appendParagraph(shared);
    await expect(us.paragraph(shared)).toBeVisible();

    await japan.placeCaretAfter(shared);
    await us.placeCaretAfter(shared);
    const fromJapan = mark('japan');
    const fromUs = mark('us');
    await Promise.all([
      japan.page.keyboard.type(` ${fromJapan}`, { delay: 40 }),
      us.page.keyboard.type(` ${fromUs}`, { delay: 40 }),
    ]);
    // "Writing now" lists who typed in the last few seconds: right now, the other note-taker.
    await expect(japan.region.getByRole('list', { name: 'Writing now:' })).toContainText(NOTE_TAKER_US);

    // Each text intact and where its writer put it: right after the shared text, one after the
    // other (which one first is the merge's tie-break), identical on both screens.
    const intact = [`${shared} ${fromJapan} ${fromUs}`, `${shared} ${fromUs} ${fromJapan}`];
    for (const screen of [japan, us]) {
      await expect.poll(() => screen.paragraphText(shared)).toContain(fromJapan);
      await expect.poll(() => screen.paragraphText(shared)).toContain(fromUs);
      expect(intact).toContain(await screen.paragraphText(shared));
    }
    await expect.poll(() => japan.paragraphText(shared)).toBe(await us.paragraphText(shared));
    await expect(japan.caretOf(NOTE_TAKER_US)).toBeVisible();
    await expect(us.caretOf(NOTE_TAKER_JAPAN)).toBeVisible();
    await japan.waitUntilSaved();
    await us.waitUntilSaved();
  });

  test('a participant follows the minutes live and cannot type in them', async () => {
    await expect(reader.paragraph(mark('Shared paragraph'))).toContainText(mark('us'));
    await expect(reader.editor).toHaveAttribute('contenteditable', 'false');
    await expect(reader.toolbar).toHaveCount(0);
    // Read-only minutes show no "Writing now" list.
    await expect(reader.region.getByRole('list', { name: 'Writing now:' })).toHaveCount(0);

    const before = await reader.text();
    await reader.editor.click();
    await reader.page.keyboard.type('typed by a reader');
    await expect(reader.editor).not.toContainText('typed by a reader');
    expect(await reader.text()).toBe(before);

    const live = mark('live');
    await japan.appendParagraph(live);
    await expect(reader.paragraph(live)).toBeVisible();
  });

  test('note-takers insert the current speaker, a decision and an action item', async () => {
    await chair.resetSpeakingOrder();
    await new RoomScreen(reader.page).raiseHand();
    await chair.button('Next speaker').click();
    await expect(japan.page.getByTestId('floor-holder')).toContainText(PARTICIPANT);

    await japan.editor.click();
    await japan.button('Insert current speaker').click();
    const speakerLine = japan.editor.locator('[data-type="speakerLine"]').last();
    await expect(speakerLine).toContainText(`${PARTICIPANT} (Japan — Government)`);
    await japan.page.keyboard.type(mark('Summary'));

    await japan.button('Insert decision').click();
    await japan.page.keyboard.type(mark('Decision'));
    await japan.button('Insert action item').click();
    await japan.page.keyboard.type(mark('Action'));
    const action = japan.editor.locator('[data-type="actionItem"]').last();
    await action.getByLabel('Owner').fill(NOTE_TAKER_US);
    await action.getByLabel('Due').fill('2030-06-30');

    const usDecision = us.editor.locator('[data-type="decision"]', { hasText: mark('Decision') });
    await expect(usDecision.locator('.minutes-block-label')).toHaveText('Decision');
    const usAction = us.editor.locator('[data-type="actionItem"]', { hasText: mark('Action') });
    await expect(usAction.getByLabel('Owner')).toHaveValue(NOTE_TAKER_US);
    await expect(usAction.getByLabel('Due')).toHaveValue('2030-06-30');
    await expect(us.editor.locator('[data-type="speakerLine"]', { hasText: mark('Summary') })).toContainText(
      PARTICIPANT,
    );
    const readerAction = reader.editor.locator('[data-type="actionItem"]', { hasText: mark('Action') });
    await expect(readerAction).toContainText(`Owner: ${NOTE_TAKER_US}`);
    await japan.waitUntilSaved();
  });

  test('the minutes panel has no serious accessibility violation, for a writer or a reader', async () => {
    expect(await minutesViolations(japan.page)).toEqual([]);
    expect(await minutesViolations(reader.page)).toEqual([]);
  });

  test('a reload keeps everything', async () => {
    await us.waitUntilSaved();
    await Promise.all([japan.page.reload(), reader.page.reload()]);
    for (const screen of [japan, reader]) {
      // The room opens on its default panel again; the reader's is the speakers list.
      await screen.open();
      await expect(screen.paragraph(mark('Shared paragraph'))).toContainText(mark('japan'));
      await expect(screen.paragraph(mark('Shared paragraph'))).toContainText(mark('us'));
      await expect(
        screen.editor.locator('[data-type="decision"]', { hasText: mark('Decision') }),
      ).toBeVisible();
      await expect(
        screen.editor.locator('[data-type="speakerLine"]', { hasText: mark('Summary') }),
      ).toBeVisible();
    }
    await expect(
      japan.editor.locator('[data-type="actionItem"]', { hasText: mark('Action') }).getByLabel('Owner'),
    ).toHaveValue(NOTE_TAKER_US);
  });

  test('once submitted the minutes are read-only on every screen, until an organizer reopens them', async () => {
    // The approval screens are another panel's; their API calls stand in for them here.
    const submitted = await us.page.request.post(`/api/rooms/${roomId}/minutes/submit`);
    expect(submitted.ok(), 'submit').toBe(true);
    for (const screen of [japan, us, reader]) {
      await expect(screen.region.getByTestId('minutes-locked')).toContainText('Submitted — read-only');
    }
    await expect(japan.editor).toHaveAttribute('contenteditable', 'false');
    await expect(japan.toolbar).toHaveCount(0);

    const reopened = await organizer.actor.page.request.post(`/api/rooms/${roomId}/minutes/reopen`);
    expect(reopened.ok(), 'reopen').toBe(true);
    await expect(japan.editor).toHaveAttribute('contenteditable', 'true');
    await expect(japan.region.getByTestId('minutes-locked')).toHaveCount(0);
    const after = mark('After reopening');
    await japan.appendParagraph(after);
    await expect(reader.paragraph(after)).toBeVisible();
    await japan.waitUntilSaved();
  });

  test('the panel speaks Japanese to a writer and a reader', async () => {
    for (const screen of [japan, reader]) {
      await screen.page.getByRole('combobox', { name: 'Language' }).selectOption('ja');
      const panel = screen.page.getByTestId('minutes-panel');
      await expect(panel.getByRole('status').filter({ hasText: '接続済み' })).toBeVisible();
      const text = await panel.innerText();
      expect(sentences(englishMinutes).filter((sentence) => text.includes(sentence))).toEqual([]);
      expect(text.match(/\bminutes\.[a-zA-Z_.]+/g) ?? []).toEqual([]);
    }
    await expect(japan.page.getByRole('button', { name: '決定事項を挿入' })).toBeVisible();
    await expect(japan.page.getByRole('textbox', { name: '議事録の本文' })).toBeVisible();
  });
});
