/**
 * A client process: holds a share of the clients and answers the coordinator. Clients live in
 * their own processes because one process holding 500 of them beside the server on two cores
 * would compete with the server for CPU and hide what the server costs.
 */
import { now } from '../clock.js';
import type { Method, Params, Reply, Request, Result } from './api.js';
import { Editors } from './editors.js';
import { HandsCrowd } from './hands.js';
import { endpointUrl } from '../targets/types.js';
import { StockReader } from './stock.js';
import type { EditWindow } from './window.js';
import { LeanClient } from './yclient.js';

const CONNECT_BATCH = 50;

let readers: EditWindow[] = [];
let holders: StockReader[] = [];
let editors: Editors | null = null;
let crowd: HandsCrowd | null = null;

type Handlers = { [M in Method]: (params: Params<M>) => Promise<Result<M>> | Result<M> };

const handlers: Handlers = {
  async connectReaders({ clients, stock, renewMs, timeoutMs }) {
    const failures: string[] = [];
    for (let i = 0; i < clients.length; i += CONNECT_BATCH) {
      const batch = clients.slice(i, i + CONNECT_BATCH).map((spec) =>
        stock
          ? new StockReader({ endpoint: spec.endpoint, awareness: spec.awareness })
          : new LeanClient({
              url: endpointUrl(spec.endpoint),
              sync: false,
              awareness: spec.awareness
                ? { state: spec.awareness, renewMs, phaseMs: Math.random() * renewMs }
                : null,
            }),
      );
      const outcomes = await Promise.allSettled(batch.map((client) => client.ready(timeoutMs)));
      outcomes.forEach((outcome) => {
        if (outcome.status === 'rejected') failures.push(String(outcome.reason));
      });
      readers.push(...batch);
    }
    return { connected: clients.length - failures.length, failures: failures.slice(0, 5) };
  },
  expectEdits({ from, count }) {
    for (const reader of readers) reader.expect(from, count);
    return null;
  },
  progress() {
    let complete = 0;
    let broken = 0;
    for (const reader of readers) {
      if (reader.complete) complete++;
      else if (reader.broken) broken++;
    }
    return { complete, broken, total: readers.length };
  },
  collect() {
    return { times: readers.map((reader) => reader.times) };
  },
  closeReaders() {
    for (const client of [...readers, ...holders]) client.close();
    readers = [];
    holders = [];
    return null;
  },
  async connectEditors(plan) {
    editors?.close();
    editors = new Editors(plan);
    await editors.ready(plan.timeoutMs);
    return null;
  },
  async runEdits({ count, intervalMs }) {
    if (!editors) throw new Error('no editors');
    return { sentAt: await editors.runEdits(count, intervalMs) };
  },
  startCursors({ hz }) {
    editors?.startCursors(hz);
    return null;
  },
  stopCursors() {
    editors?.stopCursors();
    return null;
  },
  closeEditors() {
    editors?.close();
    editors = null;
    return null;
  },
  async upload({ url, chunks, expectedLength }) {
    const client = new LeanClient({ url, sync: true, awareness: null });
    try {
      await client.ready(60_000);
      for (const chunk of chunks) client.sendUpdate(chunk);
      // The server answers step 1 after the updates before it: the reply shows what it now holds.
      const serverLength = await client.resync(120_000);
      if (serverLength < expectedLength) {
        throw new Error(`server holds ${serverLength} of ${expectedLength} characters after upload`);
      }
      return { serverLength };
    } finally {
      client.close();
    }
  },
  async openHolder({ endpoint }) {
    const client = new StockReader({ endpoint });
    await client.ready(120_000);
    holders.push(client);
    return { ...timings(client), bytes: client.encodedSize(), length: client.minutesLength() };
  },
  async measureSync({ endpoint, count }) {
    const syncMs: number[] = [];
    const receivedMs: number[] = [];
    for (let i = 0; i < count; i++) {
      const client = new StockReader({ endpoint });
      try {
        await client.ready(120_000);
        const t = timings(client);
        syncMs.push(t.syncMs);
        receivedMs.push(t.receivedMs);
      } finally {
        client.close();
      }
    }
    return { syncMs, receivedMs };
  },
  async handsConnect(plan) {
    crowd?.close();
    crowd = new HandsCrowd(plan);
    await crowd.connect();
    return null;
  },
  async handsRaise({ startAt, windowMs }) {
    if (!crowd) throw new Error('no participants');
    try {
      return await crowd.raise(startAt, windowMs);
    } finally {
      crowd.close();
      crowd = null;
    }
  },
  cpu() {
    const usage = process.cpuUsage();
    return { cpuMicros: usage.user + usage.system };
  },
};

function timings(client: StockReader | LeanClient): { syncMs: number; receivedMs: number } {
  return {
    syncMs: client.syncedAt - client.startedAt,
    receivedMs: client.step2ReceivedAt - client.startedAt,
  };
}

process.on('message', (message: unknown) => {
  void handle(message as Request);
});

async function handle(request: Request): Promise<void> {
  let reply: Reply;
  try {
    const handler = handlers[request.method] as (params: unknown) => unknown;
    reply = { id: request.id, result: await handler(request.params) };
  } catch (err) {
    reply = { id: request.id, error: err instanceof Error ? err.message : String(err) };
  }
  process.send?.(reply);
}

// An orphaned worker (the coordinator died) would otherwise keep its connections open forever.
process.on('disconnect', () => process.exit(0));

process.send?.({ id: 0, result: { readyAt: now() } });
