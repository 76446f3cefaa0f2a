import { MediaEvents, type MediaError, type MediaGrants, type MediaOperation } from '@roundtable/shared';
import type { Logger } from '../logger.js';
import type { RoundtableServer } from '../module.js';
import type { LiveKitFailure } from './livekit.js';

/** Socket.IO room of everyone following a room's media (publish-right changes). */
export const mediaChannel = (roomId: string): string => `media:${roomId}`;
/** Socket.IO room of a room's moderators (media errors). */
export const moderatorsChannel = (roomId: string): string => `media-moderators:${roomId}`;

/** Tells a room's followers, on every instance, what a person may now publish. */
export function announcePermission(
  io: RoundtableServer,
  roomId: string,
  personId: string,
  grants: MediaGrants,
): void {
  io.to(mediaChannel(roomId)).emit(MediaEvents.Permission, {
    roomId,
    personId,
    canPublish: grants.canPublish,
    canPublishSources: grants.canPublishSources,
  });
}

export interface FailureReport {
  roomId: string;
  operation: MediaOperation;
  personId: string | null;
  failure: LiveKitFailure;
  attempts: number;
}

/**
 * A LiveKit call that failed for good: logged, counted, and pushed to the room's co-chairs on
 * every instance, who can retry by hand (give the floor again) or see why media misbehaves.
 */
export function createFailureReporter(
  io: RoundtableServer,
  logger: Logger,
  count: (operation: MediaOperation) => void,
): (report: FailureReport) => void {
  return ({ roomId, operation, personId, failure, attempts }) => {
    logger.warn({ roomId, operation, personId, failure, attempts }, 'LiveKit call failed');
    count(operation);
    const payload: MediaError = {
      roomId,
      operation,
      personId,
      code: failure.code,
      message: failure.message,
      attempts,
    };
    io.to(moderatorsChannel(roomId)).emit(MediaEvents.Error, payload);
  };
}
