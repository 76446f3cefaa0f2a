import { ErrorCode, type Category, type Room } from '@roundtable/shared';
import { canInRoom, roomRoleOf, type Actor, type RoomAction } from '../access/can.js';
import { loadActor } from '../access/load-actor.js';
import { findRoom } from '../events/store.js';
import type { Logger } from '../logger.js';
import type { ModuleContext, RoundtableSocket } from '../module.js';
import { CommandError } from '../realtime/with-schema.js';
import type { Db } from '../store/db.js';
import type { ConnectionRecord } from './core.js';

/**
 * The actor and room for a socket command in a room, or a refusal: `not_found` for a room that
 * does not exist, `forbidden` for one the person may not do `action` in.
 */
export async function authorizeRoomCommand(
  db: Db,
  personId: string,
  roomId: string,
  action: RoomAction,
): Promise<{ actor: Actor; room: Room }> {
  const [actor, room] = await Promise.all([loadActor(db, personId), findRoom(db, roomId)]);
  if (!room) throw new CommandError(ErrorCode.NotFound, 'No such room.');
  if (!actor || !canInRoom(actor, action, room)) {
    throw new CommandError(ErrorCode.Forbidden, 'You have no access to this room.');
  }
  return { actor, room };
}

/** Who a connection shows as in a room: name, delegation and effective role, read from the store now. */
export async function presenceRecordFor(
  db: Db,
  actor: Actor,
  room: Room,
  since: number,
): Promise<ConnectionRecord> {
  const row = await db
    .selectFrom('people')
    .leftJoin('event_members', (join) =>
      join.onRef('event_members.person_id', '=', 'people.id').on('event_members.event_id', '=', room.eventId),
    )
    .leftJoin('delegations', 'delegations.id', 'event_members.delegation_id')
    .select([
      'people.name',
      'delegations.side',
      'delegations.name as delegation_name',
      'delegations.name_ja as delegation_name_ja',
      'delegations.category',
    ])
    .where('people.id', '=', actor.personId)
    .executeTakeFirstOrThrow();
  const role = roomRoleOf(actor, room);
  if (role === null) throw new CommandError(ErrorCode.Forbidden, 'You have no access to this room.');
  return {
    personId: actor.personId,
    name: row.name,
    side: row.side,
    delegationName:
      row.delegation_name === null ? null : { en: row.delegation_name, ja: row.delegation_name_ja ?? '' },
    category: (row.category as Category | null) ?? null,
    role,
    since,
  };
}

/**
 * Re-checks live Socket.IO room memberships when access changes (on every instance, for its own
 * sockets): each local socket in a room named `<prefix><roomId>` whose person or room is affected
 * keeps it only if still allowed `action`; otherwise `revoke` runs. Returns the unsubscribe function.
 */
export function reauthorizeOnAccessChange(
  context: Pick<ModuleContext, 'io' | 'store' | 'accessChanges'>,
  prefix: string,
  action: RoomAction,
  revoke: (socket: RoundtableSocket, roomId: string) => Promise<void> | void,
  logger: Logger,
): () => void {
  const recheck = async (personIds: string[], roomIds: string[]): Promise<void> => {
    const namespace = context.io.of('/');
    const affected: [RoundtableSocket, string][] = [];
    for (const [name, socketIds] of namespace.adapter.rooms) {
      if (!name.startsWith(prefix)) continue;
      const roomId = name.slice(prefix.length);
      for (const socketId of socketIds) {
        const socket = namespace.sockets.get(socketId);
        if (socket && (roomIds.includes(roomId) || personIds.includes(socket.data.personId))) {
          affected.push([socket, roomId]);
        }
      }
    }
    for (const [socket, roomId] of affected) {
      const [actor, room] = await Promise.all([
        loadActor(context.store.db, socket.data.personId),
        findRoom(context.store.db, roomId),
      ]);
      if (!room || !actor || !canInRoom(actor, action, room)) await revoke(socket, roomId);
    }
  };
  return context.accessChanges.onChange((change) => {
    recheck(change.personIds, change.roomIds).catch((err: unknown) =>
      logger.error({ err, prefix }, 'access re-check failed'),
    );
  });
}
