/** Socket.IO room of everyone subscribed to a dialogue room's speaking order. */
export const speakingRoom = (roomId: string): string => `speaking:${roomId}`;
