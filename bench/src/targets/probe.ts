/**
 * Loaded with `--import` into every server under test, ours and the references alike, so the
 * coordinator reads CPU time and memory from inside the server process itself (not wall time, not
 * a client's view) and can ask for a full GC before a memory reading. Adds nothing to the server's
 * own code and costs one IPC message per sample.
 */
import v8 from 'node:v8';
import type { ProbeReply, ProbeRequest } from './probe-protocol.js';
import { isProbeRequest } from './probe-protocol.js';

function answer(request: ProbeRequest): void {
  if (request.probe === 'snapshot' && request.file) v8.writeHeapSnapshot(request.file);
  if (request.probe === 'gc' && globalThis.gc) {
    // Two passes: the first may only promote what the second frees (weak references, finalizers).
    globalThis.gc();
    globalThis.gc();
  }
  const cpu = process.cpuUsage();
  const memory = process.memoryUsage();
  const reply: ProbeReply = {
    probeReply: request.id,
    cpuMicros: cpu.user + cpu.system,
    rss: memory.rss,
    heapUsed: memory.heapUsed,
    heapTotal: memory.heapTotal,
    external: memory.external,
    arrayBuffers: memory.arrayBuffers,
    gcAvailable: Boolean(globalThis.gc),
  };
  process.send?.(reply);
}

process.on('message', (message: unknown) => {
  if (isProbeRequest(message)) answer(message);
});
// The channel must not keep a server alive that would otherwise exit (e.g. after SIGTERM).
process.channel?.unref();
// The coordinator died: shut down as an operator would (our server flushes on SIGTERM).
process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
