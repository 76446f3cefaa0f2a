import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.js';
import { buildOrganizerWithPassword } from '../test/factories.js';
import { uniqueRedisPrefix } from '../test/stores.js';
import { LOGIN_ATTEMPTS } from './rate-limit.js';
import { call } from './test-http.js';

// Every failed attempt runs a real argon2 verification (~0.2 s idle, seconds on a loaded machine).
describe('sign-in rate limit', { timeout: 180_000 }, () => {
  const apps: TestApp[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.close()));
  });

  const login = (t: TestApp, email: string, password: string) =>
    call(t, 'POST', '/api/auth/login', { body: { email, password } });

  it('refuses an email with 429 after too many failures from one address, even with the right password', async () => {
    const t = await startTestApp();
    apps.push(t);
    const { person, password } = await buildOrganizerWithPassword(t.store.db);
    const email = person.email ?? '';
    for (let i = 0; i < LOGIN_ATTEMPTS - 1; i++)
      expect((await login(t, email, 'wrong password')).status).toBe(401);
    // A success in between does not use up the budget.
    expect((await login(t, email, password)).status).toBe(200);
    expect((await login(t, email, 'wrong password')).status).toBe(401);

    const limited = await login(t, email, password);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: { code: 'rate_limited' } });
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(limited.sessionCookie).toBeNull();
    // The budget is per email: another account from the same address is still answered.
    expect((await login(t, 'someone.else@example.org', 'wrong password')).status).toBe(401);
  });

  it('instances sharing Redis share one budget, so a load balancer does not multiply the attempts', async () => {
    const redisPrefix = uniqueRedisPrefix();
    const a = await startTestApp({ redisPrefix });
    apps.push(a);
    const b = await startTestApp({ redisPrefix });
    apps.push(b);
    const email = 'target@example.org';
    for (let i = 0; i < LOGIN_ATTEMPTS; i++) {
      expect((await login(i % 2 === 0 ? a : b, email, 'wrong password')).status).toBe(401);
    }
    expect((await login(a, email, 'wrong password')).status).toBe(429);
    expect((await login(b, email, 'wrong password')).status).toBe(429);
  });
});
