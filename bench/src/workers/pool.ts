import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { withTimeout } from '../clock.js';
import { TSX_URL } from '../targets/process.js';
import type { Method, Params, Reply, Result } from './api.js';

const WORKER_ENTRY = fileURLToPath(new URL('./worker.ts', import.meta.url));

interface Worker {
  child: ChildProcess;
  pending: Map<number, { resolve: (value: unknown) => void; reject: (err: Error) => void }>;
}

/**
 * Client processes. Worker 0 holds the editors (writer, note-takers) and the big-minutes clients;
 * workers 1… hold the readers, spread evenly.
 */
export class WorkerPool {
  private nextId = 1;

  private constructor(private readonly workers: Worker[]) {}

  /** Forks `1 + readerWorkers` processes and waits until each is listening. */
  static async start(readerWorkers: number): Promise<WorkerPool> {
    const workers = await Promise.all(Array.from({ length: 1 + readerWorkers }, () => forkWorker()));
    return new WorkerPool(workers);
  }

  get readerWorkers(): number {
    return this.workers.length - 1;
  }

  get pids(): number[] {
    return this.workers.map((w) => w.child.pid ?? -1);
  }

  /** Calls `method` on worker `index` (0 = editors). */
  call<M extends Method>(
    index: number,
    method: M,
    params: Params<M>,
    timeoutMs = 600_000,
  ): Promise<Result<M>> {
    const worker = this.workers[index];
    if (!worker) return Promise.reject(new Error(`no worker ${index}`));
    const id = this.nextId++;
    const reply = new Promise<unknown>((resolve, reject) => {
      worker.pending.set(id, { resolve, reject });
      worker.child.send({ id, method, params });
    });
    return withTimeout(reply, timeoutMs, `worker ${index} ${method}`) as Promise<Result<M>>;
  }

  /** Calls `method` on every reader worker with its own params. */
  readers<M extends Method>(method: M, params: (readerIndex: number) => Params<M>): Promise<Result<M>[]> {
    return Promise.all(
      Array.from({ length: this.readerWorkers }, (_, i) => this.call(i + 1, method, params(i))),
    );
  }

  /** Total CPU time of every client process, microseconds. */
  async clientCpuMicros(): Promise<number> {
    const all = await Promise.all(this.workers.map((_, i) => this.call(i, 'cpu', null)));
    return all.reduce((sum, r) => sum + r.cpuMicros, 0);
  }

  close(): void {
    for (const worker of this.workers) worker.child.kill('SIGTERM');
  }
}

function forkWorker(): Promise<Worker> {
  const child = fork(WORKER_ENTRY, [], {
    execArgv: ['--import', TSX_URL],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const worker: Worker = { child, pending: new Map() };
  child.on('exit', (code, signal) => {
    for (const { reject } of worker.pending.values()) {
      reject(new Error(`worker exited (${code ?? signal ?? '?'})`));
    }
    worker.pending.clear();
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.on('message', (message: unknown) => {
      const reply = message as Reply;
      if (reply.id === 0) {
        resolve(worker);
        return;
      }
      const waiter = worker.pending.get(reply.id);
      worker.pending.delete(reply.id);
      if ('error' in reply) waiter?.reject(new Error(reply.error));
      else waiter?.resolve(reply.result);
    });
  });
}
