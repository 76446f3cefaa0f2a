import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import { newActor, type Actor } from '../support/actors.js';
import { MinutesScreen } from '../support/minutes.js';
import { Organizer } from '../support/room.js';

/*
 * From typed minutes to the published report, on an event of its own (so no other test's minutes
 * are locked by the submission): a note-taker types in the editor, submits, both co-chairs approve
 * (one is not enough), the organizer publishes, and the public reads the report in English and
 * Japanese.
 */
const run = Date.now().toString(36);
const TITLE = `Report flow ${run}`;
const ROOM = 'Government-to-government dialogue';
const TYPED = `Both governments agreed to share case studies (${run})`;

async function post<T>(request: APIRequestContext, path: string, data?: unknown): Promise<T> {
  const response = await request.post(path, data === undefined ? {} : { data });
  expect(response.ok(), `POST ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

async function put(request: APIRequestContext, path: string, data: unknown): Promise<void> {
  const response = await request.put(path, { data });
  expect(response.ok(), `PUT ${path}: ${response.status()}`).toBe(true);
}

interface Setup {
  eventId: string;
  roomId: string;
  /** Invitation links by role. */
  links: { noteTaker: string; chairJapan: string; chairUs: string };
}

/** The organizer sets up a one-room dialogue with two co-chairs and a note-taker, as the console would. */
async function setUpDialogue(organizer: Organizer): Promise<Setup> {
  const api = organizer.actor.page.request;
  const event = await post<{ id: string }>(api, '/api/events', {
    seriesId: null,
    title: TITLE,
    theme: 'Human rights in supply chains',
    description: 'Government-to-government dialogue.',
    timeZone: 'Asia/Tokyo',
    sessions: [
      {
        id: 's1',
        label: 'First sitting',
        startsAt: '2026-02-06T00:00:00.000Z',
        endsAt: '2026-02-06T03:00:00.000Z',
      },
    ],
    venues: [{ id: 'online', name: 'Online', kind: 'online' }],
    registrationOpen: false,
    reportVisibility: 'public',
  });
  const room = await post<{ id: string }>(api, `/api/events/${event.id}/rooms`, {
    name: ROOM,
    access: { mode: 'restricted', categories: ['government'], personIds: [] },
  });
  const japan = await post<{ id: string }>(api, `/api/events/${event.id}/delegations`, {
    side: 'Japan',
    category: 'government',
  });
  const us = await post<{ id: string }>(api, `/api/events/${event.id}/delegations`, {
    side: 'United States',
    category: 'government',
  });
  const person = async (name: string, organization: string, delegationId: string, role: string) => {
    const created = await post<{ id: string }>(api, '/api/people', { name: `${name} ${run}`, organization });
    await put(api, `/api/events/${event.id}/members/${created.id}`, { delegationId, place: 'online' });
    await put(api, `/api/rooms/${room.id}/roles/${created.id}`, { role });
    const invitation = await post<{ url: string }>(api, `/api/people/${created.id}/invitations`, {
      eventId: event.id,
      validForDays: 1,
    });
    return invitation.url;
  };
  return {
    eventId: event.id,
    roomId: room.id,
    links: {
      noteTaker: await person('MORI Hana', 'Ministry of Economy, Trade and Industry', japan.id, 'note_taker'),
      chairJapan: await person('KASHIWABARA Kyoko', 'Ministry of Foreign Affairs', japan.id, 'co_chair'),
      chairUs: await person('Jane Doe', 'Department of State', us.id, 'co_chair'),
    },
  };
}

/** Opens an invitation link in a fresh browser: the person is signed in on the event page. */
async function signInWith(browser: Browser, url: string, name: string): Promise<Actor> {
  const actor = await newActor(browser, name);
  await actor.page.goto(url);
  await expect(actor.page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  return actor;
}

test('typed minutes go through every co-chair’s approval into the published report', async ({ browser }) => {
  test.setTimeout(180_000);
  const organizer = await Organizer.signIn(browser);
  const setup = await setUpDialogue(organizer);
  const noteTaker = await signInWith(browser, setup.links.noteTaker, 'note-taker');
  const chairJapan = await signInWith(browser, setup.links.chairJapan, 'chair-japan');
  const chairUs = await signInWith(browser, setup.links.chairUs, 'chair-us');
  const minutesPath = `/api/rooms/${setup.roomId}/minutes`;
  const minutes = new MinutesScreen(noteTaker.page);

  await test.step('the note-taker types the minutes in the room', async () => {
    await noteTaker.page.goto(`/rooms/${setup.roomId}`);
    await minutes.waitUntilConnected();
    await minutes.appendParagraph(TYPED);
    await minutes.waitUntilSaved();
  });

  await test.step('the note-taker submits, and the minutes become read-only', async () => {
    const submitted = await post<{ status: string }>(noteTaker.page.request, `${minutesPath}/submit`);
    expect(submitted.status).toBe('submitted');
    await expect(minutes.region.getByTestId('minutes-locked')).toBeVisible();
  });

  await test.step('one co-chair’s approval is not enough to publish', async () => {
    const first = await post<{ status: string }>(chairJapan.page.request, `${minutesPath}/approve`);
    expect(first.status).toBe('submitted');
    const early = await organizer.actor.page.request.post(`${minutesPath}/publish`);
    expect(early.status()).toBe(409);
    expect(((await early.json()) as { error: { code: string } }).error.code).toBe('not_approved');
  });

  await test.step('the second co-chair approves and the organizer publishes', async () => {
    const second = await post<{ status: string }>(chairUs.page.request, `${minutesPath}/approve`);
    expect(second.status).toBe('approved');
    const published = await post<{ status: string }>(organizer.actor.page.request, `${minutesPath}/publish`);
    expect(published.status).toBe('published');
  });

  await test.step('the public reads the report with the typed minutes and the attendance', async () => {
    const reader = await newActor(browser, 'public reader');
    const { page } = reader;
    await page.goto(`/events/${setup.eventId}/report`);
    await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
    const room = page.getByRole('region', { name: ROOM });
    await expect(room.getByText(TYPED)).toBeVisible();
    await expect(
      room.getByRole('heading', { name: 'Participating ministries and organizations' }),
    ).toBeVisible();
    // The note-taker was in the room while typing: presence put them on the attendance.
    await expect(room.getByText('(Government) Ministry of Economy, Trade and Industry')).toBeVisible();
    const docx = await page.request.get(`/api/events/${setup.eventId}/report.docx?lang=en`);
    expect(docx.status()).toBe(200);
    expect(docx.headers()['content-type']).toContain('wordprocessingml');
    await reader.close();
  });

  await test.step('a Japanese reader gets the report’s labels in Japanese', async () => {
    const reader = await newActor(browser, 'japanese reader', 'ja-JP');
    await reader.page.goto(`/events/${setup.eventId}/report`);
    const room = reader.page.getByRole('region', { name: ROOM });
    await expect(room.getByRole('heading', { name: '参加省庁・団体' })).toBeVisible();
    await expect(room.getByText('（政府）Ministry of Economy, Trade and Industry')).toBeVisible();
    await reader.close();
  });

  await Promise.all([noteTaker, chairJapan, chairUs, organizer.actor].map((actor) => actor.close()));
});
