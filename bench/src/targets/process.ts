import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import net from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { now, sleep } from '../clock.js';
import { isProbeReply, type ProbeReply } from './probe-protocol.js';
import type { MemoryReading } from './types.js';

const PROBE_URL = pathToFileURL(fileURLToPath(new URL('./probe.ts', import.meta.url))).href;
/**
 * Resolved here, not from the server's cwd (the reference lives deep inside the pnpm store);
 * through `createRequire` because vitest's module runner has no `import.meta.resolve`.
 */
export const TSX_URL = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const OUTPUT_TAIL_BYTES = 8 * 1024;

/** A server under test running in its own process, observable through `probe.ts`. */
export interface ServerProcess {
  readonly pid: number;
  sample(): Promise<ProbeReply>;
  /** Forces a full GC (the process runs with `--expose-gc`) and returns the reading after it. */
  gc(): Promise<ProbeReply>;
  /** Memory, after a forced GC when `gc` is true. */
  memory(gc: boolean): Promise<MemoryReading>;
  /** Writes a V8 heap snapshot of the server to `file` (for finding what connections retain). */
  heapSnapshot(file: string): Promise<void>;
  /** SIGTERM (so servers flush), then SIGKILL if it has not exited in time. */
  stop(): Promise<void>;
  /** The last few KB the process printed, for error messages. */
  output(): string;
}

export interface SpawnOptions {
  entry: string;
  env: Record<string, string>;
  cwd: string;
  /** Extra `node` flags (V8 settings for the memory scenario). */
  nodeFlags?: string[];
  /** Polled with GET until it answers 2xx. */
  readyUrl: string;
  readyTimeoutMs?: number;
}

/** Any free TCP port on the loopback interface (the servers take the port from the environment). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

/**
 * Starts `entry` under `node --expose-gc --import tsx --import probe.ts`: every target, ours and
 * the references, runs with the same loader so none is favoured by how it is started.
 */
export async function spawnServer(options: SpawnOptions): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [
      '--expose-gc',
      ...(options.nodeFlags ?? []),
      // For development only (e.g. `--cpu-prof`): the report's figures are taken without it.
      ...(process.env.BENCH_SERVER_NODE_FLAGS?.split(' ').filter(Boolean) ?? []),
      '--import',
      TSX_URL,
      '--import',
      PROBE_URL,
      options.entry,
    ],
    {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  let tail = '';
  const keepTail = (chunk: Buffer): void => {
    tail = (tail + chunk.toString('utf8')).slice(-OUTPUT_TAIL_BYTES);
  };
  child.stdout?.on('data', keepTail);
  child.stderr?.on('data', keepTail);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let nextId = 1;
  const pending = new Map<number, (reply: ProbeReply) => void>();
  child.on('message', (message: unknown) => {
    if (!isProbeReply(message)) return;
    pending.get(message.probeReply)?.(message);
    pending.delete(message.probeReply);
  });

  const ask = (probe: 'sample' | 'gc' | 'snapshot', file?: string): Promise<ProbeReply> =>
    new Promise((resolve, reject) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        reject(new Error(`server exited (${child.exitCode ?? child.signalCode}): ${tail}`));
        return;
      }
      const id = nextId++;
      pending.set(id, resolve);
      child.send({ probe, id, file });
    });

  const handle: ServerProcess = {
    pid: child.pid ?? -1,
    sample: () => ask('sample'),
    gc: () => ask('gc'),
    async memory(gc) {
      const reply = await ask(gc ? 'gc' : 'sample');
      return {
        rss: reply.rss,
        heapAndExternal: reply.heapUsed + reply.external,
        heapUsed: reply.heapUsed,
        heapTotal: reply.heapTotal,
        external: reply.external,
      };
    },
    heapSnapshot: async (file) => {
      await ask('snapshot', file);
    },
    output: () => tail,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killed = await Promise.race([exited.then(() => true), sleep(20_000).then(() => false)]);
      if (!killed) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
  await waitReady(child, options, () => tail);
  return handle;
}

async function waitReady(child: ChildProcess, options: SpawnOptions, output: () => string): Promise<void> {
  const deadline = now() + (options.readyTimeoutMs ?? 60_000);
  while (now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`exited during start (${child.exitCode ?? child.signalCode}): ${output().trim()}`);
    }
    try {
      const response = await fetch(options.readyUrl);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`not ready after ${options.readyTimeoutMs ?? 60_000} ms: ${output().trim()}`);
}
