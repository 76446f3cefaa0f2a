import type { RequestHandler } from 'express';
import { ErrorCode } from '@roundtable/shared';
import { errorBody } from './errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests whose Origin (or Referer) is not ours: with SameSite=Lax cookies
 * this closes cross-site request forgery. Requests without either header come from non-browser
 * clients, which cannot carry a victim's cookie, and are let through.
 */
export function originCheck(allowedOrigins: () => string[]): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) {
      next();
      return;
    }
    const origin = req.get('origin') ?? refererOrigin(req.get('referer'));
    if (origin === undefined) {
      next();
      return;
    }
    const selfOrigin = `${req.protocol}://${req.get('host') ?? ''}`;
    if (origin === selfOrigin || allowedOrigins().includes(origin)) {
      next();
      return;
    }
    res.status(403).json(errorBody(ErrorCode.BadOrigin, 'Cross-origin request refused.'));
  };
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return 'invalid';
  }
}
