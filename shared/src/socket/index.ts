import type { AgendaClientEvents, AgendaServerEvents } from './agenda.js';
import type { ChatClientEvents, ChatServerEvents } from './chat.js';
import type { CommonClientEvents } from './common.js';
import type { LobbyClientEvents, LobbyServerEvents } from './lobby.js';
import type { MediaClientEvents, MediaServerEvents } from './media.js';
import type { MinutesClientEvents, MinutesServerEvents } from './minutes.js';
import type { PollClientEvents, PollServerEvents } from './polls.js';
import type { PresenceClientEvents, PresenceServerEvents } from './presence.js';
import type { ReactionClientEvents, ReactionServerEvents } from './reactions.js';
import type { SpeakingClientEvents, SpeakingServerEvents } from './speaking.js';

export * from './common.js';
export * from './agenda.js';
export * from './chat.js';
export * from './lobby.js';
export * from './media.js';
export * from './minutes.js';
export * from './polls.js';
export * from './presence.js';
export * from './reactions.js';
export * from './speaking.js';

/** Everything a client may emit; passed to `new Server<…>()` and `io()` alike. */
export type ClientToServerEvents = CommonClientEvents &
  PresenceClientEvents &
  SpeakingClientEvents &
  AgendaClientEvents &
  LobbyClientEvents &
  MediaClientEvents &
  MinutesClientEvents &
  ChatClientEvents &
  PollClientEvents &
  ReactionClientEvents;

/** Everything the server pushes. */
export type ServerToClientEvents = PresenceServerEvents &
  SpeakingServerEvents &
  AgendaServerEvents &
  LobbyServerEvents &
  MediaServerEvents &
  MinutesServerEvents &
  ChatServerEvents &
  PollServerEvents &
  ReactionServerEvents;

/** Messages between server instances (through the Redis adapter's serverSideEmit). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface InterServerEvents {}

/** What the server keeps on each socket after the handshake. */
export interface SocketData {
  personId: string;
  name: string;
  isOrganizer: boolean;
}
