import type { RoomCount } from '@roundtable/shared';

/**
 * Merges counts into what is held: per room the higher presence version wins, since pushes from
 * several instances may arrive out of order.
 */
export function mergeRoomCounts(
  held: ReadonlyMap<string, RoomCount>,
  rooms: readonly RoomCount[],
): ReadonlyMap<string, RoomCount> {
  let next: Map<string, RoomCount> | null = null;
  for (const room of rooms) {
    const current = held.get(room.roomId);
    if (current && current.version > room.version) continue;
    next ??= new Map(held);
    next.set(room.roomId, room);
  }
  return next ?? held;
}
