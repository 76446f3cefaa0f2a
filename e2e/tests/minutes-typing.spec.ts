import { expect, test, type Browser, type Locator } from '@playwright/test';
import type { Actor } from '../support/actors.js';
import { MinutesScreen } from '../support/minutes.js';
import { G2G_ROOM, Organizer, RoomScreen } from '../support/room.js';
import { OwnServer } from '../support/server.js';

/*
 * Note-takers typing at full speed at the same time, in real browsers with keyboard events, at the
 * same place (the same agenda heading: click, End, Enter, type) and at different places; a
 * participant reads along. Every sentence must end up intact, in its own paragraph, under the
 * heading where it was typed, identical on every screen, and the same for a fresh client after a
 * server restart. The spec runs its own server (the shared ones cannot be restarted).
 */
const WRITERS = ['MORI Hana', 'Thomas Reed', 'KASHIWABARA Kyoko'];
const READER = 'TANAKA Yui';
/** How long the note-takers keep typing (the 30 s, shortened for CI; override to soak). */
const TYPING_MS = Number(process.env['MINUTES_TYPING_MS'] ?? 15_000);
const PORT = Number(process.env['E2E_PORT'] ?? 4310) + 2;
const AGENDA = ['Government policies on business and human rights', 'Responsible sourcing tools'];

interface Block {
  tag: string;
  text: string;
}

/** The document's top-level blocks as a screen shows them, without other people's caret labels. */
function blocksOf(screen: MinutesScreen): Promise<Block[]> {
  return screen.editor.evaluate((element) =>
    Array.from(element.children).map((child) => {
      const copy = child.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.minutes-caret').forEach((caret) => caret.remove());
      return { tag: child.tagName.toLowerCase(), text: copy.textContent ?? '' };
    }),
  );
}

interface Typed {
  writer: string;
  heading: string;
  sentence: string;
}

/** What is wrong with `blocks` given the template and what was typed (empty when nothing is). */
function problems(blocks: Block[], template: Block[], typed: Typed[]): string[] {
  const found: string[] = [];
  for (const item of typed) {
    const at = blocks.findIndex((b) => b.text === item.sentence);
    if (at === -1) {
      const near = blocks.filter((b) => b.text.includes(item.sentence.slice(0, 12))).map((b) => b.text);
      found.push(
        `${item.writer}'s "${item.sentence}" is not intact in a block of its own (${near.join(' | ')})`,
      );
      continue;
    }
    if (blocks[at]?.tag !== 'p') found.push(`"${item.sentence}" became a ${blocks[at]?.tag}`);
    const heading = blocks
      .slice(0, at)
      .reverse()
      .find((b) => b.tag === 'h2');
    if (heading?.text !== item.heading)
      found.push(`"${item.sentence}" is under "${heading?.text}", not "${item.heading}"`);
  }
  const expected = new Set([...template.map((b) => b.text), ...typed.map((t) => t.sentence), '']);
  for (const block of blocks) {
    if (!expected.has(block.text)) found.push(`a ${block.tag} holds text nobody typed: "${block.text}"`);
  }
  const headings = (list: Block[]) => list.filter((b) => b.tag === 'h2').map((b) => b.text);
  if (JSON.stringify(headings(blocks)) !== JSON.stringify(headings(template)))
    found.push(`headings changed: ${JSON.stringify(headings(blocks))}`);
  return found;
}

/** Whether the caret is collapsed at the end of `heading`'s text. */
function caretAtEndOf(heading: Locator): Promise<boolean> {
  return heading.evaluate((element) => {
    const selection = element.ownerDocument.getSelection();
    if (!selection?.isCollapsed || !selection.anchorNode || !element.contains(selection.anchorNode))
      return false;
    const range = element.ownerDocument.createRange();
    range.selectNodeContents(element);
    range.setStart(selection.anchorNode, selection.anchorOffset);
    // What follows the caret, other people's caret labels aside, must be nothing.
    const after = range.cloneContents();
    after.querySelectorAll('.minutes-caret').forEach((caret) => caret.remove());
    return (after.textContent ?? '').trim() === '';
  });
}

async function openAs(organizer: Organizer, browser: Browser, name: string, roomId: string) {
  const actor = await organizer.invite(browser, name);
  await actor.page.goto(`/rooms/${roomId}`);
  const screen = new MinutesScreen(actor.page);
  await screen.waitUntilConnected();
  return { actor, screen };
}

test.describe.serial('note-takers typing at full speed at once', () => {
  test.describe.configure({ timeout: 240_000 });
  const server = new OwnServer(PORT);
  const actors: Actor[] = [];
  const writers: MinutesScreen[] = [];
  let reader: MinutesScreen;
  let organizer: Organizer;
  let roomId = '';
  let template: Block[] = [];
  const typed: Typed[] = [];
  let lostClicks = 0;

  test.beforeAll(async ({ browser }) => {
    await server.start();
    organizer = await Organizer.signIn(browser, server.url);
    actors.push(organizer.actor);
    roomId = await organizer.roomId(G2G_ROOM);
    for (const name of [...WRITERS, READER]) {
      const { actor, screen } = await openAs(organizer, browser, name, roomId);
      actors.push(actor);
      if (name === READER) reader = screen;
      else writers.push(screen);
    }
    // The co-chair writes the agenda only now, with the minutes open everywhere: the template's
    // sections appear without a reload, exactly once (three writers' editors ask for it).
    // One side panel is open at a time: the co-chair's minutes stay mounted behind the agenda.
    const agenda = await new RoomScreen(writers[2]!.page).openPanel('Agenda');
    for (const title of AGENDA) {
      await agenda.getByRole('group', { name: 'Title' }).getByLabel('English').fill(title);
      await agenda.getByLabel('Duration (minutes)').fill('10');
      await agenda.getByRole('button', { name: 'Add to the agenda' }).click();
      await expect(agenda.getByRole('button', { name: `Make current ${title}` })).toBeVisible();
    }
    await writers[2]!.open();
    const headingsOf = async (screen: MinutesScreen) =>
      (await blocksOf(screen)).filter((b) => b.tag === 'h2').map((b) => b.text);
    // The demo room's own agenda was seeded when the minutes opened; the items written now come
    // after it, each exactly once, on every screen.
    const ours = async (screen: MinutesScreen) =>
      (await headingsOf(screen)).filter((heading) => AGENDA.includes(heading));
    for (const screen of [...writers, reader]) {
      await expect.poll(() => ours(screen), { timeout: 30_000 }).toEqual(AGENDA);
      expect((await headingsOf(screen)).slice(-AGENDA.length)).toEqual(AGENDA);
    }
    template = await blocksOf(reader);
  });

  test.afterAll(async () => {
    await Promise.all(actors.map((actor) => actor.close()));
    await server.stop();
  });

  test('every sentence stays intact, in its own paragraph, under its heading, on every screen', async () => {
    const headings = template.filter((b) => b.tag === 'h2').map((b) => b.text);
    const started = performance.now();
    // At least one round at the same place and one at different places, however slow the machine.
    for (let round = 0; round < 2 || performance.now() - started < TYPING_MS; round++) {
      // Even rounds: everyone at the same heading. Odd rounds: each at another one.
      await Promise.all(
        writers.map(async (screen, i) => {
          const heading =
            headings[round % 2 === 0 ? round % headings.length : (round + i) % headings.length] ?? '';
          const writer = WRITERS[i] ?? '';
          const sentence = `${writer.split(' ')[0]} in round ${round} said the delegation shared its sourcing tools.`;
          typed.push({ writer, heading, sentence });
          // By position: a damaged heading must show up in the checks, not stall the typing.
          const target = screen.editor.locator('h2').nth(headings.indexOf(heading));
          // A person looks where the caret is before typing; a click that lands at the very moment
          // a co-writer's change re-renders the view can leave the caret where it was (counted).
          // A long heading wraps in the side panel, and End goes to the end of the visual line: a
          // person clicks after the heading's last word, where its last line ends.
          for (let attempt = 0; attempt < 3; attempt++) {
            const box = await target.boundingBox();
            await target.click({
              timeout: 10_000,
              ...(box ? { position: { x: box.width - 2, y: box.height - 4 } } : {}),
            });
            await screen.page.keyboard.press('End');
            if (await caretAtEndOf(target)) break;
            lostClicks++;
          }
          await screen.page.keyboard.press('Enter');
          await screen.page.keyboard.type(sentence);
        }),
      );
    }
    for (const screen of writers) await screen.waitUntilSaved();
    const final = async () => blocksOf(writers[0]!);
    // Converged: every screen, the reader's too, shows the same blocks.
    for (const screen of [...writers.slice(1), reader]) {
      await expect
        .poll(async () => JSON.stringify(await blocksOf(screen)), { timeout: 30_000 })
        .toBe(JSON.stringify(await final()));
    }
    test.info().annotations.push({ type: 'lost clicks (re-clicked)', description: String(lostClicks) });
    expect(problems(await final(), template, typed)).toEqual([]);
    expect(typed.length).toBeGreaterThanOrEqual(WRITERS.length * 2);
  });

  test('after a server restart a fresh client reads the same document', async ({ browser }) => {
    const before = await blocksOf(writers[0]!);
    await server.stop();
    await server.start();
    const { actor, screen } = await openAs(organizer, browser, READER, roomId);
    actors.push(actor);
    await expect
      .poll(async () => JSON.stringify(await blocksOf(screen)), { timeout: 30_000 })
      .toBe(JSON.stringify(before));
    expect(problems(await blocksOf(screen), template, typed)).toEqual([]);
  });
});
