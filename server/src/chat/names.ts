/** Socket.IO rooms of a dialogue room's chat, one per audience of `audiencesOf`. */
export const chatRooms = {
  everyone: (roomId: string): string => `chat:${roomId}:everyone`,
  moderators: (roomId: string): string => `chat:${roomId}:moderators`,
  noteTakers: (roomId: string): string => `chat:${roomId}:note-takers`,
  person: (roomId: string, personId: string): string => `chat:${roomId}:person:${personId}`,
};
