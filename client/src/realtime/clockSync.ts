import { ClockEvents } from '@roundtable/shared';
import { estimateClockOffset, setClockOffset, type ClockSample } from './clock';
import { request } from './request';
import type { RealtimeSocket } from './socket';

/** Round trips per measurement; the median of five is robust to one or two slow trips. */
const SAMPLES = 5;
/** Clocks drift and networks change: measure again this often while connected. */
const REFRESH_MS = 60_000;

async function measure(socket: RealtimeSocket): Promise<void> {
  const samples: ClockSample[] = [];
  for (let i = 0; i < SAMPLES && socket.connected; i++) {
    const sentAt = Date.now();
    const { serverNow } = await request(socket, ClockEvents.Ping, {});
    samples.push({ sentAt, receivedAt: Date.now(), serverNow });
  }
  const offset = estimateClockOffset(samples);
  if (offset !== null) setClockOffset(offset);
}

/**
 * Keeps the clock offset fresh for as long as the socket lives: at every (re)connect, then
 * periodically. A failed measurement keeps the previous offset.
 */
export function startClockSync(socket: RealtimeSocket): void {
  let timer: ReturnType<typeof setInterval> | undefined;
  const run = () => {
    measure(socket).catch(() => undefined);
  };
  socket.on('connect', () => {
    run();
    clearInterval(timer);
    timer = setInterval(run, REFRESH_MS);
  });
  socket.on('disconnect', () => clearInterval(timer));
}
