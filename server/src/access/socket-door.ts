import type { RevokeReason, RoomAction } from '@roundtable/shared';
import type { RoundtableSocket } from '../module.js';
import type { ExtraFacts, Refusal, RoomGuard, RoomPass } from './guard.js';

/** `removed` when a co-chair sent the person out; `access_changed` for everything else. */
export const revokeReasonOf = (refusal: Refusal): RevokeReason =>
  refusal.admission === 'removed' ? 'removed' : 'access_changed';

/**
 * The guard as one Socket.IO connection uses it. Every registrar gets one (`registerSocket`):
 *
 *     const pass = await door.enter(roomId, 'agenda:read');
 *     await door.join(agendaRoom(roomId), pass, 'agenda:read', (reason) =>
 *       socket.emit(AgendaEvents.Unsubscribed, { roomId, reason }));
 *
 * What is joined or held stays under the guard's re-check until it is left or the socket
 * disconnects; a refused re-check leaves the channel and tells the client through `onRevoke`.
 */
export interface SocketDoor {
  /** The pass for `action` in `roomId`, or a `CommandError` for the acknowledgement. */
  enter(roomId: string, action: RoomAction, facts?: ExtraFacts): Promise<RoomPass>;
  /** Joins a channel of the room and keeps it while `action` stays allowed. */
  join(
    channel: string,
    pass: RoomPass,
    action: RoomAction,
    onRevoke: (reason: RevokeReason) => void,
  ): Promise<void>;
  /** Leaves a channel joined through `join`. */
  leave(channel: string): Promise<void>;
  /** Keeps something else the socket opened (`key` names it) while `action` stays allowed. */
  hold(
    key: string,
    roomId: string,
    pass: RoomPass | null,
    action: RoomAction,
    revoke: (refusal: Refusal) => void | Promise<void>,
  ): void;
  /** Releases what `hold` kept (no revoke runs). */
  release(key: string): void;
}

export function createSocketDoor(guard: RoomGuard, socket: RoundtableSocket): SocketDoor {
  const releases = new Map<string, () => void>();
  const personId = socket.data.personId;

  const hold: SocketDoor['hold'] = (key, roomId, pass, action, revoke) => {
    releases.get(key)?.();
    const release = guard.hold(
      {
        personId,
        roomId,
        action,
        revoke: (refusal) => {
          releases.delete(key);
          return revoke(refusal);
        },
      },
      pass,
    );
    releases.set(key, release);
  };
  const release = (key: string): void => {
    releases.get(key)?.();
    releases.delete(key);
  };

  socket.on('disconnect', () => {
    for (const stop of releases.values()) stop();
    releases.clear();
  });

  return {
    enter: (roomId, action, facts) => guard.enter(personId, roomId, action, facts),
    async join(channel, pass, action, onRevoke) {
      // Join before the caller reads state: a change in between is pushed, not lost.
      await socket.join(channel);
      hold(`channel:${channel}`, pass.room.id, pass, action, async (refusal) => {
        await socket.leave(channel);
        onRevoke(revokeReasonOf(refusal));
      });
    },
    async leave(channel) {
      release(`channel:${channel}`);
      await socket.leave(channel);
    },
    hold,
    release,
  };
}
