import {
  ErrorCode,
  MediaErrorCode,
  MediaEvents,
  MediaMutePayloadSchema,
  MediaRemovePayloadSchema,
  MediaRoomPayloadSchema,
  type MediaOperation,
  type Room,
} from '@roundtable/shared';
import { canInRoom, type Actor, type RoomAction } from '../access/can.js';
import { loadActor } from '../access/load-actor.js';
import { findRoom } from '../events/store.js';
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
  /** Remembers which rooms a socket follows, so access changes can take them away again. */
  subscriptions: Map<RoundtableSocket, Set<string>>;
}

/** Leaves the media channels of `roomId` this socket may no longer follow. */
export async function recheckSubscription(db: Db, socket: RoundtableSocket, roomId: string): Promise<void> {
  const room = await findRoom(db, roomId);
  const actor = await loadActor(db, socket.data.personId);
  if (!room || !canInRoom(actor, 'media:join', room)) await socket.leave(mediaChannel(roomId));
  if (!room || !canInRoom(actor, 'media:moderate', room)) await socket.leave(moderatorsChannel(roomId));
}

/** The `media:*` commands of one connection: parse, authorize through can.ts, call LiveKit, ack. */
export function registerMediaHandlers(socket: RoundtableSocket, deps: MediaSocketDeps): void {
  const { db, logger } = deps;
  const policy = DEFAULT_RETRY;

  const requireRoomAction = async (
    roomId: string,
    action: RoomAction,
  ): Promise<{ room: Room; actor: Actor | null }> => {
    const room = await findRoom(db, roomId);
    if (!room) throw new CommandError(ErrorCode.NotFound, 'Room not found.');
    const actor = await loadActor(db, socket.data.personId);
    if (!canInRoom(actor, action, room)) {
      throw new CommandError(ErrorCode.Forbidden, 'You are not allowed to do this.');
    }
    return { room, actor };
  };

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

  const audit = async (room: Room, action: string, targetId: string, data: object): Promise<void> => {
    await db
      .insertInto('audit_log')
      .values({
        event_id: room.eventId,
        room_id: room.id,
        actor_id: socket.data.personId,
        action,
        target_id: targetId,
        data: JSON.stringify(data),
        at: new Date(deps.clock.now()).toISOString(),
      })
      .execute();
  };

  socket.on(
    MediaEvents.Subscribe,
    withSchema(
      MediaEvents.Subscribe,
      MediaRoomPayloadSchema,
      async ({ roomId }) => {
        const { room, actor } = await requireRoomAction(roomId, 'media:join');
        const moderator = canInRoom(actor, 'media:moderate', room);
        await socket.join(
          moderator ? [mediaChannel(roomId), moderatorsChannel(roomId)] : [mediaChannel(roomId)],
        );
        const rooms = deps.subscriptions.get(socket) ?? new Set<string>();
        deps.subscriptions.set(socket, rooms.add(roomId));
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
        await socket.leave(mediaChannel(roomId));
        await socket.leave(moderatorsChannel(roomId));
        deps.subscriptions.get(socket)?.delete(roomId);
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

  socket.on('disconnect', () => {
    deps.subscriptions.delete(socket);
  });
}
