import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report, ReportVisibility } from '@roundtable/shared';
import { api, cookies } from '../minutes/test-support.js';
import { startTestApp, type TestApp } from '../test/app.js';
import { buildEvent } from '../test/factories.js';
import { seedTaskForce, type TaskForce } from './test-support.js';

type Viewer = 'anonymous' | 'stranger' | 'delegate' | 'stakeholder' | 'organizer';

/**
 * What each viewer gets for each setting: a status, and for 200 the rooms listed. The government
 * room's minutes are published; the stakeholder room's are approved, not published.
 */
const EXPECTED: Record<ReportVisibility, Record<Viewer, number | string[]>> = {
  public: {
    anonymous: ['gov'],
    stranger: ['gov'],
    delegate: ['gov'],
    stakeholder: ['gov'],
    organizer: ['gov', 'stakeholder'],
  },
  participants: {
    anonymous: 401,
    stranger: 403,
    delegate: ['gov'],
    // A participants-only report keeps the walls between dialogues.
    stakeholder: [],
    organizer: ['gov', 'stakeholder'],
  },
  organizers: {
    anonymous: 401,
    stranger: 403,
    delegate: 403,
    stakeholder: 403,
    organizer: ['gov', 'stakeholder'],
  },
};

const FORMATS = ['', '.md', '.html', '.docx'] as const;

const WHO: Record<Viewer, string> = {
  anonymous: 'the public',
  stranger: 'someone signed in outside the event',
  delegate: 'a government delegate',
  stakeholder: 'a private-sector participant',
  organizer: 'an organizer',
};

describe('report visibility for each setting and viewer', () => {
  let app: TestApp;
  const forces = new Map<ReportVisibility, TaskForce>();
  beforeAll(async () => {
    app = await startTestApp();
    for (const visibility of ['public', 'participants', 'organizers'] as const) {
      forces.set(visibility, await seedTaskForce(app, { visibility }));
    }
  });
  afterAll(() => app.close());

  const cookieFor = async (force: TaskForce, viewer: Viewer): Promise<string | null> => {
    if (viewer === 'anonymous') return null;
    return cookies(app)(force[viewer].id);
  };

  for (const visibility of ['public', 'participants', 'organizers'] as const) {
    for (const viewer of ['anonymous', 'stranger', 'delegate', 'stakeholder', 'organizer'] as const) {
      const expected = EXPECTED[visibility][viewer];
      const what =
        typeof expected === 'number' ? `is refused with ${expected}` : `lists ${JSON.stringify(expected)}`;
      it(`a ${visibility} report, read by ${WHO[viewer]}, ${what} in every format`, async () => {
        const force = forces.get(visibility)!;
        const cookie = await cookieFor(force, viewer);
        for (const format of FORMATS) {
          const res = await api(app, cookie, 'GET', `/events/${force.event.id}/report${format}`);
          expect([format, res.status]).toEqual([format, typeof expected === 'number' ? expected : 200]);
        }
        if (typeof expected === 'number') return;
        const report = (await api<Report>(app, cookie, 'GET', `/events/${force.event.id}/report`)).body;
        const names = { [force.govRoom.id]: 'gov', [force.stakeholderRoom.id]: 'stakeholder' };
        expect(report.rooms.map((r) => names[r.roomId])).toEqual(expected);
        expect(report.rooms.map((r) => r.status)).toEqual(
          expected.map((k) => (k === 'gov' ? 'published' : 'approved')),
        );
      });
    }
  }

  it('keeps approved minutes out of the files, even for organizers: a file leaves the platform', async () => {
    const force = forces.get('public')!;
    const organizer = await cookies(app)(force.organizer.id);
    const json = await api<Report>(app, organizer, 'GET', `/events/${force.event.id}/report`);
    expect(json.body.rooms.map((r) => r.name)).toContain(force.stakeholderRoom.name.en);
    for (const format of ['.md', '.html']) {
      const file = await api<string>(app, organizer, 'GET', `/events/${force.event.id}/report${format}`);
      expect(file.body).toContain(force.govRoom.name.en);
      expect(file.body).not.toContain(force.stakeholderRoom.name.en);
    }
  });

  it('shows the public nothing of an event before anything is published, and members an empty report', async () => {
    const event = await buildEvent(app.store.db, { reportVisibility: 'public' });
    expect((await api(app, null, 'GET', `/events/${event.id}/report`)).status).toBe(404);
    expect((await api(app, null, 'GET', `/events/${event.id}/report.html`)).status).toBe(404);
    const force = forces.get('public')!;
    const organizer = await cookies(app)(force.organizer.id);
    const empty = await api<Report>(app, organizer, 'GET', `/events/${event.id}/report`);
    expect([empty.status, empty.body.rooms]).toEqual([200, []]);
    expect((await api(app, null, 'GET', '/events/no-such-event/report')).status).toBe(404);
  });

  it('leaves a room out of the public report again once an organizer reopens its minutes', async () => {
    const force = forces.get('public')!;
    const organizer = await cookies(app)(force.organizer.id);
    await api(app, organizer, 'POST', `/rooms/${force.govRoom.id}/minutes/reopen`);
    expect((await api(app, null, 'GET', `/events/${force.event.id}/report`)).status).toBe(404);
  });
});
