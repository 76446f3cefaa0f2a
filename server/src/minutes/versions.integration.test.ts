import { describe, expect, it, vi } from 'vitest';
import { MinutesNode, minutesPlainText, type MinutesVersion } from '@roundtable/shared';
import { connectClient, tokenFor } from '../collab/test-support.js';
import { buildRoom } from '../test/factories.js';
import { api, appendToMinutes, minutesElement, storedMinutesText, meetingApp } from './test-support.js';

describe('named versions of the minutes', () => {
  const ctx = meetingApp({ participants: 1 });

  const versionsPath = () => `/rooms/${ctx.meeting.room.id}/minutes/versions`;
  const save = async (name: string) =>
    api<MinutesVersion>(ctx.app, await ctx.cookieOf(ctx.meeting.noteTaker.id), 'POST', versionsPath(), {
      name,
    });
  const restore = async (personId: string, versionId: string) =>
    api<MinutesVersion & { error?: { code: string } }>(
      ctx.app,
      await ctx.cookieOf(personId),
      'POST',
      `${versionsPath()}/${versionId}/restore`,
    );

  it('saves a named version, lists it, and restoring it brings every connected editor back to it', async () => {
    const noteTaker = connectClient(
      ctx.app.url,
      ctx.meeting.room.id,
      'minutes',
      await tokenFor(ctx.app.app.context.secret, ctx.meeting.noteTaker),
    );
    const chair = connectClient(
      ctx.app.url,
      ctx.meeting.room.id,
      'minutes',
      await tokenFor(ctx.app.app.context.secret, ctx.meeting.chairs[0]!),
    );
    ctx.clients.push(noteTaker, chair);
    await Promise.all(ctx.clients.map((c) => c.synced()));
    appendToMinutes(noteTaker.doc, [
      minutesElement(MinutesNode.Heading, 'Opening', { level: '2' }),
      minutesElement(MinutesNode.Paragraph, 'Both sides welcomed the dialogue.'),
    ]);
    await vi.waitFor(async () =>
      expect(await storedMinutesText(ctx.app, ctx.meeting.room.id)).toBe(
        'Opening\nBoth sides welcomed the dialogue.',
      ),
    );

    const saved = await save('Draft for co-chairs');
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({
      name: 'Draft for co-chairs',
      author: { personId: ctx.meeting.noteTaker.id },
    });
    expect(saved.body.bytes).toBeGreaterThan(0);

    appendToMinutes(chair.doc, [minutesElement(MinutesNode.Paragraph, 'A remark to be withdrawn.')]);
    await vi.waitFor(() => expect(minutesPlainText(noteTaker.doc)).toContain('withdrawn'));
    const listed = await api<MinutesVersion[]>(
      ctx.app,
      await ctx.cookieOf(ctx.meeting.chairs[0]!.id),
      'GET',
      versionsPath(),
    );
    expect(listed.body.map((v) => v.name)).toEqual(['Draft for co-chairs']);

    const restored = await restore(ctx.meeting.chairs[0]!.id, saved.body.id);
    expect(restored.status).toBe(200);
    const expected = 'Opening\nBoth sides welcomed the dialogue.';
    for (const client of ctx.clients)
      await vi.waitFor(() => expect(minutesPlainText(client.doc)).toBe(expected));
    expect(await storedMinutesText(ctx.app, ctx.meeting.room.id)).toBe(expected);

    // History is intact: editing continues on top of the restored content for everyone.
    appendToMinutes(chair.doc, [minutesElement(MinutesNode.Paragraph, 'Added after the restore.')]);
    await vi.waitFor(() =>
      expect(minutesPlainText(noteTaker.doc)).toBe(`${expected}\nAdded after the restore.`),
    );
    const audit = await ctx.app.store.db
      .selectFrom('audit_log')
      .select('action')
      .where('room_id', '=', ctx.meeting.room.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['minutes.version-save', 'minutes.version-restore']);
  });

  it('is for writers of the minutes only', async () => {
    const saved = await save('v1');
    const participant = await ctx.cookieOf(ctx.meeting.participants[0]!.id);
    expect((await api(ctx.app, participant, 'GET', versionsPath())).status).toBe(403);
    expect((await api(ctx.app, participant, 'POST', versionsPath(), { name: 'mine' })).status).toBe(403);
    expect((await restore(ctx.meeting.participants[0]!.id, saved.body.id)).status).toBe(403);
    expect((await api(ctx.app, null, 'GET', versionsPath())).status).toBe(401);
    expect(
      (await api(ctx.app, await ctx.cookieOf(ctx.meeting.noteTaker.id), 'POST', versionsPath(), { name: '' }))
        .status,
    ).toBe(400);
  });

  it('restores nothing into submitted minutes, nor another room’s version', async () => {
    const saved = await save('v1');
    const other = await buildRoom(ctx.app.store.db, ctx.meeting.room.eventId);
    const foreign = await api<MinutesVersion>(
      ctx.app,
      await ctx.cookieOf(ctx.meeting.organizer.id),
      'POST',
      `/rooms/${other.id}/minutes/versions`,
      { name: 'other room' },
    );
    expect((await restore(ctx.meeting.noteTaker.id, foreign.body.id)).status).toBe(404);

    await api(
      ctx.app,
      await ctx.cookieOf(ctx.meeting.noteTaker.id),
      'POST',
      `/rooms/${ctx.meeting.room.id}/minutes/submit`,
    );
    const locked = await restore(ctx.meeting.noteTaker.id, saved.body.id);
    expect([locked.status, locked.body.error?.code]).toEqual([409, 'minutes_locked']);
  });
});
