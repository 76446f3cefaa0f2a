import { expect, test } from '@playwright/test';
import { newActor, signInAsOrganizer } from '../support/actors.js';

test('someone registers for the round table, an organizer approves, and the invited person sees the event', async ({
  browser,
}) => {
  const registrant = await newActor(browser, 'registrant');
  const organizer = await newActor(browser, 'organizer');
  const email = `tanaka.${Date.now()}@example.jp`;

  await test.step('the public registers for the round table', async () => {
    const { page } = registrant;
    await page.goto('/');
    const roundTable = page
      .getByRole('listitem')
      .filter({ hasText: /Round Table/i })
      .first();
    await roundTable.getByRole('link', { name: 'Register' }).click();
    await page.getByLabel('Name').fill('Tanaka Hanako');
    await page.getByLabel('Organization').fill('ASSC member company');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Phone').fill('+81 3 0000 0000');
    await page.getByRole('radio', { name: 'Osaka' }).check();
    await page.getByRole('button', { name: 'Register' }).click();
    await expect(page.getByRole('status')).toContainText('pending approval');
  });

  let invitationUrl = '';
  await test.step('the organizer approves the registration and copies the invitation link', async () => {
    const { page } = organizer;
    await signInAsOrganizer(organizer);
    await page.goto('/console');
    await page
      .getByRole('link', { name: /Round Table/i })
      .first()
      .click();
    await page.getByRole('link', { name: 'Registrations' }).click();
    const form = page.getByRole('form', { name: 'Approve Tanaka Hanako' });
    await form.getByRole('button', { name: 'Approve' }).click();
    const link = page.getByTestId('invitation-link');
    await expect(link).toContainText('/invite');
    invitationUrl = (await link.textContent()) ?? '';
  });

  await test.step('the invited person opens the link and sees the event', async () => {
    const { page } = registrant;
    await page.goto(invitationUrl);
    await expect(page.getByRole('heading', { level: 1, name: /Round Table/i })).toBeVisible();
    await expect(page.getByText(/Signed in as Tanaka Hanako/)).toBeVisible();
  });

  await registrant.close();
  await organizer.close();
});
