import {
  MediaErrorCode,
  MediaEvents,
  MediaMutePayloadSchema,
  MediaRemovePayloadSchema,
  MediaRoomPayloadSchema,
  type MediaOperation,
  type Room,
} from '@roundtable/shared';
import type { RoomAction } from '@roundtable/shared';
import type { RoomPass } from '../access/guard.js';
import type { SocketDoor } from '../access/socket-door.js';
import { recordAudit } from '../audit/audit.js';
import type { Logger } from '../logger.js';
import type { Clock, RoundtableSocket } from '../module.js';
import { CommandError, withSchema } from '../realtime/with-schema.js';
import type { Db } from '../store/db.js';
import { fromTrackSource, liveKitRoomName } from './grants.js';
import { isNotFound, type LiveKit } from './livekit.js';
import { mediaChannel, moderatorsChannel, type FailureReport } from './report.js';
import { callWithRetry, DEFAULT_RETRY, type CallOutcome } from './retry.js';

export interface MediaSocketDeps {
  db: Db;
  liveKit: LiveKit | null;
  logger: Logger;
  clock: Clock;
  report(report: FailureReport): void;
  signal: AbortSignal;
}

/** The `media:*` commands of one connection: parse, authorize (the guard), call LiveKit, ack. */
export function registerMediaHandlers(
  socket: RoundtableSocket,
  door: SocketDoor,
  deps: MediaSocketDeps,
): void {
  const { db, logger } = deps;
  const policy = DEFAULT_RETRY;

  const requireRoomAction = (roomId: string, action: RoomAction): Promise<RoomPass> =>
    door.enter(roomId, action);

  const requireLiveKit = (room: Room): LiveKit => {
    if (!deps.liveKit || !room.mediaEnabled) {
      throw new CommandError(MediaErrorCode.MediaOff, 'Audio/video is off for this room.');
    }
    return deps.liveKit;
  };

  /** Turns a failed call into the co-chairs' report and this command's refusal. */
  const failed = (
    room: Room,
    operation: MediaOperation,
    personId: string,
    outcome: CallOutcome<unknown>,
  ): never => {
    if (outcome.ok) throw new Error('not a failure');
    if (isNotFound(outcome.failure)) {
      throw new CommandError(MediaErrorCode.NotInMedia, 'This person is not in the audio/video room.');
    }
    deps.report({
      roomId: room.id,
      operation,
      personId,
      failure: outcome.failure,
      attempts: outcome.attempts,
    });
    throw new CommandError(
      MediaErrorCode.LiveKitFailed,
      `LiveKit did not ${operation}: ${outcome.failure.message}`,
    );
  };

  const audit = async (
    room: Room,
    action: string,
    targetId: string,
    data: Record<string, unknown>,
  ): Promise<void> => {
    await recordAudit(db, {
      eventId: room.eventId,
      roomId: room.id,
      actorId: socket.data.personId,
      action,
      targetId,
      data,
      at: new Date(deps.clock.now()).toISOString(),
    });
  };

  socket.on(
    MediaEvents.Subscribe,
    withSchema(
      MediaEvents.Subscribe,
      MediaRoomPayloadSchema,
      async ({ roomId }) => {
        const pass = await requireRoomAction(roomId, 'media:join');
        const moderator = pass.may('media:moderate');
        // Media has no notice of its own: the client hears of lost access from the other domains.
        await door.join(mediaChannel(roomId), pass, 'media:join', () => undefined);
        if (moderator) await door.join(moderatorsChannel(roomId), pass, 'media:moderate', () => undefined);
        return { moderator };
      },
      logger,
    ),
  );

  socket.on(
    MediaEvents.Unsubscribe,
    withSchema(
      MediaEvents.Unsubscribe,
      MediaRoomPayloadSchema,
      async ({ roomId }) => {
        await door.leave(mediaChannel(roomId));
        await door.leave(moderatorsChannel(roomId));
        return null;
      },
      logger,
    ),
  );

  socket.on(
    MediaEvents.Mute,
    withSchema(
      MediaEvents.Mute,
      MediaMutePayloadSchema,
      async ({ roomId, personId, source }) => {
        const { room } = await requireRoomAction(roomId, 'media:moderate');
        const liveKit = requireLiveKit(room);
        const name = liveKitRoomName(roomId);
        const found = await callWithRetry(
          () => liveKit.rooms.getParticipant(name, personId),
          policy,
          deps.signal,
        );
        if (!found.ok) return failed(room, 'mute', personId, found);
        let muted = 0;
        for (const track of found.value.tracks) {
          if (fromTrackSource(track.source) !== source || track.muted) continue;
          const outcome = await callWithRetry(
            () => liveKit.rooms.mutePublishedTrack(name, personId, track.sid, true),
            policy,
            deps.signal,
          );
          if (!outcome.ok) return failed(room, 'mute', personId, outcome);
          muted += 1;
        }
        await audit(room, 'media:mute', personId, { source, muted });
        return { muted };
      },
      logger,
    ),
  );

  socket.on(
    MediaEvents.Remove,
    withSchema(
      MediaEvents.Remove,
      MediaRemovePayloadSchema,
      async ({ roomId, personId }) => {
        const { room } = await requireRoomAction(roomId, 'media:moderate');
        const liveKit = requireLiveKit(room);
        const outcome = await callWithRetry(
          () => liveKit.rooms.removeParticipant(liveKitRoomName(roomId), personId),
          policy,
          deps.signal,
        );
        if (!outcome.ok) return failed(room, 'remove', personId, outcome);
        await audit(room, 'media:remove', personId, {});
        return null;
      },
      logger,
    ),
  );
}
