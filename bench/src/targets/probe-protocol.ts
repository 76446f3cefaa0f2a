/** What the coordinator asks a server process through `probe.ts`. */
export interface ProbeRequest {
  probe: 'sample' | 'gc' | 'snapshot';
  id: number;
  /** For `snapshot`: where to write the V8 heap snapshot. */
  file?: string;
}

/** One reading from inside the server process. */
export interface ProbeReply {
  probeReply: number;
  /** `process.cpuUsage()` user + system, microseconds since the process started. */
  cpuMicros: number;
  rss: number;
  heapUsed: number;
  /** V8 heap reserved (used + free pages it keeps). */
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  gcAvailable: boolean;
}

export function isProbeRequest(message: unknown): message is ProbeRequest {
  return typeof message === 'object' && message !== null && 'probe' in message && 'id' in message;
}

export function isProbeReply(message: unknown): message is ProbeReply {
  return typeof message === 'object' && message !== null && 'probeReply' in message;
}
