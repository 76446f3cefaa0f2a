import type { Request, Response } from 'express';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigSchema } from '../config.js';
import { startTestApp, type TestApp } from '../test/app.js';
import { metricsGuard } from './security.js';

const apps: TestApp[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});
const start = async (config: Parameters<typeof startTestApp>[0] = {}) => {
  const app = await startTestApp(config);
  apps.push(app);
  return app;
};

describe('security headers', () => {
  it('forbid framing, sniffing, referrers and inline scripts, and allow the configured LiveKit', async () => {
    const app = await start({ config: { LIVEKIT_URL: 'wss://media.example.org' } });
    for (const path of ['/healthz', '/api/me', '/invitation/some-token']) {
      const response = await fetch(`${app.url}${path}`);
      await response.body?.cancel();
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("object-src 'none'");
      const connect = /connect-src ([^;]*)/.exec(csp)?.[1]?.split(' ') ?? [];
      expect(connect).toEqual(
        expect.arrayContaining(["'self'", 'https://media.example.org', 'wss://media.example.org']),
      );
      expect(connect).toContain(app.app.context.publicOrigin().replace(/^http/, 'ws'));
    }
  });
});

describe('the metrics endpoint', () => {
  it('answers only with the bearer token when METRICS_TOKEN is set', async () => {
    const app = await start({ config: { METRICS_TOKEN: 'metrics-token-of-some-length' } });
    const scrape = async (authorization?: string) => {
      const response = await fetch(`${app.url}/metrics`, {
        headers: authorization ? { authorization } : {},
      });
      return { status: response.status, body: await response.text() };
    };
    expect((await scrape()).status).toBe(401);
    expect((await scrape('Bearer wrong-token-wrong-token!!')).status).toBe(401);
    expect((await scrape('metrics-token-of-some-length')).status).toBe(401);
    const ok = await scrape('Bearer metrics-token-of-some-length');
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('roundtable_');
  });

  it('without a token, answers this machine only', async () => {
    const app = await start();
    const response = await fetch(`${app.url}/metrics`);
    expect(response.status).toBe(200);
    await response.body?.cancel();

    const guard = metricsGuard(ConfigSchema.parse({ NODE_ENV: 'test' }));
    const status = vi.fn();
    const res = { status: status.mockReturnValue({ json: vi.fn() }), setHeader: vi.fn() };
    const next = vi.fn();
    const remote = { headers: {}, socket: { remoteAddress: '203.0.113.7' } };
    guard(remote as unknown as Request, res as unknown as Response, next);
    expect(next).not.toHaveBeenCalled();
    expect(status).toHaveBeenCalledWith(404);
    // A forwarded header never makes a remote client local.
    const forwarded = {
      headers: { 'x-forwarded-for': '127.0.0.1' },
      socket: { remoteAddress: '203.0.113.7' },
    };
    guard(forwarded as unknown as Request, res as unknown as Response, next);
    expect(next).not.toHaveBeenCalled();
  });
});
