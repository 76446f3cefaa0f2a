import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ApproveRegistrationResult,
  OutboxList,
  Registration,
  RegistrationReceipt,
} from '@roundtable/shared';
import { json, startWithPeople, type ApiCall } from '../events/testing.js';
import type { TestApp } from '../test/app.js';
import { buildRoom } from '../test/factories.js';
import { startTestSmtp, type ReceivedMail, type TestSmtp } from '../test/smtp.js';
import { STORE_KINDS } from '../test/stores.js';
import { FAST_MAIL } from './test-support.js';

const twoSittings = {
  registrationOpen: true,
  timeZone: 'Asia/Tokyo',
  sessions: [
    {
      id: 'g2g',
      label: 'Government-to-government',
      startsAt: '2024-02-06T00:00:00.000Z',
      endsAt: '2024-02-06T02:00:00.000Z',
    },
    {
      id: 'stk',
      label: 'Stakeholders',
      startsAt: '2024-02-14T00:00:00.000Z',
      endsAt: '2024-02-14T02:30:00.000Z',
    },
  ],
};

function linksIn(text: string): string[] {
  return [...text.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]);
}

describe.each(STORE_KINDS)('mail through a real SMTP server (%s)', (kind) => {
  let smtp: TestSmtp;
  let testApp: TestApp;
  let call: ApiCall;
  let organizer: string;
  let member: string;
  let eventId: string;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    ({
      testApp,
      call,
      organizer,
      member,
      event: { id: eventId },
    } = await startWithPeople(kind, {
      event: twoSittings,
      config: { ...FAST_MAIL, SMTP_URL: smtp.url },
    }));
  });
  afterAll(async () => {
    await testApp.close();
    await smtp.close();
  });

  const mailTo = async (address: string, count = 1): Promise<ReceivedMail[]> => {
    await expect
      .poll(() => smtp.received.filter((m) => m.rcptTo.includes(address)).length, { timeout: 20_000 })
      .toBeGreaterThanOrEqual(count);
    return smtp.received.filter((m) => m.rcptTo.includes(address));
  };

  const register = async (email: string, language: 'en' | 'ja', name = 'Sato Hiroshi') => {
    const response = await call('POST', `/api/events/${eventId}/registrations`, {
      body: { name, organization: 'METI', email, phone: '+81 3 1234 5678', place: 'online', language },
    });
    expect(response.status).toBe(201);
    const list = json<Registration[]>(
      await call('GET', `/api/events/${eventId}/registrations`, { cookie: organizer }),
    );
    const registration = list.find((r) => r.email === email);
    if (!registration) throw new Error('not stored');
    return { receipt: json<RegistrationReceipt>(response), registration };
  };

  it('confirms a Japanese registration in Japanese, text and HTML, with the personal status link', async () => {
    const { receipt } = await register('sato@meti.example', 'ja', '佐藤 博');
    const [mail] = await mailTo('sato@meti.example');
    const parsed = mail!.parsed;
    expect(parsed.subject).toContain('参加登録を受け付けました');
    expect(parsed.from?.value[0]).toMatchObject({ address: 'secretariat@taskforce.example' });
    expect(parsed.to && 'value' in parsed.to ? parsed.to.value[0] : null).toMatchObject({
      address: 'sato@meti.example',
      name: '佐藤 博',
    });
    expect(parsed.text).toContain('佐藤 博 様');
    expect(parsed.text).toContain('今後の流れ');
    expect(parsed.html).toContain('lang="ja"');
    expect(parsed.html).toContain(`href="${receipt.statusUrl}"`);
    expect(linksIn(parsed.text ?? '')).toContain(receipt.statusUrl);
  });

  it('sends the approved person an English invitation whose link signs them in and whose .ics holds both sittings', async () => {
    const { registration } = await register('mastman@ustr.example', 'en', 'Katy Mastman');
    const approved = await call('POST', `/api/registrations/${registration.id}/approve`, {
      cookie: organizer,
      body: {},
    });
    expect(approved.status).toBe(200);
    const { invitation } = json<ApproveRegistrationResult>(approved);
    const mails = await mailTo('mastman@ustr.example', 2);
    const mail = mails.find((m) => m.parsed.subject?.startsWith('You are invited'));
    if (!mail) throw new Error('no invitation mail');
    const { parsed } = mail;
    expect(parsed.text).toContain('Dear Katy Mastman,');
    expect(parsed.text).toContain('Government-to-government: 6 Feb 2024, 09:00 – 11:00');
    const link = linksIn(parsed.text ?? '').find((l) => l.includes('/invite?token='));
    expect(link).toBe(invitation.url);
    // The link works when opened: its token signs the person in.
    const token = new URL(link!).searchParams.get('token');
    const redeemed = await call('POST', '/api/invitations/redeem', { body: { token } });
    expect(redeemed.status).toBe(200);
    expect(redeemed.headers.get('set-cookie')).toContain('rt_session=');

    const ics = parsed.attachments.find((a) => a.filename === 'invitation.ics');
    if (!ics) throw new Error('no .ics attachment');
    expect(ics.contentType).toBe('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(ics.content.toString('utf8')) as unknown[]);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual(
      twoSittings.sessions.map((s) => s.startsAt),
    );
    expect(events.map((e) => e.endDate.toJSDate().toISOString())).toEqual(
      twoSittings.sessions.map((s) => s.endsAt),
    );
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Asia/Tokyo');
    const attendee = events[0]!.component.getFirstPropertyValue('attendee');
    expect(String(attendee).toLowerCase()).toBe('mailto:mastman@ustr.example');
    expect(String(events[0]!.component.getFirstPropertyValue('organizer')).toLowerCase()).toBe(
      'mailto:secretariat@taskforce.example',
    );
  });

  it('tells a declined registrant in their language', async () => {
    const { registration } = await register('declined@example.org', 'ja', '山田 花子');
    expect(
      (await call('POST', `/api/registrations/${registration.id}/decline`, { cookie: organizer })).status,
    ).toBe(200);
    const mails = await mailTo('declined@example.org', 2);
    const declined = mails.find((m) => m.parsed.subject?.startsWith('参加登録について'));
    expect(declined?.parsed.text).toContain('今回はご参加いただけません');
  });

  it('writes no invitation mail when the approval is refused, and one when it goes through', async () => {
    const { registration } = await register('rollback@example.org', 'en');
    const room = await buildRoom(testApp.store.db, eventId);
    // The second role names a room of no event: the whole approval rolls back, its mail with it.
    const refused = await call('POST', `/api/registrations/${registration.id}/approve`, {
      cookie: organizer,
      body: {
        roles: [
          { roomId: room.id, role: 'participant' },
          { roomId: 'no-such-room', role: 'participant' },
        ],
      },
    });
    expect(refused.status).toBe(400);
    const outbox = async () =>
      json<OutboxList>(
        await call('GET', `/api/events/${eventId}/outbox`, { cookie: organizer }),
      ).messages.filter((m) => m.to === 'rollback@example.org');
    expect((await outbox()).map((m) => m.kind)).toEqual(['registration_received']);
    const approved = await call('POST', `/api/registrations/${registration.id}/approve`, {
      cookie: organizer,
      body: {},
    });
    expect(approved.status).toBe(200);
    expect((await outbox()).map((m) => m.kind).sort()).toEqual([
      'registration_approved',
      'registration_received',
    ]);
  });

  it('records every delivery with the SMTP answer in the outbox and in /readyz detail', async () => {
    await expect
      .poll(
        async () =>
          json<OutboxList>(
            await call('GET', `/api/events/${eventId}/outbox`, { cookie: organizer }),
          ).messages.every((m) => m.status === 'delivered'),
        { timeout: 20_000 },
      )
      .toBe(true);
    const { messages, smtpConfigured } = json<OutboxList>(
      await call('GET', `/api/events/${eventId}/outbox`, { cookie: organizer }),
    );
    expect(smtpConfigured).toBe(true);
    expect(messages.length).toBeGreaterThanOrEqual(6);
    for (const m of messages) expect(m.smtpResponse).toMatch(/^250 .*Ok: queued as m\d+/);
    const ready = (await call('GET', '/readyz')).body as {
      detail: { mail: { outbox: Record<string, number> } };
    };
    expect(ready.detail.mail.outbox.delivered).toBe(messages.length);
    await smtp.waitForCount(messages.length);
    expect(smtp.received).toHaveLength(messages.length);
  });

  it('keeps the outbox to organizers', async () => {
    expect((await call('GET', `/api/events/${eventId}/outbox`, { cookie: member })).status).toBe(403);
    expect((await call('GET', `/api/events/${eventId}/outbox`)).status).toBe(401);
  });
});
