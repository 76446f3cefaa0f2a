import type { Browser, Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { newActor, signInAsOrganizer, type Actor } from './actors.js';

/** The demo's task force event and its two dialogues (server/src/bootstrap/demo-data.ts). */
export const TASK_FORCE = 'First round';
export const G2G_ROOM = 'Government-to-government dialogue';
export const STAKEHOLDER_ROOM = 'Stakeholder dialogue';
/** The same names as Japanese screens show them (the demo is entered in both languages). */
export const TASK_FORCE_JA = '第1回会合';
export const STAKEHOLDER_ROOM_JA = 'ステークホルダー対話';

/** Demo people by the part they play in these tests. */
export const PEOPLE = {
  coChair: 'KASHIWABARA Kyoko',
  noteTaker: 'MORI Hana',
  /** Japan, private sector: a stakeholder, admitted to the stakeholder dialogue only. */
  participantJapan: 'WATANABE Daiki',
  /** United States, private sector: a stakeholder as well. */
  participantUs: 'Emily Johnson',
  observer: 'HAYASHI Ren',
} as const;

/** Events and rooms as the API answers them: names in English and Japanese. */
interface IdName {
  id: string;
  name?: { en: string; ja: string };
  title?: { en: string; ja: string };
}

/**
 * The organizer, signed in: issues invitation links through the API (as the console does) so
 * that every other actor signs in the way real people do, by opening their link.
 */
export class Organizer {
  private constructor(
    readonly actor: Actor,
    private readonly baseURL?: string,
  ) {}

  /** `baseURL`: another server than the configured one (a spec's own). */
  static async signIn(browser: Browser, baseURL?: string): Promise<Organizer> {
    const actor = await newActor(browser, 'organizer', 'en-US', baseURL);
    await signInAsOrganizer(actor);
    return new Organizer(actor, baseURL);
  }

  private async getJson<T>(path: string): Promise<T> {
    const response = await this.actor.page.request.get(path);
    expect(response.ok(), `GET ${path}`).toBe(true);
    return (await response.json()) as T;
  }

  async eventId(title = TASK_FORCE): Promise<string> {
    const events = await this.getJson<IdName[]>('/api/events');
    const event = events.find((e) => e.title?.en === title);
    if (!event) throw new Error(`no event ${title}`);
    return event.id;
  }

  async roomId(roomName: string, title = TASK_FORCE): Promise<string> {
    const detail = await this.getJson<{ rooms: IdName[] }>(`/api/events/${await this.eventId(title)}`);
    const room = detail.rooms.find((r) => r.name?.en === roomName);
    if (!room) throw new Error(`no room ${roomName}`);
    return room.id;
  }

  /** A fresh invitation link for a demo person of the event. */
  async invitationUrl(personName: string, title = TASK_FORCE): Promise<string> {
    const eventId = await this.eventId(title);
    const members = await this.getJson<Array<{ personId: string; person: { name: string } }>>(
      `/api/events/${eventId}/members`,
    );
    const member = members.find((m) => m.person.name === personName);
    if (!member) throw new Error(`no member ${personName}`);
    const response = await this.actor.page.request.post(`/api/people/${member.personId}/invitations`, {
      data: { eventId, validForDays: 1 },
    });
    expect(response.ok(), `invitation for ${personName}`).toBe(true);
    return ((await response.json()) as { url: string }).url;
  }

  /** Signs a demo person in, in their own browser context, and waits for their event page. */
  async invite(browser: Browser, personName: string, locale = 'en-US'): Promise<Actor> {
    const url = await this.invitationUrl(personName);
    const actor = await newActor(browser, personName, locale, this.baseURL);
    await actor.page.goto(url);
    const title = locale.startsWith('ja') ? TASK_FORCE_JA : TASK_FORCE;
    await expect(actor.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    return actor;
  }
}

/** The side panels, by the label of their control-bar button, and the region each one is. */
export const PANELS = {
  Speakers: 'Speakers list',
  Agenda: 'Agenda',
  Minutes: 'Minutes',
  People: 'People in the room',
  Chat: 'Chat',
  Polls: 'Polls',
} as const;
export type PanelName = keyof typeof PANELS;

/** The room screen as one actor sees it. */
export class RoomScreen {
  constructor(readonly page: Page) {}

  /** Goes from the event page to a room through its link, as a person would. */
  async enterFromEventPage(roomName: string): Promise<void> {
    await this.page.getByRole('link', { name: roomName }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: roomName })).toBeVisible();
    await expect(this.stage.getByRole('heading', { name: 'The floor' })).toBeVisible();
  }

  region(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  /** The centre of the room: the floor, its clock, one's place, the current agenda item, the media. */
  get stage(): Locator {
    return this.region('The floor');
  }

  /** The one control bar at the bottom. */
  get controlBar(): Locator {
    return this.page.getByRole('toolbar', { name: 'Meeting controls' });
  }

  get speakersRegion(): Locator {
    return this.region(PANELS.Speakers);
  }

  /** Opens a side panel from the control bar (one is open at a time), unless it is open already. */
  async openPanel(name: PanelName): Promise<Locator> {
    const toggle = this.controlBar.getByRole('button', { name, exact: true });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const region = this.region(PANELS[name]);
    await expect(region).toBeVisible();
    return region;
  }

  /** Co-chair: picks an action from a speakers-list entry's menu. */
  async entryAction(name: string, action: string | RegExp): Promise<void> {
    await (await this.openPanel('Speakers')).getByRole('button', { name: `Actions for ${name}` }).click();
    await this.page.getByRole('menuitem', { name: action }).click();
  }

  get banner(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'Connection lost' });
  }

  /** Names on the speakers list, in calling order. */
  async speakerNames(): Promise<string[]> {
    const list = this.page.getByTestId('speakers-list');
    if ((await list.count()) === 0) return [];
    return list.locator('.speaker-name').allTextContents();
  }

  async floorHolder(): Promise<string> {
    return ((await this.page.getByTestId('floor-holder').textContent()) ?? '').trim();
  }

  async countdown(): Promise<string> {
    const timer = this.page.getByTestId('floor-countdown');
    return (await timer.count()) === 0 ? '' : ((await timer.textContent()) ?? '');
  }

  async raiseHand(): Promise<void> {
    await this.controlBar.getByRole('button', { name: 'Raise my hand' }).click();
    await expect(this.page.getByTestId('my-position')).toBeVisible();
  }

  /** A button anywhere in the room (stage, control bar, open panel, dialog). */
  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name });
  }

  /** Co-chair: no floor, nobody waiting, so the test starts from a known state. */
  async resetSpeakingOrder(): Promise<void> {
    await this.openPanel('Speakers');
    const end = this.button('End the turn');
    if (await end.isVisible()) await end.click();
    await expect(this.button('End the turn')).toBeHidden();
    const clear = this.button('Clear the list');
    if (await clear.isEnabled()) {
      await clear.click();
      await this.button('Really remove everyone from the list?').click();
    }
    await expect(this.page.getByTestId('speakers-empty')).toBeVisible();
  }
}

/** Reads a value on every screen in one go, for comparing what each actor sees at the same time. */
export function readAll<T>(screens: readonly RoomScreen[], read: (screen: RoomScreen) => Promise<T>) {
  return Promise.all(screens.map(read));
}

/** Waits until every screen shows `expected` at the same moment (read together, then compared). */
export async function expectOnEveryScreen<T>(
  screens: readonly RoomScreen[],
  read: (screen: RoomScreen) => Promise<T>,
  expected: unknown,
): Promise<void> {
  await expect.poll(() => readAll(screens, read)).toEqual(screens.map(() => expected));
}

/** Waits until every screen shows the same countdown, read on all of them at the same moment. */
export async function expectSameCountdown(screens: readonly RoomScreen[]): Promise<void> {
  await expect
    .poll(async () => {
      const texts = await readAll(screens, (screen) => screen.countdown());
      return texts[0] && new Set(texts).size === 1 ? 'the same on every screen' : texts.join(' | ');
    })
    .toBe('the same on every screen');
}

/** A meeting: the organizer and demo people signed in, each in their own browser, on the event page. */
export interface Meeting {
  organizer: Organizer;
  actors: Actor[];
  screens: RoomScreen[];
  close: () => Promise<void>;
}

export async function openMeeting(
  browser: Browser,
  people: readonly string[],
  locale?: string,
): Promise<Meeting> {
  const organizer = await Organizer.signIn(browser);
  const actors: Actor[] = [];
  for (const person of people) actors.push(await organizer.invite(browser, person, locale));
  return {
    organizer,
    actors,
    screens: actors.map((actor) => new RoomScreen(actor.page)),
    close: async () => {
      await Promise.all([...actors, organizer.actor].map((actor) => actor.close()));
    },
  };
}
