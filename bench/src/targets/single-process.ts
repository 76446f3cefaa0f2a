import crypto from 'node:crypto';
import { freePort, spawnServer } from './process.js';
import type { BenchDoc, RunningTarget, TargetName } from './types.js';

export interface SingleProcessOptions {
  name: TargetName;
  nodeFlags?: string[];
  entry: string;
  cwd: string;
  speaksYjs: boolean;
}

/**
 * A reference server: one process, no auth, documents named by the URL path. Every document is
 * fresh (a random name), so no scenario sees another's state.
 */
export async function startSingleProcess(options: SingleProcessOptions): Promise<RunningTarget> {
  const port = await freePort();
  const server = await spawnServer({
    entry: options.entry,
    cwd: options.cwd,
    nodeFlags: options.nodeFlags,
    env: { HOST: '127.0.0.1', PORT: String(port) },
    readyUrl: `http://127.0.0.1:${port}/`,
  });
  const serverUrl = `ws://127.0.0.1:${port}`;
  const newDoc = (): BenchDoc => {
    const name = `bench-${crypto.randomBytes(6).toString('hex')}`;
    return { name, endpoint: () => ({ serverUrl, room: name, params: {} }) };
  };
  return {
    name: options.name,
    instances: 1,
    pids: [server.pid],
    speaksYjs: options.speaksYjs,
    newDocs: (count) => Promise.resolve(Array.from({ length: count }, newDoc)),
    cpuMicros: async () => (await server.sample()).cpuMicros,
    memory: (gc) => server.memory(gc),
    heapSnapshots: async (prefix) => {
      const file = `${prefix}-0.heapsnapshot`;
      await server.heapSnapshot(file);
      return [file];
    },
    output: () => server.output(),
    stop: () => server.stop(),
  };
}
