import express, { type Request, type Response, type Router } from 'express';
import {
  ErrorCode,
  LIVEKIT_WEBHOOK_CONTENT_TYPE,
  LIVEKIT_WEBHOOK_PATH,
  type WebhookAck,
} from '@roundtable/shared';
import type { WebhookEvent } from 'livekit-server-sdk';
import { HttpError } from '../http/errors.js';
import type { Logger } from '../logger.js';
import type { EventOnce } from './event-once.js';
import type { LiveKit } from './livekit.js';

/** LiveKit's webhook bodies are a few kilobytes; anything much larger is not LiveKit. */
const MAX_WEBHOOK_BYTES = 256 * 1024;

/** A JWT in compact form and nothing else: LiveKit sends the bare token, no scheme. */
const BARE_JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export interface WebhookDeps {
  liveKit: LiveKit | null;
  once: EventOnce;
  logger: Logger;
  /** Applies one verified, first-seen event. A rejection makes LiveKit deliver it again. */
  apply(event: WebhookEvent): Promise<void>;
}

/**
 * `POST /api/livekit/webhook`. The body is read raw because its SHA-256 is what LiveKit signed:
 * the `/api` JSON parser skips it (it only parses `application/json`), and re-serialized JSON
 * would not hash the same.
 */
export function webhookRouter(deps: WebhookDeps): Router {
  const router = express.Router();
  router.post(
    LIVEKIT_WEBHOOK_PATH.replace(/^\/api/, ''),
    express.raw({ type: LIVEKIT_WEBHOOK_CONTENT_TYPE, limit: MAX_WEBHOOK_BYTES }),
    async (req: Request, res: Response) => {
      res.json(await receiveWebhook(deps, req));
    },
  );
  return router;
}

async function receiveWebhook(deps: WebhookDeps, req: Request): Promise<WebhookAck> {
  const { liveKit, once } = deps;
  if (!liveKit) throw new HttpError(404, ErrorCode.NotFound, 'Audio/video is not configured.');
  if (!req.is(LIVEKIT_WEBHOOK_CONTENT_TYPE) || !Buffer.isBuffer(req.body)) {
    throw new HttpError(415, 'unsupported_media_type', `Expected ${LIVEKIT_WEBHOOK_CONTENT_TYPE}.`);
  }
  const authorization = req.get('authorization') ?? '';
  // The SDK would also fail on "Bearer …", by accident of JWT parsing; refuse it by rule.
  if (!BARE_JWT.test(authorization)) {
    throw HttpError.unauthenticated('Expected the bare signed token LiveKit sends.');
  }
  let event: WebhookEvent;
  try {
    event = await liveKit.webhooks.receive(req.body.toString('utf8'), authorization);
  } catch (err) {
    deps.logger.warn({ err }, 'refused a webhook with a bad signature');
    throw HttpError.unauthenticated('The webhook signature does not match.');
  }
  if (!event.id) throw HttpError.badRequest('The webhook event has no id.');
  if (!(await once.claim(event.id))) return { received: true, duplicate: true };
  try {
    await deps.apply(event);
  } catch (err) {
    await once.release(event.id);
    throw err;
  }
  return { received: true, duplicate: false };
}
