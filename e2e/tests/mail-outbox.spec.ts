import { expect, test, type Page } from '@playwright/test';
import { newActor, signInAsOrganizer } from '../support/actors.js';

/*
 * Mail on the embedded default (no SMTP_URL): nothing is sent by the server and nothing is lost.
 * The registrant gets their status link at once; the organizer finds each message in the console's
 * Mail tab, and the invitation link inside the message text signs the registrant in.
 */

const shots = 'test-results/mail';

async function screenshots(page: Page, name: string): Promise<void> {
  for (const [w, h] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `${shots}/${name}-${w}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('without SMTP, the invitation waits in the console with its text and mailto link, and its link signs the person in', async ({
  browser,
}) => {
  const registrant = await newActor(browser, 'registrant', 'ja-JP');
  const organizer = await newActor(browser, 'organizer');
  const email = `mail.${Date.now()}@example.jp`;

  await test.step('a Japanese registrant registers and opens their status page', async () => {
    const { page } = registrant;
    await page.goto('/');
    await page
      .getByRole('listitem')
      .filter({ hasText: /Round Table|ラウンドテーブル/i })
      .first()
      .getByRole('link', { name: /登録|Register/ })
      .click();
    await page.getByLabel('氏名').fill('田中 花子');
    await page.getByLabel('所属').fill('ASSC 会員企業');
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByLabel('電話番号').fill('+81 3 0000 0000');
    await page.getByRole('radio', { name: /Osaka|大阪/ }).check();
    await page.getByRole('button', { name: /登録/ }).click();
    await expect(page.getByRole('status')).toContainText('確認のメールをお送りしました');
    await page.getByRole('link', { name: '登録内容の確認・変更' }).click();
    await expect(page.getByRole('status')).toContainText('承認待ちです。');
    await expect(page.getByRole('heading', { level: 2, name: '登録内容の修正' })).toBeVisible();
    await screenshots(page, 'status-ja');
  });

  let invitationUrl = '';
  await test.step('the organizer approves; the invitation waits in the Mail tab with its text', async () => {
    const { page } = organizer;
    await signInAsOrganizer(organizer);
    await page.goto('/console');
    await page
      .getByRole('link', { name: /Round Table/i })
      .first()
      .click();
    await page.getByRole('link', { name: 'Registrations' }).click();
    await page
      .getByRole('form', { name: 'Approve 田中 花子' })
      .getByRole('button', { name: 'Approve' })
      .click();
    await expect(page.getByTestId('invitation-link')).toBeVisible();
    await page.getByRole('link', { name: 'Mail', exact: true }).click();
    await expect(page.getByRole('note')).toContainText('no mail server (SMTP) configured');
    const message = page.getByRole('listitem').filter({ hasText: email }).filter({ hasText: 'ご招待' });
    await expect(message).toBeVisible();
    const mailto = await message.getByRole('link', { name: 'Open in my mail program' }).getAttribute('href');
    expect(mailto).toMatch(new RegExp(`^mailto:${encodeURIComponent(email)}\\?subject=`));
    await message.getByText('Show the message').click();
    const text = (await message.locator('pre').textContent()) ?? '';
    expect(text).toContain('田中 花子 様');
    invitationUrl = /https?:\/\/\S+\/invite\?token=\S+/.exec(text)?.[0] ?? '';
    expect(invitationUrl).not.toBe('');
    // The mailto body is the same text, so the organizer's mail client sends the same link.
    expect(decodeURIComponent(mailto ?? '')).toContain(invitationUrl);
    await screenshots(page, 'outbox-en');
  });

  await test.step('the link from the message signs the registrant in', async () => {
    const { page } = registrant;
    await page.goto(invitationUrl);
    await expect(page.getByText(/田中 花子/).first()).toBeVisible();
    await expect(
      page.getByRole('heading', { level: 1, name: /Round Table|ラウンドテーブル/i }),
    ).toBeVisible();
  });

  await test.step('the Mail tab in Japanese', async () => {
    const { page } = organizer;
    await page.evaluate(() => localStorage.setItem('roundtable.language', 'ja'));
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: 'メール' })).toBeVisible();
    await screenshots(page, 'outbox-ja');
  });

  await registrant.close();
  await organizer.close();
});
