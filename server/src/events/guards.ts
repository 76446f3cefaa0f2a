import type { Request } from 'express';
import { canGlobally, canInEvent, type Actor, type EventAction, type GlobalAction } from '../access/can.js';
import type { Sessions } from '../auth/sessions.js';
import { HttpError } from '../http/errors.js';

/** The signed-in actor allowed `action` in `eventId`: 401 when signed out, 403 when not allowed. */
export async function requireEventAction(
  sessions: Sessions,
  req: Request,
  action: EventAction,
  eventId: string,
): Promise<Actor> {
  const actor = await sessions.requireActor(req);
  assertCanInEvent(actor, action, eventId);
  return actor;
}

/** 403 unless `actor` may do `action` in `eventId` (for routes that find the event first). */
export function assertCanInEvent(actor: Actor, action: EventAction, eventId: string): void {
  if (!canInEvent(actor, action, eventId)) throw HttpError.forbidden();
}

/** The signed-in actor allowed a global `action`: 401 when signed out, 403 when not allowed. */
export async function requireGlobalAction(
  sessions: Sessions,
  req: Request,
  action: GlobalAction,
): Promise<Actor> {
  const actor = await sessions.requireActor(req);
  if (!canGlobally(actor, action)) throw HttpError.forbidden();
  return actor;
}
