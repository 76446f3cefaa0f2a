import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import { MinutesNode, minutesMeta, type SeedTemplateResult } from '@roundtable/shared';
import { connectClient, tokenFor, type TestClient } from '../collab/test-support.js';
import { buildMeeting, startInstances, type Meeting } from '../speaking/test-helpers.js';
import { type TestApp } from '../test/app.js';
import { TEMPLATE_SEEDED_KEY } from './doc-edits.js';
import {
  api,
  appendToMinutes,
  cookies,
  editMinutes,
  minutesElement,
  sectionsOf,
  storedMinutes,
  storedMinutesText,
  writeAgenda,
  meetingApp,
} from './test-support.js';

const AGENDA = [
  { id: 'item-opening', title: 'Opening remarks', presenters: ['Chair Japan', 'Chair US'] },
  { id: 'item-supply', title: 'Human rights in supply chains', presenters: ['Ministry of Foreign Affairs'] },
  { id: 'item-next', title: 'Next steps', presenters: [] },
];

/** The agenda item ids of the minutes' headings, in order. */
function headingItems(doc: Y.Doc): (string | null)[] {
  return sectionsOf(doc)
    .filter((s) => s.name === MinutesNode.Heading)
    .map((s) => s.agendaItemId);
}

describe('the minutes template from the agenda, across two instances with Redis', () => {
  let instances: TestApp[];
  let meeting: Meeting;
  const clients: TestClient[] = [];
  beforeEach(async () => {
    instances = await startInstances(2);
    meeting = await buildMeeting(instances[0]!.store.db, { participants: 0 });
  });
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.destroy());
    await Promise.all(instances.map((i) => i.close()));
  });

  it('two note-takers opening blank minutes at once on two instances get exactly one section per agenda item', async () => {
    const [a, b] = instances as [TestApp, TestApp];
    const roomId = meeting.room.id;
    await writeAgenda(a, roomId, AGENDA);
    const writers = [meeting.noteTaker, meeting.chairs[0]!];
    for (const [i, person] of writers.entries()) {
      const app = i === 0 ? a : b;
      clients.push(connectClient(app.url, roomId, 'minutes', await tokenFor(app.app.context.secret, person)));
    }
    await Promise.all(clients.map((c) => c.synced()));

    // Each editor asks for the template as it opens the minutes; twice each, to crowd the lock.
    const cookieA = await cookies(a)(meeting.noteTaker.id);
    const cookieB = await cookies(b)(meeting.chairs[0]!.id);
    const results = await Promise.all([
      api<SeedTemplateResult>(a, cookieA, 'POST', `/rooms/${roomId}/minutes/template`, {}),
      api<SeedTemplateResult>(b, cookieB, 'POST', `/rooms/${roomId}/minutes/template`, {}),
      api<SeedTemplateResult>(a, cookieA, 'POST', `/rooms/${roomId}/minutes/template`, {}),
      api<SeedTemplateResult>(b, cookieB, 'POST', `/rooms/${roomId}/minutes/template`, {}),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const outcomes = results.map((r) => r.body.outcome);
    expect(outcomes.filter((o) => o === 'seeded')).toHaveLength(1);
    expect(outcomes.every((o) => ['seeded', 'already_seeded', 'in_progress'].includes(o))).toBe(true);

    const ids = AGENDA.map((i) => i.id);
    for (const client of clients) await vi.waitFor(() => expect(headingItems(client.doc)).toEqual(ids));
    const stored = await storedMinutes(b, roomId);
    expect(headingItems(stored)).toEqual(ids);
    expect(minutesMeta(stored).get(TEMPLATE_SEEDED_KEY)).toEqual(expect.any(String));

    // Later openings change nothing, on either instance.
    const again = await api<SeedTemplateResult>(b, cookieB, 'POST', `/rooms/${roomId}/minutes/template`, {});
    expect(again.body).toEqual({ outcome: 'already_seeded', sections: 0 });
    expect(headingItems(await storedMinutes(a, roomId))).toEqual(ids);
  });

  it("minutes opened before the agenda get each item's section once it is added, exactly once across instances", async () => {
    const [a, b] = instances as [TestApp, TestApp];
    const roomId = meeting.room.id;
    const cookieA = await cookies(a)(meeting.noteTaker.id);
    const cookieB = await cookies(b)(meeting.chairs[0]!.id);
    const askBoth = () =>
      Promise.all([
        api<SeedTemplateResult>(a, cookieA, 'POST', `/rooms/${roomId}/minutes/template`, {}),
        api<SeedTemplateResult>(b, cookieB, 'POST', `/rooms/${roomId}/minutes/template`, {}),
        api<SeedTemplateResult>(a, cookieA, 'POST', `/rooms/${roomId}/minutes/template`, {}),
      ]);
    const seededCount = (results: { body: SeedTemplateResult }[]) =>
      results.filter((r) => r.body.outcome === 'seeded').length;
    const early = (await askBoth()).map((r) => r.body.outcome);
    expect(early.every((o) => o === 'no_agenda' || o === 'in_progress')).toBe(true);

    // The co-chair adds the first item, then the others one by one; every editor asks each time.
    await writeAgenda(a, roomId, AGENDA.slice(0, 1));
    expect(seededCount(await askBoth())).toBe(1);
    // Later items: each asking round appends at most once, until every item has its section.
    let appended = 0;
    const askUntil = async (ids: string[]) => {
      await vi.waitFor(async () => {
        const round = seededCount(await askBoth());
        expect(round).toBeLessThanOrEqual(1);
        appended += round;
        expect(headingItems(await storedMinutes(b, roomId))).toEqual(ids);
      });
    };
    await writeAgenda(b, roomId, AGENDA.slice(1, 2));
    await askUntil(AGENDA.slice(0, 2).map((i) => i.id));
    await writeAgenda(a, roomId, AGENDA.slice(2));
    await askUntil(AGENDA.map((i) => i.id));
    expect(appended).toBe(2);
    // Asking again adds nothing: one section per item, on both instances.
    expect(seededCount(await askBoth())).toBe(0);
    expect(headingItems(await storedMinutes(a, roomId))).toEqual(AGENDA.map((i) => i.id));
  });
});

describe('the minutes template', () => {
  const ctx = meetingApp({ participants: 1 });

  const seed = async (personId: string, language?: 'en' | 'ja') =>
    api<SeedTemplateResult>(
      ctx.app,
      await ctx.cookieOf(personId),
      'POST',
      `/rooms/${ctx.meeting.room.id}/minutes/template`,
      language ? { language } : {},
    );

  it('writes a heading tied to each item, its presenters and a paragraph to write in', async () => {
    await writeAgenda(ctx.app, ctx.meeting.room.id, AGENDA.slice(0, 2));
    expect((await seed(ctx.meeting.noteTaker.id, 'ja')).body).toEqual({ outcome: 'seeded', sections: 2 });
    expect(await storedMinutesText(ctx.app, ctx.meeting.room.id)).toBe(
      [
        'Opening remarks',
        '発表者: Chair Japan, Chair US',
        '',
        'Human rights in supply chains',
        '発表者: Ministry of Foreign Affairs',
        '',
      ].join('\n'),
    );
  });

  it('leaves minutes someone already wrote alone, now and later', async () => {
    await writeAgenda(ctx.app, ctx.meeting.room.id, AGENDA);
    await editMinutes(ctx.app, ctx.meeting.room.id, (doc) =>
      appendToMinutes(doc, [minutesElement(MinutesNode.Paragraph, 'Typed before the template')]),
    );
    expect((await seed(ctx.meeting.noteTaker.id)).body).toEqual({ outcome: 'not_empty', sections: 0 });
    expect((await seed(ctx.meeting.noteTaker.id)).body.outcome).toBe('already_seeded');
    expect(await storedMinutesText(ctx.app, ctx.meeting.room.id)).toBe('Typed before the template');
  });

  it('treats the empty paragraph an editor creates as a blank page', async () => {
    await writeAgenda(ctx.app, ctx.meeting.room.id, AGENDA.slice(2));
    await editMinutes(ctx.app, ctx.meeting.room.id, (doc) =>
      appendToMinutes(doc, [minutesElement(MinutesNode.Paragraph, '')]),
    );
    expect((await seed(ctx.meeting.noteTaker.id)).body).toEqual({ outcome: 'seeded', sections: 1 });
    // The blank paragraph stays (after the sections): someone may be typing into it.
    expect(await storedMinutesText(ctx.app, ctx.meeting.room.id)).toBe('Next steps\n\n');
  });

  it('waits for an agenda: nothing is inserted before, the first call after seeds', async () => {
    expect((await seed(ctx.meeting.noteTaker.id)).body).toEqual({ outcome: 'no_agenda', sections: 0 });
    await writeAgenda(ctx.app, ctx.meeting.room.id, AGENDA.slice(1, 2));
    expect((await seed(ctx.meeting.noteTaker.id)).body).toEqual({ outcome: 'seeded', sections: 1 });
  });

  it('is for writers of the minutes only, and never touches submitted minutes', async () => {
    await writeAgenda(ctx.app, ctx.meeting.room.id, AGENDA);
    expect((await seed(ctx.meeting.participants[0]!.id)).status).toBe(403);
    expect(
      (await api(ctx.app, null, 'POST', `/rooms/${ctx.meeting.room.id}/minutes/template`, {})).status,
    ).toBe(401);
    const submit = await api(
      ctx.app,
      await ctx.cookieOf(ctx.meeting.noteTaker.id),
      'POST',
      `/rooms/${ctx.meeting.room.id}/minutes/submit`,
    );
    expect(submit.status).toBe(200);
    expect((await seed(ctx.meeting.noteTaker.id)).body).toEqual({ outcome: 'locked', sections: 0 });
    expect(await storedMinutesText(ctx.app, ctx.meeting.room.id)).toBe('');
  });
});
