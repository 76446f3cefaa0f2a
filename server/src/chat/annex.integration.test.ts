import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, cookies } from '../minutes/test-support.js';
import { seedTaskForce, type TaskForce } from '../reports/test-support.js';
import { startTestApp, type TestApp } from '../test/app.js';
import { insertMessage, markDeleted } from './messages.js';

let app: TestApp;
let force: TaskForce;

beforeAll(async () => {
  app = await startTestApp();
  force = await seedTaskForce(app, { visibility: 'public' });
  const message = (channel: 'everyone' | 'chairs', text: string, at: number) =>
    insertMessage(app.store.db, {
      roomId: force.govRoom.id,
      channel,
      authorId: force.delegate.id,
      authorName: force.delegate.name,
      toPersonId: null,
      text,
      sentAt: Date.parse('2026-03-01T01:00:00Z') + at,
    });
  await message('everyone', 'The guidelines are at https://example.org/g', 0);
  await message('chairs', 'A private note to the chairs', 1000);
  const deleted = await message('everyone', 'A message the co-chairs deleted', 2000);
  await markDeleted(app.store.db, force.govRoom.id, deleted.id, force.organizer.id, Date.now());
});

afterAll(() => app.close());

describe('the public chat as an annex of the report', () => {
  it('is left out until the organizers include it, then holds the public messages only', async () => {
    const report = () => api<string>(app, null, 'GET', `/events/${force.event.id}/report.md`);
    expect((await report()).body).not.toContain('Annex: public chat');
    const path = `/events/${force.event.id}/chat-settings`;
    const delegate = await cookies(app)(force.delegate.id);
    expect((await api(app, delegate, 'PUT', path, { publicChatInReport: true })).status).toBe(403);
    const organizer = await cookies(app)(force.organizer.id);
    expect((await api(app, organizer, 'PUT', path, { publicChatInReport: 'yes' })).status).toBe(400);
    expect((await api(app, organizer, 'PUT', path, { publicChatInReport: true })).status).toBe(200);
    expect((await api(app, organizer, 'GET', path)).body).toEqual({ publicChatInReport: true });
    const text = (await report()).body;
    expect(text).toContain('Annex: public chat');
    expect(text).toContain('The guidelines are at https://example.org/g');
    expect(text).not.toContain('A private note to the chairs');
    expect(text).not.toContain('A message the co-chairs deleted');
    const audit = await app.store.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'chat.report-setting')
      .execute();
    expect(audit).toHaveLength(1);
  });
});
