import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { openMeeting, PEOPLE, type Meeting, STAKEHOLDER_ROOM_JA } from '../support/room.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const en = JSON.parse(readFileSync(path.join(here, '../../client/src/i18n/en.json'), 'utf8')) as Record<
  string,
  unknown
>;
const ja = JSON.parse(readFileSync(path.join(here, '../../client/src/i18n/ja.json'), 'utf8')) as Record<
  string,
  unknown
>;

/** Every leaf string of a resource tree as `key → value`. */
function leaves(tree: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof tree === 'string') out.set(prefix, tree);
  else if (tree && typeof tree === 'object') {
    for (const [key, value] of Object.entries(tree)) {
      for (const [leaf, text] of leaves(value, prefix ? `${prefix}.${key}` : key)) out.set(leaf, text);
    }
  }
  return out;
}

/**
 * English sentences of the room screens that would betray an untranslated string: several words,
 * no placeholder, and different in Japanese (so the demo's English content cannot match them).
 */
const ROOM_SECTIONS = ['room', 'layout', 'speaking', 'agenda', 'people', 'lobby', 'connection', 'common'];
const japanese = leaves(ja);
const englishSentences = [...leaves(en)]
  .filter(([key]) => ROOM_SECTIONS.includes(key.split('.')[0] ?? ''))
  .filter(([key, text]) => text.includes(' ') && !text.includes('{{') && japanese.get(key) !== text)
  .map(([, text]) => text);

async function expectNoUntranslatedText(page: Page): Promise<void> {
  const text = await page.locator('body').innerText();
  // A missing key renders as the key itself, e.g. "speaking.raiseHand".
  expect(text.match(/\b[a-z]+\.[a-z][a-zA-Z_]+\b/g) ?? []).toEqual([]);
  expect(englishSentences.filter((sentence) => text.includes(sentence))).toEqual([]);
}

test.describe.serial('the room in Japanese', () => {
  let meeting: Meeting;

  test.beforeAll(async ({ browser }) => {
    meeting = await openMeeting(browser, [PEOPLE.coChair, PEOPLE.participantUs], 'ja-JP');
  });

  test.afterAll(async () => {
    await meeting.close();
  });

  test('shows no untranslated string on the room screens of a co-chair and a participant', async () => {
    const [chair, participant] = meeting.actors.map((actor) => actor.page) as [Page, Page];
    for (const page of [chair, participant]) {
      await page.getByRole('link', { name: STAKEHOLDER_ROOM_JA }).click();
      // The organizers' content in Japanese too, not only the interface.
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(STAKEHOLDER_ROOM_JA);
      // The stage (the floor, the media) and the open panel, each named in Japanese.
      await expect(page.getByRole('heading', { level: 2 })).toHaveText(
        ['発言中', '音声・映像', '発言者リスト'],
        {
          useInnerText: true,
        },
      );
      await expect(page.getByRole('toolbar', { name: '会議の操作' })).toBeVisible();
    }

    const hand = participant.getByRole('button', { name: '挙手を取り下げる' });
    if ((await hand.count()) === 0) await participant.getByRole('button', { name: '挙手する' }).click();
    await expect(participant.getByTestId('my-position')).toHaveText(/人中 \d+ 番目です/);
    await chair.getByRole('button', { name: '次の発言者' }).click();
    await expect(chair.getByTestId('floor-countdown')).toHaveText(/^(残り|発言時間) \d+:\d\d$/);
    await expect(participant.getByTestId('floor-countdown')).toHaveText(/^(残り|発言時間) \d+:\d\d$/);

    // Open every panel and view, so that their strings are checked too.
    await expect(chair.getByRole('heading', { name: '共同議長の操作パネル' })).toBeVisible();
    await expectNoUntranslatedText(chair);
    await chair.getByRole('button', { name: '発言時間と操作記録' }).click();
    await expect(
      chair.getByRole('dialog').getByRole('heading', { name: '操作記録', exact: true }),
    ).toBeVisible();
    await expectNoUntranslatedText(chair);
    await chair.keyboard.press('Escape');
    for (const page of [chair, participant]) {
      for (const [panel, heading] of [
        ['議題', '議題'],
        ['入室者', '入室者'],
      ] as const) {
        await page
          .getByRole('toolbar', { name: '会議の操作' })
          .getByRole('button', { name: panel, exact: true })
          .click();
        await expect(page.getByRole('heading', { level: 2, name: heading, exact: true })).toBeVisible();
        await expectNoUntranslatedText(page);
      }
    }
    await expectNoUntranslatedText(participant);
  });
});
