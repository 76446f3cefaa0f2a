import { io as connect, type Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, type ClientToServerEvents, type ServerToClientEvents } from '@roundtable/shared';
import type { TestApp } from '../test/app.js';
import { wsTokenFor } from '../test/factories.js';

/** A Socket.IO client as the browser has it, typed with the shared event maps. */
export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const open = new Set<TestSocket>();

/** Connects to `testApp` as `personId` over websocket; resolves once the handshake is accepted. */
export async function connectAs(testApp: TestApp, personId: string): Promise<TestSocket> {
  const token = await wsTokenFor(testApp, personId);
  const socket: TestSocket = connect(testApp.url, {
    auth: { token, protocol: PROTOCOL_VERSION },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  open.add(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** Disconnects every socket `connectAs` opened (call in `afterEach`). */
export function disconnectAll(): void {
  for (const socket of open) socket.disconnect();
  open.clear();
}

/** Everything a socket receives on `event`, in order of arrival. */
export function collect<E extends keyof ServerToClientEvents>(
  socket: TestSocket,
  event: E,
): Parameters<ServerToClientEvents[E]>[0][] {
  const received: Parameters<ServerToClientEvents[E]>[0][] = [];
  const listener = (payload: Parameters<ServerToClientEvents[E]>[0]) => received.push(payload);
  socket.on(event, listener as never);
  return received;
}
