import type { Router } from 'express';
import { MemoryStore, rateLimit, type RateLimitRequestHandler } from 'express-rate-limit';
import crypto from 'node:crypto';
import {
  ErrorCode,
  RegisterBodySchema,
  RegistrationReceiptSchema,
  registrationStatusUrl,
} from '@roundtable/shared';
import { RedisRateLimitStore } from '../auth/rate-limit.js';
import { hashToken, randomToken } from '../auth/sessions.js';
import { EventParams } from '../events/params.js';
import { normalizeEmail } from '../events/rows.js';
import { isUniqueViolation, requireEvent } from '../events/store.js';
import { isPlaceOf, throwIfIssues } from '../events/views.js';
import { errorBody, HttpError } from '../http/errors.js';
import { defineRoute, mountRoute } from '../http/route.js';
import { queueRegistrationReceived } from '../mail/compose.js';
import type { ModuleContext } from '../module.js';

const duplicateMessage = 'This email is already registered for this event.';

/** The public registration form's endpoint, declared once for validation and OpenAPI. */
export const RegisterRoute = defineRoute({
  method: 'post',
  path: '/events/:eventId/registrations',
  summary: 'Register for an event (public form: name, organization, email, phone, place)',
  description:
    'Anyone may call while registration is open. `place` is a venue id of the event or `online`. ' +
    '`website` is a honeypot: when it is filled in, the answer is the same 201 receipt but nothing ' +
    'is stored. The answer carries the personal status link that the confirmation mail carries too. ' +
    'Limited per IP address (`REGISTRATION_RATE_LIMIT` per ' +
    '`REGISTRATION_RATE_WINDOW_SECONDS`).',
  tags: ['registration'],
  access: 'public',
  params: EventParams,
  body: RegisterBodySchema,
  response: RegistrationReceiptSchema,
  status: 201,
  errors: {
    400: 'Invalid fields, or a place that is not a venue of the event nor `online`.',
    403: '`registration_closed`: the event does not take registrations now.',
    404: 'No such event.',
    409: '`duplicate_registration`: this email is registered for this event already.',
    413: 'Body too large.',
    429: '`rate_limited`: too many registrations from this address.',
  },
});

/** Per-IP limit on public registrations; shared by every instance when Redis is configured. */
export function createRegistrationLimiter(context: ModuleContext): {
  middleware: RateLimitRequestHandler;
  close(): void;
} {
  const store = context.redis
    ? new RedisRateLimitStore(context.redis, 'rl:register:', context.logger)
    : new MemoryStore();
  const middleware = rateLimit({
    windowMs: context.config.REGISTRATION_RATE_WINDOW_SECONDS * 1000,
    limit: context.config.REGISTRATION_RATE_LIMIT,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store,
    handler: (_req, res) => {
      res
        .status(429)
        .json(errorBody(ErrorCode.RateLimited, 'Too many registrations from this address. Try again later.'));
    },
  });
  return {
    middleware,
    close: () => {
      if (store instanceof MemoryStore) store.shutdown();
    },
  };
}

export function mountRegisterRoute(
  router: Router,
  context: ModuleContext,
  limiter: RateLimitRequestHandler,
): void {
  const { db } = context.store;

  mountRoute(
    router,
    RegisterRoute,
    async ({ params, body }) => {
      // The token exists only in this answer and the confirmation mail; the store keeps its hash.
      const statusToken = randomToken();
      const statusUrl = registrationStatusUrl(context.publicOrigin(), statusToken);
      const receipt = { eventId: params.eventId, status: 'pending' as const, statusUrl };
      if (body.website) {
        // Bots fill every field; people never see this one. Answer like a success so the bot
        // learns nothing, and keep the spam out of the organizers' list.
        context.logger.info({ eventId: params.eventId }, 'registration honeypot filled; dropped');
        return receipt;
      }
      const event = await requireEvent(db, params.eventId);
      if (!event.registrationOpen) {
        throw new HttpError(403, ErrorCode.RegistrationClosed, 'Registration for this event is closed.');
      }
      if (!isPlaceOf(event, body.place)) {
        throwIfIssues([{ path: 'place', message: 'Not a venue of this event, nor "online".' }]);
      }
      const email = normalizeEmail(body.email);
      const existing = await db
        .selectFrom('registrations')
        .select('id')
        .where('event_id', '=', event.id)
        .where((eb) => eb(eb.fn('lower', ['email']), '=', email))
        .executeTakeFirst();
      if (existing) throw HttpError.conflict(duplicateMessage, ErrorCode.DuplicateRegistration);
      const nowMs = context.clock.now();
      const id = crypto.randomUUID();
      try {
        // The registration and its confirmation mail commit together.
        await context.store.transaction(async (tx) => {
          await tx
            .insertInto('registrations')
            .values({
              id,
              event_id: event.id,
              name: body.name,
              organization: body.organization,
              email,
              phone: body.phone,
              place: body.place,
              status: 'pending',
              person_id: null,
              created_at: new Date(nowMs).toISOString(),
              decided_at: null,
              decided_by: null,
              language: body.language,
              status_token_hash: hashToken(statusToken),
            })
            .execute();
          await queueRegistrationReceived(
            tx,
            { origin: context.publicOrigin(), from: context.config.MAIL_FROM, nowMs },
            {
              event,
              registrationId: id,
              to: { personId: null, email, name: body.name, language: body.language },
              statusUrl,
            },
          );
        });
      } catch (err) {
        // Two identical submissions at once: the (event, email) unique index lets one through.
        if (isUniqueViolation(err))
          throw HttpError.conflict(duplicateMessage, ErrorCode.DuplicateRegistration);
        throw err;
      }
      return receipt;
    },
    limiter,
  );
}
