import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxList } from '@roundtable/shared';
import { apiClient, json, type ApiCall } from '../events/testing.js';
import { startTestApp, type TestApp } from '../test/app.js';
import { buildEvent, buildMember, buildOrganizer, buildPerson, sessionCookieFor } from '../test/factories.js';
import { startTestSmtp, type TestSmtp } from '../test/smtp.js';
import type { StoreOptions } from '../store/db.js';
import { freshStoreOptions, STORE_KINDS, type StoreKind } from '../test/stores.js';
import { sweepReminders } from './reminders.js';
import { FAST_MAIL } from './test-support.js';

/*
 * Delivery under trouble: the SMTP server killed mid-send, down for a while, refusing for good,
 * and two instances draining one outbox. "Exactly once" is checked on what the SMTP server
 * accepted, by recipient and by Message-ID (one per outbox row).
 */

let cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

interface Setup {
  storeOptions: StoreOptions;
  apps: TestApp[];
  call: ApiCall;
  organizer: string;
  eventId: string;
}

async function setup(kind: StoreKind, smtpUrl: string, instances = 1): Promise<Setup> {
  const storeOptions = await freshStoreOptions(kind);
  const apps: TestApp[] = [];
  for (let i = 0; i < instances; i++) {
    const app = await startTestApp({ storeOptions, config: { ...FAST_MAIL, SMTP_URL: smtpUrl } });
    apps.push(app);
    cleanups.push(() => app.close());
  }
  const { db } = apps[0]!.store;
  const event = await buildEvent(db, { registrationOpen: true });
  const organizer = await sessionCookieFor(db, (await buildOrganizer(db)).id);
  return { storeOptions, apps, call: apiClient(apps[0]!.url), organizer, eventId: event.id };
}

async function registerMany(s: Setup, count: number, prefix: string): Promise<string[]> {
  const emails = Array.from({ length: count }, (_, i) => `${prefix}${i}@example.org`);
  for (const [i, email] of emails.entries()) {
    // Alternate instances so both write into the one outbox.
    const call = apiClient(s.apps[i % s.apps.length]!.url);
    const response = await call('POST', `/api/events/${s.eventId}/registrations`, {
      body: { name: `Person ${i}`, organization: 'Org', email, phone: '+81 3 0000 0000', place: 'online' },
    });
    expect(response.status).toBe(201);
  }
  return emails;
}

async function outbox(s: Setup): Promise<OutboxList['messages']> {
  return json<OutboxList>(await s.call('GET', `/api/events/${s.eventId}/outbox`, { cookie: s.organizer }))
    .messages;
}

function expectEachOnce(smtp: TestSmtp, emails: string[]): void {
  const recipients = smtp.received.flatMap((m) => m.rcptTo).sort();
  expect(recipients).toEqual([...emails].sort());
  const ids = smtp.received.map((m) => m.parsed.messageId);
  expect(new Set(ids).size).toBe(ids.length);
}

async function startSmtp(options: { stallAfter?: number } = {}): Promise<TestSmtp> {
  const smtp = await startTestSmtp(options);
  cleanups.push(() => smtp.close());
  return smtp;
}

describe('outbox delivery', () => {
  it('delivers every message exactly once after the SMTP server is killed mid-send and restarted', async () => {
    const smtp = await startSmtp({ stallAfter: 2 });
    const s = await setup('sqlite', smtp.url);
    const emails = await registerMany(s, 6, 'killed');
    await smtp.stalled(); // the third message is in the middle of its DATA
    await smtp.kill();
    await expect
      .poll(async () => (await outbox(s)).filter((m) => m.lastError !== null).length, { timeout: 20_000 })
      .toBeGreaterThan(0);
    await smtp.restart();
    await expect
      .poll(async () => (await outbox(s)).every((m) => m.status === 'delivered'), { timeout: 30_000 })
      .toBe(true);
    await smtp.waitForCount(emails.length);
    expectEachOnce(smtp, emails);
    const retried = (await outbox(s)).filter((m) => m.attempts > 1);
    expect(retried.length).toBeGreaterThan(0);
  });

  it('keeps messages while SMTP is down, shows the failure in /readyz and metrics, and sends them when it returns', async () => {
    const smtp = await startSmtp();
    await smtp.kill();
    const s = await setup('sqlite', smtp.url);
    const emails = await registerMany(s, 3, 'waiting');
    await expect
      .poll(async () => (await outbox(s)).every((m) => m.status === 'pending' && m.attempts >= 2), {
        timeout: 20_000,
      })
      .toBe(true);
    const ready = await s.call('GET', '/readyz');
    // Mail trouble is reported, not a reason to take the instance out of the load balancer.
    expect(ready.status).toBe(200);
    const detail = (
      ready.body as {
        detail: {
          mail: { outbox: { pending: number; sending: number }; recentFailures: { error: string }[] };
        };
      }
    ).detail.mail;
    expect(detail.outbox.pending + detail.outbox.sending).toBe(3);
    expect(detail.recentFailures[0]?.error).toMatch(/ECONNREFUSED|connect/i);
    const metrics = (await s.call('GET', '/metrics')).body as string;
    expect(metrics).toMatch(/roundtable_mail_attempts_total\{result="retry"\} [1-9]/);
    // One may be mid-attempt (`sending`) at the moment of the scrape; none is delivered.
    expect(metrics).toMatch(/roundtable_mail_outbox_messages\{status="pending"\} [23]\n/);
    expect(metrics).toContain('roundtable_mail_outbox_messages{status="delivered"} 0');
    await smtp.restart();
    await smtp.waitForCount(3);
    await expect
      .poll(async () => (await outbox(s)).every((m) => m.status === 'delivered' && m.lastError === null), {
        timeout: 20_000,
      })
      .toBe(true);
    expectEachOnce(smtp, emails);
  });

  it('marks a message the server refuses for good as failed, with its answer, without retrying', async () => {
    const smtp = await startSmtp();
    const s = await setup('sqlite', smtp.url);
    await registerMany(s, 1, 'reject');
    await expect.poll(async () => (await outbox(s))[0]?.status, { timeout: 20_000 }).toBe('failed');
    const [message] = await outbox(s);
    expect(message).toMatchObject({ attempts: 1, smtpResponse: expect.stringMatching(/^550 /) as unknown });
    const metrics = (await s.call('GET', '/metrics')).body as string;
    expect(metrics).toContain('roundtable_mail_attempts_total{result="failed"} 1');
    expect(smtp.received).toHaveLength(0);
  });

  describe.each(STORE_KINDS)('two instances over one store (%s)', (kind) => {
    it('remind each member once per session, in their language, across restarts', async () => {
      const smtp = await startSmtp();
      const s = await setup(kind, smtp.url, 2);
      const { db } = s.apps[0]!.store;
      const soon = Date.now() + 30 * 60_000;
      const event = await buildEvent(db, {
        title: 'Stakeholder dialogue',
        sessions: [
          {
            id: 'stk',
            label: 'Stakeholders',
            startsAt: new Date(soon).toISOString(),
            endsAt: new Date(soon + 3_600_000).toISOString(),
          },
          // A day and a half away: no reminder is due for it yet.
          {
            id: 'later',
            label: 'Later',
            startsAt: new Date(soon + 36 * 3_600_000).toISOString(),
            endsAt: new Date(soon + 37 * 3_600_000).toISOString(),
          },
        ],
      });
      const ja = await buildPerson(db, { name: '柏原 京子' });
      const en = await buildPerson(db, { name: 'Katy Mastman' });
      await db.updateTable('people').set({ language: 'ja' }).where('id', '=', ja.id).execute();
      for (const p of [ja, en]) await buildMember(db, event.id, p.id);
      await smtp.waitForCount(2);
      // A restarted instance sweeps again: the dedupe key keeps it from writing a second reminder.
      await s.apps[1]!.close();
      const again = await startTestApp({
        storeOptions: s.storeOptions,
        config: { ...FAST_MAIL, SMTP_URL: smtp.url },
      });
      cleanups.push(() => again.close());
      const rows = () =>
        db
          .selectFrom('outbox')
          .select(['to_address', 'subject', 'status'])
          .where('event_id', '=', event.id)
          .execute();
      await expect
        .poll(async () => (await rows()).every((r) => r.status === 'delivered'), { timeout: 20_000 })
        .toBe(true);
      // One more sweep, as a third instance would run it, finds nothing new to write.
      const ctx = { origin: s.apps[0]!.url, from: FAST_MAIL.MAIL_FROM, nowMs: Date.now() };
      expect(await sweepReminders(db, ctx, [1440, 60])).toBe(0);
      const written = await rows();
      expect(written.map((r) => r.to_address).sort()).toEqual([ja.email, en.email].sort());
      expect(smtp.received.map((m) => m.rcptTo[0]).sort()).toEqual([ja.email, en.email].sort());
      const subjectTo = (email: string | null) =>
        smtp.received.find((m) => m.rcptTo[0] === email)?.parsed.subject;
      expect(subjectTo(ja.email)).toBe('1時間後に開始：Stakeholder dialogue「Stakeholders」');
      expect(subjectTo(en.email)).toBe('In 1 hour: Stakeholder dialogue — Stakeholders');
    });

    it('send each of many messages once', async () => {
      const smtp = await startSmtp();
      const s = await setup(kind, smtp.url, 2);
      const emails = await registerMany(s, 24, `twice-${kind}-`);
      await expect
        .poll(async () => (await outbox(s)).filter((m) => m.status === 'delivered').length, {
          timeout: 30_000,
        })
        .toBe(emails.length);
      await smtp.waitForCount(emails.length);
      expectEachOnce(smtp, emails);
      expect((await outbox(s)).every((m) => m.attempts === 1)).toBe(true);
    });
  });
});
