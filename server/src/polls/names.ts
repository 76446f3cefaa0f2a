/** Socket.IO rooms of a dialogue room's polls: co-chairs (live counts) and everyone else. */
export const pollRooms = {
  chairs: (roomId: string): string => `polls:${roomId}:chairs`,
  everyone: (roomId: string): string => `polls:${roomId}:everyone`,
};
