import { describe, expect, it, vi } from 'vitest';
import {
  CloseCode,
  MinutesNode,
  type AuditPage,
  type MinutesWorkflow,
  type MinutesWorkflowView,
} from '@roundtable/shared';
import { closedWith, connectClient, tokenFor, type TestClient } from '../collab/test-support.js';
import { collect, connectAs } from '../presence/testing.js';
import { call, type Meeting } from '../speaking/test-helpers.js';
import { STORE_KINDS } from '../test/stores.js';
import { api, appendToMinutes, minutesElement, storedMinutesText, meetingApp } from './test-support.js';

describe.each(STORE_KINDS)('the minutes approval workflow (%s)', (storeKind) => {
  const ctx = meetingApp({ participants: 1, store: storeKind });

  const act = async (personId: string, command: string) =>
    api<MinutesWorkflowView & { error?: { code: string } }>(
      ctx.app,
      await ctx.cookieOf(personId),
      'POST',
      `/rooms/${ctx.meeting.room.id}/minutes/${command}`,
    );

  it('needs every co-chair’s approval: one co-chair’s is not enough to publish', async () => {
    const [japan, us] = ctx.meeting.chairs as [Meeting['chairs'][0], Meeting['chairs'][0]];
    const submitted = await act(ctx.meeting.noteTaker.id, 'submit');
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({
      status: 'submitted',
      readOnly: true,
      submittedBy: { personId: ctx.meeting.noteTaker.id },
    });
    expect(submitted.body.approvers.map((a) => [a.name, a.approvedAt]).sort()).toEqual([
      ['Chair Japan', null],
      ['Chair US', null],
    ]);

    const first = await act(japan.id, 'approve');
    expect(first.body.status).toBe('submitted');
    expect(first.body.approvers.find((a) => a.personId === japan.id)?.approvedAt).toEqual(expect.any(String));
    expect(first.body.approvers.find((a) => a.personId === us.id)?.approvedAt).toBeNull();
    expect(first.body.can.approve).toBe(false);

    const early = await act(ctx.meeting.organizer.id, 'publish');
    expect([early.status, early.body.error?.code]).toEqual([409, 'not_approved']);
    expect((await act(japan.id, 'approve')).body.error?.code).toBe('already_approved');
    expect((await act(ctx.meeting.participants[0]!.id, 'approve')).status).toBe(403);
    expect((await act(ctx.meeting.organizer.id, 'approve')).body.error?.code).toBe('not_an_approver');

    const second = await act(us.id, 'approve');
    expect(second.body.status).toBe('approved');
    expect(second.body.approvers.every((a) => a.approvedAt !== null)).toBe(true);

    expect((await act(japan.id, 'publish')).status).toBe(403);
    const published = await act(ctx.meeting.organizer.id, 'publish');
    expect(published.body).toMatchObject({
      status: 'published',
      publishedBy: { personId: ctx.meeting.organizer.id },
    });

    const audit = await api<AuditPage>(
      ctx.app,
      await ctx.cookieOf(ctx.meeting.organizer.id),
      'GET',
      `/rooms/${ctx.meeting.room.id}/audit`,
    );
    expect(audit.body.entries.filter((e) => e.action.startsWith('minutes.')).map((e) => e.action)).toEqual([
      'minutes.submit',
      'minutes.approve',
      'minutes.approve',
      'minutes.publish',
    ]);
  });

  it('publishing announces the report by mail, in each person’s language, once per publication', async () => {
    const db = ctx.app.store.db;
    const [japan] = ctx.meeting.chairs as [Meeting['chairs'][0]];
    await db.updateTable('people').set({ language: 'ja' }).where('id', '=', japan.id).execute();
    const announcements = () =>
      db
        .selectFrom('outbox')
        .select(['person_id', 'language', 'subject', 'text'])
        .where('kind', '=', 'minutes_published')
        .execute();
    const publish = async () => {
      await act(ctx.meeting.noteTaker.id, 'submit');
      for (const chair of ctx.meeting.chairs) await act(chair.id, 'approve');
      return act(ctx.meeting.organizer.id, 'publish');
    };

    // A participant who attended (listed by the organizer) hears about the report too.
    const attendee = ctx.meeting.participants[0]!;
    const listed = await api(
      ctx.app,
      await ctx.cookieOf(ctx.meeting.organizer.id),
      'PUT',
      `/rooms/${ctx.meeting.room.id}/attendance/${attendee.id}`,
      { included: true },
    );
    expect(listed.status).toBe(200);
    await act(ctx.meeting.noteTaker.id, 'submit');
    expect(await announcements()).toEqual([]);
    expect((await publish()).status).toBe(200);
    const first = await announcements();
    const inRoom = await db
      .selectFrom('room_roles')
      .select('person_id')
      .where('room_id', '=', ctx.meeting.room.id)
      .execute();
    expect(first.map((m) => m.person_id).sort()).toEqual(
      [...new Set([...inRoom.map((r) => r.person_id), attendee.id])].sort(),
    );
    expect(first.map((m) => m.person_id)).not.toContain(ctx.meeting.outsider.id);
    const toJapan = first.find((m) => m.person_id === japan.id)!;
    expect(toJapan.language).toBe('ja');
    expect(toJapan.text).toContain(`/events/${ctx.meeting.room.eventId}/report?lang=ja`);
    // A second publish is refused and mails nobody; reopening and publishing again announces again.
    expect((await act(ctx.meeting.organizer.id, 'publish')).status).toBe(409);
    expect(await announcements()).toHaveLength(first.length);
    await act(ctx.meeting.organizer.id, 'reopen');
    expect((await publish()).status).toBe(200);
    expect(await announcements()).toHaveLength(first.length * 2);
  });

  it('a co-chair sends submitted minutes back for correction; a participant cannot', async () => {
    await act(ctx.meeting.noteTaker.id, 'submit');
    expect((await act(ctx.meeting.participants[0]!.id, 'reopen')).status).toBe(403);
    expect((await act(ctx.meeting.noteTaker.id, 'reopen')).status).toBe(403);
    const sentBack = await act(ctx.meeting.chairs[0]!.id, 'reopen');
    expect(sentBack.status).toBe(200);
    expect(sentBack.body).toMatchObject({ status: 'draft', readOnly: false, approvers: [] });
    // Once published, only an organizer takes the report back.
    await act(ctx.meeting.noteTaker.id, 'submit');
    await act(ctx.meeting.chairs[0]!.id, 'approve');
    await act(ctx.meeting.chairs[1]!.id, 'approve');
    expect((await act(ctx.meeting.organizer.id, 'publish')).status).toBe(200);
    const refused = await act(ctx.meeting.chairs[0]!.id, 'reopen');
    expect(refused.body).toMatchObject({ error: { code: 'already_published' } });
  });

  it('an organizer reopens: back to a writable draft with the approvals cleared, and it is audited', async () => {
    await act(ctx.meeting.noteTaker.id, 'submit');
    await act(ctx.meeting.chairs[0]!.id, 'approve');
    const reopened = await act(ctx.meeting.organizer.id, 'reopen');
    expect(reopened.body).toMatchObject({
      status: 'draft',
      readOnly: false,
      approvers: [],
      submittedBy: null,
    });
    const audit = await api<AuditPage>(
      ctx.app,
      await ctx.cookieOf(ctx.meeting.organizer.id),
      'GET',
      `/rooms/${ctx.meeting.room.id}/audit`,
    );
    expect(audit.body.entries.at(-1)).toMatchObject({
      action: 'minutes.reopen',
      actorId: ctx.meeting.organizer.id,
      data: { from: 'submitted', to: 'draft' },
    });
    // Submitting again asks the co-chairs afresh.
    expect(
      (await act(ctx.meeting.noteTaker.id, 'submit')).body.approvers.every((a) => a.approvedAt === null),
    ).toBe(true);
  });

  it('shows each person what they may do, and keeps the workflow from people outside the room', async () => {
    const view = async (personId: string) =>
      api<MinutesWorkflowView>(
        ctx.app,
        await ctx.cookieOf(personId),
        'GET',
        `/rooms/${ctx.meeting.room.id}/minutes`,
      );
    expect((await view(ctx.meeting.noteTaker.id)).body.can).toEqual({
      submit: true,
      approve: false,
      reopen: false,
      publish: false,
      versions: true,
      attendance: false,
    });
    expect((await view(ctx.meeting.participants[0]!.id)).body.can.submit).toBe(false);
    expect((await view(ctx.meeting.outsider.id)).status).toBe(403);
    expect((await api(ctx.app, null, 'GET', `/rooms/${ctx.meeting.room.id}/minutes`)).status).toBe(401);
    await act(ctx.meeting.noteTaker.id, 'submit');
    expect((await view(ctx.meeting.chairs[1]!.id)).body.can).toMatchObject({
      approve: true,
      submit: false,
      reopen: true,
    });
    expect((await view(ctx.meeting.organizer.id)).body.can).toMatchObject({ reopen: true, publish: false });
  });
});

describe('submitted minutes at the server', () => {
  const ctx = meetingApp({ participants: 0 });

  const writer = async (personId: string): Promise<TestClient> => {
    const person = [ctx.meeting.noteTaker, ctx.meeting.organizer, ...ctx.meeting.chairs].find(
      (p) => p.id === personId,
    );
    if (!person) throw new Error('unknown writer');
    const client = connectClient(
      ctx.app.url,
      ctx.meeting.room.id,
      'minutes',
      await tokenFor(ctx.app.app.context.secret, person),
    );
    ctx.clients.push(client);
    await client.synced();
    return client;
  };
  const dropped = async (): Promise<number> => {
    const metric = ctx.app.app.context.metrics.registry.getSingleMetric(
      'roundtable_yjs_dropped_updates_total',
    );
    const values = (await metric?.get())?.values ?? [];
    return values.filter((v) => v.labels['reason'] === 'read_only_document').reduce((n, v) => n + v.value, 0);
  };

  it('refuses a note-taker’s stock y-websocket write after submission: the stored document stays as submitted', async () => {
    const noteTaker = await writer(ctx.meeting.noteTaker.id);
    appendToMinutes(noteTaker.doc, [minutesElement(MinutesNode.Paragraph, 'Agreed to meet again in May.')]);
    await vi.waitFor(async () =>
      expect(await storedMinutesText(ctx.app, ctx.meeting.room.id)).toBe('Agreed to meet again in May.'),
    );

    const submitted = await api(
      ctx.app,
      await ctx.cookieOf(ctx.meeting.noteTaker.id),
      'POST',
      `/rooms/${ctx.meeting.room.id}/minutes/submit`,
    );
    expect(submitted.status).toBe(200);
    // The server closed the writer so it re-syncs against the read-only document.
    await closedWith(noteTaker, CloseCode.AccessChanged);
    await vi.waitFor(() => expect(noteTaker.provider.wsconnected).toBe(true));
    await noteTaker.synced();

    const before = await dropped();
    appendToMinutes(noteTaker.doc, [minutesElement(MinutesNode.Paragraph, 'Changed after submission.')]);
    await vi.waitFor(async () => expect(await dropped()).toBeGreaterThan(before));
    expect(await storedMinutesText(ctx.app, ctx.meeting.room.id)).toBe('Agreed to meet again in May.');

    // Everyone else is refused too: a co-chair and an organizer.
    for (const personId of [ctx.meeting.chairs[0]!.id, ctx.meeting.organizer.id]) {
      const other = await writer(personId);
      const count = await dropped();
      appendToMinutes(other.doc, [minutesElement(MinutesNode.Paragraph, `By ${personId}`)]);
      await vi.waitFor(async () => expect(await dropped()).toBeGreaterThan(count));
    }
    expect(await storedMinutesText(ctx.app, ctx.meeting.room.id)).toBe('Agreed to meet again in May.');
  });

  it('tells watchers of every transition over Socket.IO', async () => {
    const socket = await connectAs(ctx.app, ctx.meeting.chairs[0]!.id);
    const pushes = collect(socket, 'minutes:workflow');
    const ack = await call(socket, 'minutes:watch', { roomId: ctx.meeting.room.id });
    expect(ack).toMatchObject({ ok: true, data: { status: 'draft', version: 0 } });
    await api(
      ctx.app,
      await ctx.cookieOf(ctx.meeting.noteTaker.id),
      'POST',
      `/rooms/${ctx.meeting.room.id}/minutes/submit`,
    );
    await api(
      ctx.app,
      await ctx.cookieOf(ctx.meeting.chairs[0]!.id),
      'POST',
      `/rooms/${ctx.meeting.room.id}/minutes/approve`,
    );
    await vi.waitFor(() =>
      expect(pushes.map((p: MinutesWorkflow) => [p.status, p.version])).toEqual([
        ['submitted', 1],
        ['submitted', 2],
      ]),
    );
    const outsider = await connectAs(ctx.app, ctx.meeting.outsider.id);
    expect(await call(outsider, 'minutes:watch', { roomId: ctx.meeting.room.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
