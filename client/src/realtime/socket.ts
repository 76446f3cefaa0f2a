import {
  PROTOCOL_VERSION,
  SOCKET_IO_PATH,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@roundtable/shared';
import { io, type Socket } from 'socket.io-client';
import { ApiRequestError } from '../api/http';
import { fetchWsToken } from '../api/wsToken';
import { startClockSync } from './clockSync';
import { connectionStatus, setConnectionStatus } from './status';

/** The one Socket.IO client of the page, typed with the shared event maps. */
export type RealtimeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** How long an acknowledgement may take before a command counts as failed. */
const ACK_TIMEOUT_MS = 10_000;
/** Keep the connection this long after the last user left, so moving between pages reuses it. */
const LINGER_MS = 10_000;
/** Retries after the server refused the handshake (e.g. an expired token), backing off to this. */
const MAX_RETRY_DELAY_MS = 15_000;

let socket: RealtimeSocket | null = null;
let users = 0;
let lingerTimer: ReturnType<typeof setTimeout> | undefined;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let refusals = 0;
/** Why the last token fetch failed: a 401 means the session is over and retrying is pointless. */
let tokenFailure: unknown = null;

function createSocket(): RealtimeSocket {
  const created: RealtimeSocket = io({
    path: SOCKET_IO_PATH,
    // The load balancer has no sticky sessions: long-polling would spread one session over instances.
    transports: ['websocket'],
    autoConnect: false,
    ackTimeout: ACK_TIMEOUT_MS,
    // A fresh token for every (re)connect: tokens live ten minutes and roles are re-read on connect.
    auth: (callback) => {
      fetchWsToken()
        .then((token) => {
          tokenFailure = null;
          callback({ token: token.token, protocol: PROTOCOL_VERSION });
        })
        .catch((err: unknown) => {
          tokenFailure = err;
          // The server refuses an empty token; `connect_error` then decides what to do.
          callback({ token: '', protocol: PROTOCOL_VERSION });
        });
    },
  });
  created.on('connect', () => {
    refusals = 0;
    setConnectionStatus('connected');
  });
  created.on('disconnect', (reason) => {
    if (reason === 'io client disconnect') return;
    setConnectionStatus('reconnecting');
    // The server closed the connection on purpose (e.g. shutting down): the client does not retry
    // by itself in that case.
    if (reason === 'io server disconnect') scheduleRetry(created);
  });
  created.on('connect_error', (err) => {
    if (created.active) {
      // A transport failure: the manager retries by itself.
      markUnreachable();
      return;
    }
    if (err.message === 'protocol_mismatch') {
      setConnectionStatus('outdated');
      return;
    }
    if (tokenFailure instanceof ApiRequestError && tokenFailure.status === 401) {
      setConnectionStatus('signed_out');
      return;
    }
    markUnreachable();
    scheduleRetry(created);
  });
  startClockSync(created);
  return created;
}

function markUnreachable(): void {
  const current = connectionStatus().status;
  if (current === 'connected' || current === 'reconnecting') setConnectionStatus('reconnecting');
  else setConnectionStatus('connecting');
}

function scheduleRetry(target: RealtimeSocket): void {
  clearTimeout(retryTimer);
  refusals += 1;
  const delay = Math.min(MAX_RETRY_DELAY_MS, 500 * 2 ** Math.min(refusals, 5));
  retryTimer = setTimeout(() => {
    if (socket === target && users > 0 && !target.connected) target.connect();
  }, delay);
}

/**
 * The page's socket, created on first use without connecting. Rendering may read it; only
 * `retainSocket` opens the connection.
 */
export function getSocket(): RealtimeSocket {
  socket ??= createSocket();
  return socket;
}

/** Opens the connection (once for every user) and returns the socket; pair with `releaseSocket`. */
export function retainSocket(): RealtimeSocket {
  const current = getSocket();
  users += 1;
  clearTimeout(lingerTimer);
  if (!current.connected && !current.active) {
    setConnectionStatus(connectionStatus().everConnected ? 'reconnecting' : 'connecting');
    current.connect();
  }
  return current;
}

/** Gives the connection back; the last user closes it after a short linger. */
export function releaseSocket(): void {
  users = Math.max(0, users - 1);
  if (users > 0) return;
  clearTimeout(lingerTimer);
  lingerTimer = setTimeout(() => {
    if (users > 0 || !socket) return;
    clearTimeout(retryTimer);
    socket.disconnect();
    setConnectionStatus('idle');
  }, LINGER_MS);
}

/**
 * Runs `handler` now when connected and again after every reconnect, which is when the server has
 * forgotten this socket's subscriptions. Returns the function that stops it.
 */
export function onEveryConnect(target: RealtimeSocket, handler: () => void): () => void {
  target.on('connect', handler);
  if (target.connected) handler();
  return () => {
    target.off('connect', handler);
  };
}
