import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MinutesNode, minutesPlainText, type MinutesVersion } from '@roundtable/shared';
import { connectClient, tokenFor, type TestClient } from '../collab/test-support.js';
import { buildMeeting, type Meeting } from '../speaking/test-helpers.js';
import { startTestApp, type TestApp } from '../test/app.js';
import { buildRoom } from '../test/factories.js';
import { api, appendToMinutes, cookies, minutesElement, storedMinutesText } from './test-support.js';

describe('named versions of the minutes', () => {
  let app: TestApp;
  let meeting: Meeting;
  let cookieOf: (personId: string) => Promise<string>;
  const clients: TestClient[] = [];
  beforeEach(async () => {
    app = await startTestApp();
    meeting = await buildMeeting(app.store.db, { participants: 1 });
    cookieOf = cookies(app);
  });
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.destroy());
    await app.close();
  });

  const versionsPath = () => `/rooms/${meeting.room.id}/minutes/versions`;
  const save = async (name: string) =>
    api<MinutesVersion>(app, await cookieOf(meeting.noteTaker.id), 'POST', versionsPath(), { name });
  const restore = async (personId: string, versionId: string) =>
    api<MinutesVersion & { error?: { code: string } }>(
      app,
      await cookieOf(personId),
      'POST',
      `${versionsPath()}/${versionId}/restore`,
    );

  it('saves a named version, lists it, and restoring it brings every connected editor back to it', async () => {
    const noteTaker = connectClient(
      app.url,
      meeting.room.id,
      'minutes',
      await tokenFor(app.app.context.secret, meeting.noteTaker),
    );
    const chair = connectClient(
      app.url,
      meeting.room.id,
      'minutes',
      await tokenFor(app.app.context.secret, meeting.chairs[0]!),
    );
    clients.push(noteTaker, chair);
    await Promise.all(clients.map((c) => c.synced()));
    appendToMinutes(noteTaker.doc, [
      minutesElement(MinutesNode.Heading, 'Opening', { level: '2' }),
      minutesElement(MinutesNode.Paragraph, 'Both sides welcomed the dialogue.'),
    ]);
    await vi.waitFor(async () =>
      expect(await storedMinutesText(app, meeting.room.id)).toBe(
        'Opening\nBoth sides welcomed the dialogue.',
      ),
    );

    const saved = await save('Draft for co-chairs');
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({
      name: 'Draft for co-chairs',
      author: { personId: meeting.noteTaker.id },
    });
    expect(saved.body.bytes).toBeGreaterThan(0);

    appendToMinutes(chair.doc, [minutesElement(MinutesNode.Paragraph, 'A remark to be withdrawn.')]);
    await vi.waitFor(() => expect(minutesPlainText(noteTaker.doc)).toContain('withdrawn'));
    const listed = await api<MinutesVersion[]>(
      app,
      await cookieOf(meeting.chairs[0]!.id),
      'GET',
      versionsPath(),
    );
    expect(listed.body.map((v) => v.name)).toEqual(['Draft for co-chairs']);

    const restored = await restore(meeting.chairs[0]!.id, saved.body.id);
    expect(restored.status).toBe(200);
    const expected = 'Opening\nBoth sides welcomed the dialogue.';
    for (const client of clients) await vi.waitFor(() => expect(minutesPlainText(client.doc)).toBe(expected));
    expect(await storedMinutesText(app, meeting.room.id)).toBe(expected);

    // History is intact: editing continues on top of the restored content for everyone.
    appendToMinutes(chair.doc, [minutesElement(MinutesNode.Paragraph, 'Added after the restore.')]);
    await vi.waitFor(() =>
      expect(minutesPlainText(noteTaker.doc)).toBe(`${expected}\nAdded after the restore.`),
    );
    const audit = await app.store.db
      .selectFrom('audit_log')
      .select('action')
      .where('room_id', '=', meeting.room.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['minutes.version-save', 'minutes.version-restore']);
  });

  it('is for writers of the minutes only', async () => {
    const saved = await save('v1');
    const participant = await cookieOf(meeting.participants[0]!.id);
    expect((await api(app, participant, 'GET', versionsPath())).status).toBe(403);
    expect((await api(app, participant, 'POST', versionsPath(), { name: 'mine' })).status).toBe(403);
    expect((await restore(meeting.participants[0]!.id, saved.body.id)).status).toBe(403);
    expect((await api(app, null, 'GET', versionsPath())).status).toBe(401);
    expect(
      (await api(app, await cookieOf(meeting.noteTaker.id), 'POST', versionsPath(), { name: '' })).status,
    ).toBe(400);
  });

  it('restores nothing into submitted minutes, nor another room’s version', async () => {
    const saved = await save('v1');
    const other = await buildRoom(app.store.db, meeting.room.eventId);
    const foreign = await api<MinutesVersion>(
      app,
      await cookieOf(meeting.organizer.id),
      'POST',
      `/rooms/${other.id}/minutes/versions`,
      { name: 'other room' },
    );
    expect((await restore(meeting.noteTaker.id, foreign.body.id)).status).toBe(404);

    await api(app, await cookieOf(meeting.noteTaker.id), 'POST', `/rooms/${meeting.room.id}/minutes/submit`);
    const locked = await restore(meeting.noteTaker.id, saved.body.id);
    expect([locked.status, locked.body.error?.code]).toEqual([409, 'minutes_locked']);
  });
});
