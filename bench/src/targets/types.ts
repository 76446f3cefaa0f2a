/** Everything the scenarios need to know about a server under test, whichever it is. */

export const TARGET_NAMES = ['reference', 'raw-ws', 'roundtable', 'roundtable-2x'] as const;
export type TargetName = (typeof TARGET_NAMES)[number];

/** Where a y-websocket client connects: the provider's `(serverUrl, roomname, { params })`. */
export interface Endpoint {
  serverUrl: string;
  room: string;
  params: Record<string, string>;
}

/** The URL the stock `WebsocketProvider` builds from an endpoint (lean clients use the same). */
export function endpointUrl(endpoint: Endpoint): string {
  const query = new URLSearchParams(endpoint.params).toString();
  return `${endpoint.serverUrl.replace(/\/+$/, '')}/${endpoint.room}${query ? `?${query}` : ''}`;
}

/**
 * Who connects: the `editor` writes (writer, note-takers, uploader); `reader` number `index` is a
 * distinct person with read access where the target has people.
 */
export type Role = 'editor' | 'reader';

/** One fresh document on the target. */
export interface BenchDoc {
  readonly name: string;
  /** The endpoint for a client; `instance` picks the server on multi-instance targets. */
  endpoint(role: Role, index: number, instance: number): Endpoint;
}

/** Socket.IO access for the hands scenario (targets with a speaking order only). */
export interface HandsAccess {
  url: string;
  /** A fresh room whose speaking list is empty. */
  newRoom(): Promise<string>;
  /** Distinct people with access to the room, each with a websocket token. */
  participants(count: number): Promise<Array<{ personId: string; token: string }>>;
}

export interface RunningTarget {
  readonly name: TargetName;
  /** Server processes; clients are spread over them by index. */
  readonly instances: number;
  readonly pids: number[];
  /**
   * False for the raw relay: it has no document, so clients skip the sync handshake and it cannot
   * serve a fresh client (big minutes does not apply).
   */
  readonly speaksYjs: boolean;
  newDocs(count: number): Promise<BenchDoc[]>;
  /** Server CPU time (user + system) of every instance, microseconds since start. */
  cpuMicros(): Promise<number>;
  /** Memory summed over instances, after a forced GC when `gc` is true. */
  memory(gc: boolean): Promise<MemoryReading>;
  /** Writes a heap snapshot of each instance (`<prefix>-<instance>.heapsnapshot`). */
  heapSnapshots(prefix: string): Promise<string[]>;
  /** Stops and starts the same store: the next connection loads documents cold. */
  restart?(): Promise<void>;
  readonly hands?: HandsAccess;
  /** The last lines the server processes printed, attached to errors in the JSON results. */
  output(): string;
  stop(): Promise<void>;
}

/** Bytes, from `process.memoryUsage()` inside the server. */
export interface MemoryReading {
  rss: number;
  /** V8 heap in use plus memory held by JS objects outside it (buffers). */
  heapAndExternal: number;
  heapUsed: number;
  /** V8 heap reserved: used plus the free pages V8 keeps. */
  heapTotal: number;
  external: number;
}

/** Sums readings of several instances. */
export function sumReadings(readings: MemoryReading[]): MemoryReading {
  return readings.reduce(
    (a, b) => ({
      rss: a.rss + b.rss,
      heapAndExternal: a.heapAndExternal + b.heapAndExternal,
      heapUsed: a.heapUsed + b.heapUsed,
      heapTotal: a.heapTotal + b.heapTotal,
      external: a.external + b.external,
    }),
    { rss: 0, heapAndExternal: 0, heapUsed: 0, heapTotal: 0, external: 0 },
  );
}

/** A target that cannot run in this tree (yet), with the reason shown in the report. */
export interface Unavailable {
  unavailable: string;
}

export interface StartOptions {
  /** Reader identities the scenarios will use (people to create on targets that have people). */
  readers: number;
  /** Extra `node` flags for the server processes (the memory scenario pins V8's heap sizing). */
  nodeFlags?: string[];
}

export interface Target {
  readonly name: TargetName;
  /** One line for the report: what runs and how it is wired. */
  readonly description: string;
  start(options: StartOptions): Promise<RunningTarget | Unavailable>;
  /** Removes what the target created for the run (temporary store, database). */
  dispose?(): Promise<void>;
}

export function isUnavailable(value: RunningTarget | Unavailable): value is Unavailable {
  return 'unavailable' in value;
}
