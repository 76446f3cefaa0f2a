import { describe, expect, it } from 'vitest';
import type { ApiError } from '@roundtable/shared';
import { apiClient, json } from '../events/testing.js';
import { startTestApp } from '../test/app.js';
import { buildEvent } from '../test/factories.js';
import { STORE_KINDS, uniqueRedisPrefix } from '../test/stores.js';

const form = {
  name: 'Hiroshi Sato',
  organization: 'Sato Manufacturing',
  phone: '+81 3 1234 5678',
  place: 'tokyo',
};

describe.each(STORE_KINDS)('registration rate limit (%s)', (kind) => {
  it('answers 429 rate_limited once an address has used up its registrations', async () => {
    const testApp = await startTestApp({ store: kind, config: { REGISTRATION_RATE_LIMIT: '2' } });
    try {
      const call = apiClient(testApp.url);
      const event = await buildEvent(testApp.store.db, { registrationOpen: true });
      const path = `/api/events/${event.id}/registrations`;
      expect((await call('POST', path, { body: { ...form, email: 'a@example.org' } })).status).toBe(201);
      expect((await call('POST', path, { body: { ...form, email: 'b@example.org' } })).status).toBe(201);
      const limited = await call('POST', path, { body: { ...form, email: 'c@example.org' } });
      expect(limited.status).toBe(429);
      expect(json<ApiError>(limited).error.code).toBe('rate_limited');
      expect(limited.headers.get('ratelimit-policy')).toContain('q=2');
    } finally {
      await testApp.close();
    }
  });
});

describe('registration rate limit across instances', () => {
  it('shares one budget between two instances through Redis', async () => {
    const sharedPrefix = uniqueRedisPrefix();
    const [first, second] = await Promise.all(
      [0, 1].map(() => startTestApp({ redisPrefix: sharedPrefix, config: { REGISTRATION_RATE_LIMIT: '2' } })),
    );
    if (!first || !second) throw new Error('instances did not start');
    try {
      const paths = await Promise.all(
        [first, second].map(
          async (app) =>
            `/api/events/${(await buildEvent(app.store.db, { registrationOpen: true })).id}/registrations`,
        ),
      );
      const [a, b] = [apiClient(first.url), apiClient(second.url)];
      expect((await a('POST', paths[0] ?? '', { body: { ...form, email: 'a@example.org' } })).status).toBe(
        201,
      );
      expect((await b('POST', paths[1] ?? '', { body: { ...form, email: 'b@example.org' } })).status).toBe(
        201,
      );
      expect((await a('POST', paths[0] ?? '', { body: { ...form, email: 'c@example.org' } })).status).toBe(
        429,
      );
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});
