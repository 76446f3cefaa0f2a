import { CloseCode, docName, YJS_PATH, type DocKind } from '@roundtable/shared';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { ApiRequestError } from '../api/http';
import { fetchWsToken } from '../api/wsToken';

/** Where a room document connection stands, for the panel that shows it. */
export type RoomDocStatus = 'connecting' | 'synced' | 'offline' | 'forbidden' | 'signed_out';

export interface RoomDocConnection {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** Stops reconnecting and frees the document. */
  destroy(): void;
}

const MAX_RETRY_DELAY_MS = 10_000;

function yjsServerUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}${YJS_PATH}`;
}

/**
 * Opens one of a room's Y.Docs over y-websocket (`/yjs/<roomId>/<kind>?token=…`). The token lives
 * ten minutes and the server re-reads roles on every connect, so each (re)connect fetches a fresh
 * one: y-websocket would otherwise retry with the token it started with.
 */
export function openRoomDoc(
  roomId: string,
  kind: DocKind,
  onStatus: (status: RoomDocStatus) => void,
): RoomDocConnection {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(yjsServerUrl(), docName(roomId, kind), doc, {
    connect: false,
    // Another tab of the same person must not become a second, unauthenticated source of truth.
    disableBc: true,
  });
  let destroyed = false;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const connectWithFreshToken = async (): Promise<void> => {
    try {
      const token = await fetchWsToken();
      if (destroyed) return;
      provider.params = { token: token.token };
      provider.connect();
    } catch (err) {
      if (destroyed) return;
      if (err instanceof ApiRequestError && err.status === 401) {
        onStatus('signed_out');
        return;
      }
      scheduleConnect();
    }
  };
  const scheduleConnect = (): void => {
    clearTimeout(retryTimer);
    const delay = Math.min(MAX_RETRY_DELAY_MS, 200 * 2 ** Math.min(failures, 6));
    failures += 1;
    retryTimer = setTimeout(() => void connectWithFreshToken(), delay);
  };

  provider.on('sync', (synced: boolean) => {
    if (!synced) return;
    failures = 0;
    onStatus('synced');
  });
  provider.on('status', ({ status }: { status: string }) => {
    if (status === 'connecting') onStatus('connecting');
  });
  provider.on('connection-close', () => {
    // y-websocket schedules its own retry with the old URL; take over once it has finished closing
    // (and decided whether the close was final, see 'closed').
    queueMicrotask(() => {
      if (destroyed || !provider.shouldConnect) return;
      provider.disconnect();
      onStatus('offline');
      scheduleConnect();
    });
  });
  provider.on('closed', ({ code }: { code: number }) => {
    if (destroyed) return;
    if (code === CloseCode.Unauthorized) {
      scheduleConnect();
      return;
    }
    onStatus(code === CloseCode.Forbidden || code === CloseCode.NotFound ? 'forbidden' : 'offline');
  });

  // The browser knows before the socket does; reconnect at once when the network returns.
  const handleOffline = () => {
    provider.disconnect();
    onStatus('offline');
  };
  const handleOnline = () => {
    failures = 0;
    void connectWithFreshToken();
  };
  window.addEventListener('offline', handleOffline);
  window.addEventListener('online', handleOnline);
  onStatus('connecting');
  void connectWithFreshToken();

  return {
    doc,
    provider,
    destroy() {
      destroyed = true;
      clearTimeout(retryTimer);
      window.removeEventListener('offline', handleOffline);
      window.removeEventListener('online', handleOnline);
      provider.destroy();
      doc.destroy();
    },
  };
}
