import type { Request } from 'express';
import { canGlobally, canInEvent, type Actor, type EventAction, type GlobalAction } from '@roundtable/shared';
import type { Sessions } from '../auth/sessions.js';
import { HttpError } from '../http/errors.js';
import type { Db } from '../store/db.js';
import type { Room } from '@roundtable/shared';
import { requireRoom } from './store.js';

/** The refusals every organizer-only operation documents. */
export const ORGANIZER_ERRORS = { 401: 'Not signed in.', 403: 'Not an organizer.' } as const;

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

/**
 * A room the signed-in actor may manage, with the actor: 401 when signed out, 404 when the room
 * does not exist, 403 when the actor may not manage its event.
 */
export async function requireManagedRoom(
  sessions: Sessions,
  db: Db,
  req: Request,
  roomId: string,
): Promise<{ actor: Actor; room: Room }> {
  const actor = await sessions.requireActor(req);
  const room = await requireRoom(db, roomId);
  assertCanInEvent(actor, 'event:manage', room.eventId);
  return { actor, room };
}
