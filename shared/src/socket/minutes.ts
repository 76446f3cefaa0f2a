import { z } from 'zod';
import { MinutesWorkflowSchema, type MinutesWorkflow } from '../api/minutes.js';
import { IdSchema } from '../domain/people.js';
import { RevokeReasonSchema } from './common.js';
import type { Command } from './common.js';

/**
 * Minutes events. Names are `minutes:verb`; payload schemas live here beside the event maps
 * so server and client validate the same shapes. The workflow's commands are REST calls
 * (`/api/rooms/{roomId}/minutes/…`); the socket only tells watchers that the workflow changed.
 */
export const MinutesEvents = {
  /** Client → server: receive the room's minutes workflow now and on every change. */
  Watch: 'minutes:watch',
  /** Client → server: stop receiving `minutes:workflow` for a room. */
  Unwatch: 'minutes:unwatch',
  /** Server → client: the workflow changed (submitted, approved, published, reopened). */
  Workflow: 'minutes:workflow',
  /** Server → client: access to the room's minutes was withdrawn; no more pushes for it. */
  Unwatched: 'minutes:unwatched',
} as const;

export const MinutesRoomPayloadSchema = z.object({ roomId: IdSchema });
export type MinutesRoomPayload = z.infer<typeof MinutesRoomPayloadSchema>;

export const MinutesUnwatchedSchema = z.object({ roomId: IdSchema, reason: RevokeReasonSchema });
export type MinutesUnwatched = z.infer<typeof MinutesUnwatchedSchema>;

/** The pushed workflow is validated on receipt like any other payload. */
export const MinutesWorkflowPushSchema = MinutesWorkflowSchema;

export interface MinutesClientEvents {
  [MinutesEvents.Watch]: Command<MinutesRoomPayload, MinutesWorkflow>;
  [MinutesEvents.Unwatch]: Command<MinutesRoomPayload, null>;
}

export interface MinutesServerEvents {
  [MinutesEvents.Workflow]: (workflow: MinutesWorkflow) => void;
  [MinutesEvents.Unwatched]: (push: MinutesUnwatched) => void;
}
