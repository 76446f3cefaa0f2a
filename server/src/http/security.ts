import crypto from 'node:crypto';
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { ErrorCode } from '@roundtable/shared';
import type { Config } from '../config.js';
import { errorBody } from './errors.js';

/** `wss://host` for `https://host` (and `ws://` for `http://`): websockets of the same origin. */
const websocketOriginOf = (origin: string): string => origin.replace(/^http/, 'ws');

/** `https://host` for `wss://host`: LiveKit answers HTTP on the websocket's host too. */
const httpOriginOf = (url: string): string => new URL(url.replace(/^ws/, 'http')).origin;

/**
 * The browser-facing origins the client talks to besides its own page: this server's websockets
 * (Socket.IO, Yjs) and LiveKit's signalling and HTTP endpoints, from config.
 */
export function connectSources(config: Config, publicOrigin: string): string[] {
  const sources = new Set<string>(["'self'", websocketOriginOf(publicOrigin)]);
  if (config.LIVEKIT_URL) {
    const livekit = httpOriginOf(config.LIVEKIT_URL);
    sources.add(livekit);
    sources.add(websocketOriginOf(livekit));
  }
  return [...sources];
}

/**
 * Security headers on every response (helmet): a Content-Security-Policy the built client passes
 * (no inline scripts; styles may be inline, the editor and React set `style` attributes), no
 * framing, `nosniff`, and `Referrer-Policy: no-referrer` everywhere, so the tokens of invitation
 * and status links never leave in a Referer header.
 */
export function securityHeaders(config: Config, publicOrigin: () => string): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        fontSrc: ["'self'", 'data:'],
        workerSrc: ["'self'", 'blob:'],
        connectSrc: [(_req, _res) => connectSources(config, publicOrigin()).join(' ')],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Same-origin isolation would break LiveKit's media from another origin; not needed here.
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    // HSTS belongs to whoever terminates TLS (the reverse proxy), not to plain-HTTP test servers.
    strictTransportSecurity: false,
    frameguard: { action: 'deny' },
  });
}

const sameSecret = (a: string, b: string): boolean => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && crypto.timingSafeEqual(left, right);
};

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Who may scrape `/metrics`: with `METRICS_TOKEN`, requests carrying `Authorization: Bearer
 * <token>`; without it, only clients on this machine (the socket's own address, never a
 * forwarded header). Everyone else gets 401 (token set) or 404.
 */
export function metricsGuard(config: Config): RequestHandler {
  return (req, res, next) => {
    const token = config.METRICS_TOKEN;
    if (token) {
      const header = req.headers.authorization ?? '';
      const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
      if (sameSecret(given, token)) return next();
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      res.status(401).json(errorBody(ErrorCode.Unauthenticated, 'A metrics token is required.'));
      return;
    }
    if (LOOPBACK.has(req.socket.remoteAddress ?? '')) return next();
    res.status(404).json(errorBody(ErrorCode.NotFound, 'Not found.'));
  };
}
