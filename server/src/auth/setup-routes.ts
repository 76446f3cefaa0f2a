import type { Router } from 'express';
import { AuthErrorCode, MeSchema, SetupBodySchema, SetupStatusSchema } from '@roundtable/shared';
import { completeSetup } from '../bootstrap/setup.js';
import { HttpError } from '../http/errors.js';
import { defineRoute, mountRoute } from '../http/route.js';
import type { ModuleContext } from '../module.js';
import { organizerExists } from './people.js';
import { signInAndLoadMe } from './routes.js';

const tags = ['setup'];

/** First-run endpoints, declared once for validation and OpenAPI. */
export const SetupRoutes = {
  status: defineRoute({
    method: 'get',
    path: '/setup',
    summary: 'Whether first-run setup is needed (no organizer exists yet)',
    tags,
    access: 'public',
    response: SetupStatusSchema,
    errors: {},
  }),
  complete: defineRoute({
    method: 'post',
    path: '/setup',
    summary: 'Create the first organizer with the one-time setup token from the server log',
    tags,
    access: 'public',
    body: SetupBodySchema,
    response: MeSchema,
    status: 201,
    errors: {
      400: 'Invalid fields.',
      403: '`setup_done`: an organizer exists already; `invalid_setup_token`: unknown or expired token.',
      409: 'A person with this email exists.',
    },
  }),
} as const;

export function mountSetupRoutes(router: Router, context: ModuleContext): void {
  mountRoute(router, SetupRoutes.status, async () => ({
    needed: !(await organizerExists(context.store.db)),
  }));

  mountRoute(router, SetupRoutes.complete, async ({ req, res, body }) => {
    const outcome = await completeSetup(context.store, body, context.clock.now());
    if (!outcome.ok) {
      switch (outcome.reason) {
        case 'setup_done':
          throw new HttpError(403, AuthErrorCode.SetupDone, 'Setup is done: an organizer exists already.');
        case 'invalid_token':
          throw new HttpError(
            403,
            AuthErrorCode.InvalidSetupToken,
            'This setup link is unknown or has expired.',
          );
        case 'email_taken':
          throw HttpError.conflict('A person with this email exists already.');
      }
    }
    context.logger.info({ personId: outcome.organizer.id }, 'first organizer created through setup');
    return signInAndLoadMe(context, req, res, outcome.organizer.id);
  });
}
