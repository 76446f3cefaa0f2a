import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The organizer account the e2e server is started with (see playwright.config.ts). */
export const ORGANIZER = { email: 'organizer@example.org', password: 'e2e-organizer-password' };

/** One person at their own browser: a separate context, so cookies and storage never mix. */
export interface Actor {
  readonly name: string;
  readonly context: BrowserContext;
  readonly page: Page;
  close(): Promise<void>;
}

/** `baseURL` points the actor at another server than the configured one (a spec's own). */
export async function newActor(
  browser: Browser,
  name: string,
  locale = 'en-US',
  baseURL?: string,
): Promise<Actor> {
  const context = await browser.newContext({ locale, ...(baseURL ? { baseURL } : {}) });
  const page = await context.newPage();
  return { name, context, page, close: () => context.close() };
}

/** Signs the actor in as the organizer through the sign-in page. */
export async function signInAsOrganizer(actor: Actor): Promise<void> {
  const { page } = actor;
  await page.goto('/signin');
  await page.getByLabel('Email').fill(ORGANIZER.email);
  await page.getByLabel('Password').fill(ORGANIZER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText(/Signed in as/)).toBeVisible();
}
