import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { newActor, type Actor } from '../support/actors.js';
import { Organizer, RoomScreen, type PanelName } from '../support/room.js';

/*
 * Chat, a poll by delegation and reactions in one meeting of its own (the minutes get published):
 * a participant writes to the co-chairs, a co-chair runs a delegation poll whose result lands in
 * the minutes and the published report, and a reaction appears on the other screens.
 */
const run = Date.now().toString(36);
const TITLE = `Chat and polls ${run}`;
const ROOM = 'Trade dialogue';
const QUESTION = `Adopt the joint statement? (${run})`;

async function send<T>(
  request: APIRequestContext,
  method: 'post' | 'put',
  path: string,
  data?: unknown,
): Promise<T> {
  const response = await request[method](path, data === undefined ? {} : { data });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json().catch(() => null)) as T;
}

interface People {
  eventId: string;
  roomId: string;
  links: Record<'chairJapan' | 'chairUs' | 'delegateJapan' | 'delegateUs', string>;
}

async function setUp(organizer: Organizer): Promise<People> {
  const api = organizer.actor.page.request;
  const event = await send<{ id: string }>(api, 'post', '/api/events', {
    seriesId: null,
    title: TITLE,
    theme: 'Trade',
    description: 'A dialogue with chat and polls.',
    timeZone: 'Asia/Tokyo',
    sessions: [
      {
        id: 's1',
        label: 'Sitting',
        startsAt: '2026-02-06T00:00:00.000Z',
        endsAt: '2026-02-06T03:00:00.000Z',
      },
    ],
    venues: [{ id: 'online', name: 'Online', kind: 'online' }],
    registrationOpen: false,
    reportVisibility: 'public',
  });
  const room = await send<{ id: string }>(api, 'post', `/api/events/${event.id}/rooms`, {
    name: ROOM,
    access: { mode: 'event', categories: [], personIds: [] },
  });
  const delegation = (side: string) =>
    send<{ id: string }>(api, 'post', `/api/events/${event.id}/delegations`, {
      side,
      category: 'government',
    });
  const [japan, us] = [await delegation('Japan'), await delegation('United States')];
  const person = async (name: string, delegationId: string, role: string | null) => {
    const created = await send<{ id: string }>(api, 'post', '/api/people', {
      name: `${name} ${run}`,
      organization: 'Ministry',
    });
    await send(api, 'put', `/api/events/${event.id}/members/${created.id}`, {
      delegationId,
      place: 'online',
    });
    if (role) await send(api, 'put', `/api/rooms/${room.id}/roles/${created.id}`, { role });
    const invitation = await send<{ url: string }>(api, 'post', `/api/people/${created.id}/invitations`, {
      eventId: event.id,
      validForDays: 1,
    });
    return invitation.url;
  };
  return {
    eventId: event.id,
    roomId: room.id,
    links: {
      chairJapan: await person('Chair Japan', japan.id, 'co_chair'),
      chairUs: await person('Chair US', us.id, 'co_chair'),
      delegateJapan: await person('Delegate Japan', japan.id, null),
      delegateUs: await person('Delegate US', us.id, null),
    },
  };
}

async function enter(browser: Browser, url: string, roomId: string, name: string): Promise<Actor> {
  const actor = await newActor(browser, name);
  await actor.page.goto(url);
  await expect(actor.page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await actor.page.goto(`/rooms/${roomId}`);
  await openPanel(actor.page, 'Chat');
  return actor;
}

/** Chat and polls are side panels of the room: one is open at a time. */
const openPanel = (page: Page, name: PanelName) => new RoomScreen(page).openPanel(name);
const chat = (page: Page) => page.getByRole('region', { name: 'Chat', exact: true });
const polls = (page: Page) => page.getByRole('region', { name: 'Polls', exact: true });

test('a note to the co-chairs, a delegation poll into the minutes and the report, and a reaction on every screen', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const organizer = await Organizer.signIn(browser);
  const setup = await setUp(organizer);
  const chair = await enter(browser, setup.links.chairJapan, setup.roomId, 'chair-japan');
  const japan = await enter(browser, setup.links.delegateJapan, setup.roomId, 'delegate-japan');
  const us = await enter(browser, setup.links.delegateUs, setup.roomId, 'delegate-us');
  const note = `The link to the guidelines is https://example.org/guidelines (${run})`;

  await test.step('a participant writes to the co-chairs; only the co-chairs read it', async () => {
    await chat(us.page).getByRole('tab', { name: 'Co-chairs' }).click();
    await chat(us.page).getByLabel('Note to the co-chairs').fill(note);
    await chat(us.page).getByRole('button', { name: 'Send' }).click();
    await expect(chat(us.page).getByText(note.split(' https')[0]!)).toBeVisible();
    const tab = chat(chair.page).getByRole('tab', { name: /Co-chairs/ });
    await expect(tab).toContainText('1 new');
    await tab.click();
    await expect(
      chat(chair.page).getByRole('link', { name: 'https://example.org/guidelines' }),
    ).toHaveAttribute('href', 'https://example.org/guidelines');
    await chat(japan.page).getByRole('tab', { name: 'Co-chairs' }).click();
    await expect(chat(japan.page).getByText('Write a note only the co-chairs will read.')).toBeVisible();
    await expect(chat(japan.page).getByText(note.split(' https')[0]!)).toHaveCount(0);
  });

  await test.step('a reaction appears on the other screens', async () => {
    await chat(japan.page).getByRole('button', { name: 'Applause' }).click();
    for (const screen of [chair, us]) {
      await expect(chat(screen.page).getByText(`Delegate Japan ${run}: Applause`)).toBeVisible();
    }
  });

  await test.step('the co-chair runs a poll by delegation; the count stays with the co-chairs until published', async () => {
    for (const screen of [chair, japan, us]) await openPanel(screen.page, 'Polls');
    const panel = polls(chair.page);
    await panel.getByText('New poll').click();
    await panel.getByLabel('Question').fill(QUESTION);
    await expect(panel.getByLabel('Who votes')).toHaveValue('delegation');
    await panel.getByRole('button', { name: 'Open the poll' }).click();
    for (const [screen, answer] of [
      [japan, 'No'],
      [us, 'Yes'],
    ] as const) {
      const card = polls(screen.page).getByRole('article', { name: QUESTION });
      await card.getByRole('radio', { name: answer }).check();
      await card.getByRole('button', { name: 'Vote' }).click();
      await expect(card.getByRole('status')).toContainText(`Your vote: ${answer}`);
      await expect(card.getByRole('table')).toHaveCount(0);
    }
    const card = panel.getByRole('article', { name: QUESTION });
    await expect(card.getByRole('table')).toContainText('2 ballots');
    await card.getByRole('button', { name: 'Close the poll' }).click();
    await card.getByRole('button', { name: 'Publish the results' }).click();
    await expect(polls(us.page).getByRole('article', { name: QUESTION }).getByRole('table')).toContainText(
      'Results',
    );
    const minutes = await openPanel(chair.page, 'Minutes');
    await expect(minutes.getByText(`Poll result: ${QUESTION}`)).toBeVisible();
    await expect(minutes.getByText('Yes: 1 (United States — Government)')).toBeVisible();
    await expect(minutes.getByText('No: 1 (Japan — Government)')).toBeVisible();
  });

  await test.step('screenshots of the panels at desktop and phone sizes', async () => {
    for (const [screen, who] of [
      [chair, 'chair'],
      [us, 'participant'],
    ] as const) {
      for (const size of [
        { width: 1440, height: 900 },
        { width: 390, height: 844 },
      ]) {
        await screen.page.setViewportSize(size);
        await openPanel(screen.page, 'Chat');
        await screen.page.screenshot({ path: `test-results/chat-${who}-${size.width}.png` });
      }
    }
  });

  await test.step('axe finds no serious violation in the chat and polls', async () => {
    await openPanel(chair.page, 'Chat');
    const results = await new AxeBuilder({ page: chair.page })
      .include('.room-chat')
      .include('.room-polls')
      .analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });

  await test.step('the minutes are approved and published; the report carries the poll result', async () => {
    const chairUs = await newActor(browser, 'chair-us');
    await chairUs.page.goto(setup.links.chairUs);
    await expect(chairUs.page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    const minutesPath = `/api/rooms/${setup.roomId}/minutes`;
    await send(chair.page.request, 'post', `${minutesPath}/submit`);
    await send(chair.page.request, 'post', `${minutesPath}/approve`);
    await send(chairUs.page.request, 'post', `${minutesPath}/approve`);
    await send(organizer.actor.page.request, 'post', `${minutesPath}/publish`);
    const reader = await newActor(browser, 'public reader');
    await reader.page.goto(`/events/${setup.eventId}/report`);
    const room = reader.page.getByRole('region', { name: ROOM });
    await expect(room.getByText(`Poll result: ${QUESTION}`)).toBeVisible();
    await expect(room.getByText('Yes: 1 (United States — Government)')).toBeVisible();
    await Promise.all([chairUs, reader].map((a) => a.close()));
  });

  await Promise.all([chair, japan, us, organizer.actor].map((a) => a.close()));
});
