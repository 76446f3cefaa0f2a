import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, Registration, RegistrationReceipt, RegistrationStatusView } from '@roundtable/shared';
import { json, startWithPeople, type ApiCall } from '../events/testing.js';
import type { TestApp } from '../test/app.js';
import { STORE_KINDS } from '../test/stores.js';

describe.each(STORE_KINDS)("a registrant's own status link (%s)", (kind) => {
  let testApp: TestApp;
  let call: ApiCall;
  let organizer: string;
  let eventId: string;
  let count = 0;

  beforeAll(async () => {
    ({
      testApp,
      call,
      organizer,
      event: { id: eventId },
    } = await startWithPeople(kind, {
      event: { registrationOpen: true },
      config: { REGISTRATION_RATE_LIMIT: '1000' },
    }));
  });
  afterAll(() => testApp.close());

  /** Registers and returns the token of the personal status link. */
  const register = async (): Promise<{ token: string; email: string }> => {
    count += 1;
    const email = `status${count}@example.org`;
    const response = await call('POST', `/api/events/${eventId}/registrations`, {
      body: {
        name: 'Tanaka Aiko',
        organization: 'NGO',
        email,
        phone: '+81 6 1111 2222',
        place: 'osaka',
        language: 'ja',
      },
    });
    const { statusUrl } = json<RegistrationReceipt>(response);
    return { token: new URL(statusUrl).searchParams.get('token') ?? '', email };
  };
  const status = (token: string) => call('GET', `/api/registration-status/${token}`);
  const registrationOf = async (email: string) =>
    json<Registration[]>(
      await call('GET', `/api/events/${eventId}/registrations`, { cookie: organizer }),
    ).find((r) => r.email === email);

  it('shows pending, then approved, then refuses corrections once decided', async () => {
    const { token, email } = await register();
    const pending = json<RegistrationStatusView>(await status(token));
    expect(pending).toMatchObject({
      eventId,
      status: 'pending',
      name: 'Tanaka Aiko',
      place: 'osaka',
      language: 'ja',
    });
    const registration = await registrationOf(email);
    await call('POST', `/api/registrations/${registration!.id}/approve`, { cookie: organizer, body: {} });
    expect(json<RegistrationStatusView>(await status(token)).status).toBe('approved');
    const late = await call('PATCH', `/api/registration-status/${token}`, {
      body: { phone: '+81 6 9999 0000' },
    });
    expect(late.status).toBe(409);
    expect((await call('DELETE', `/api/registration-status/${token}`)).status).toBe(409);
  });

  it('lets a pending registrant correct their details, and checks the place', async () => {
    const { token, email } = await register();
    const corrected = await call('PATCH', `/api/registration-status/${token}`, {
      body: { organization: 'Human Rights NGO', place: 'tokyo' },
    });
    expect(corrected.status).toBe(200);
    expect(json<RegistrationStatusView>(corrected)).toMatchObject({
      organization: 'Human Rights NGO',
      place: 'tokyo',
    });
    expect(await registrationOf(email)).toMatchObject({ organization: 'Human Rights NGO', place: 'tokyo' });
    const bad = await call('PATCH', `/api/registration-status/${token}`, { body: { place: 'nagoya' } });
    expect(bad.status).toBe(400);
    expect(json<ApiError>(bad).error.details).toEqual([expect.objectContaining({ path: 'place' })]);
  });

  it('lets a pending registrant withdraw, after which the link leads nowhere and the email may register again', async () => {
    const { token, email } = await register();
    expect((await call('DELETE', `/api/registration-status/${token}`)).status).toBe(204);
    expect(await registrationOf(email)).toBeUndefined();
    expect((await status(token)).status).toBe(404);
    const again = await call('POST', `/api/events/${eventId}/registrations`, {
      body: { name: 'Tanaka Aiko', organization: 'NGO', email, phone: '+81 6 1111 2222', place: 'osaka' },
    });
    expect(again.status).toBe(201);
  });

  it('answers 404 for a link that matches no registration', async () => {
    expect((await status('x'.repeat(43))).status).toBe(404);
  });
});
