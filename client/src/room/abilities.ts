/*
 * The viewer's abilities come from the shared rule book (`shared/src/access`), the very table the
 * server's guard decides with: the client only hides what the server would refuse.
 */
export { roomAbilities, type RoomAbilities } from '@roundtable/shared';
