import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DocKind, YJS_PATH, docName } from '@roundtable/shared';
import { REPO_DIR } from '../machine.js';
import { LeanClient } from '../workers/yclient.js';
import { freePort, spawnServer, type ServerProcess } from './process.js';
import { RoundtableApi } from './roundtable-api.js';
import { signPersonToken } from './tokens.js';
import type {
  BenchDoc,
  Endpoint,
  RunningTarget,
  StartOptions,
  Target,
  TargetName,
  Unavailable,
} from './types.js';
import { endpointUrl, sumReadings } from './types.js';

const ORGANIZER = {
  email: 'bench-organizer@example.org',
  password: 'bench-organizer-password',
  name: 'Bench Organizer',
};
const PG_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = 'redis://127.0.0.1:6379';
const PARALLEL_REQUESTS = 8;

/** Where the instances keep their data, kept across starts so people are created once per run. */
interface Store {
  env: Record<string, string>;
  dispose(): Promise<void>;
}

/** What the bench created through the API: an event and its members. */
interface Fixture {
  eventId: string;
  people: Array<{ id: string; name: string }>;
}

/**
 * Our server, started as production starts it (`server/src/main.ts`, configured by environment),
 * observed from outside: rooms and people are created over the REST API as the organizer, readers'
 * tokens are signed with the `SESSION_SECRET` the bench passes in. Nothing is added to the server.
 */
class RoundtableTarget implements Target {
  private store: Store | null = null;
  private fixture: Fixture | null = null;
  private readonly secret = crypto.randomBytes(32).toString('base64url');

  constructor(
    readonly name: TargetName,
    readonly description: string,
    private readonly instanceCount: number,
  ) {}

  async start(options: StartOptions): Promise<RunningTarget | Unavailable> {
    this.store ??= this.instanceCount > 1 ? await postgresStore() : await sqliteStore();
    let servers: ServerProcess[] = [];
    const ports: number[] = [];
    const spawnAll = async (): Promise<void> => {
      servers = [];
      ports.length = 0;
      // One after another: the first runs the migrations; the second must not race it.
      for (let i = 0; i < this.instanceCount; i++) {
        const port = await freePort();
        servers.push(await this.spawn(port, options.nodeFlags));
        ports.push(port);
      }
    };
    const stopAll = async (): Promise<void> => {
      await Promise.all(servers.map((s) => s.stop()));
    };
    let api: RoundtableApi;
    let organizerToken: string;
    const tokens = new Map<string, string>();
    try {
      await spawnAll();
      api = new RoundtableApi(`http://127.0.0.1:${ports[0]}`);
      await api.login(ORGANIZER.email, ORGANIZER.password);
      organizerToken = await api.wsToken();
      this.fixture ??= await createFixture(api, options.readers);
      const fixture = this.fixture;
      await forEachParallel(fixture.people, async (p) => {
        tokens.set(p.id, await signPersonToken(this.secret, p.id, p.name));
      });
      await probeYjs(api, fixture.eventId, `ws://127.0.0.1:${ports[0]}${YJS_PATH}`, organizerToken);
    } catch (err) {
      await stopAll();
      return { unavailable: err instanceof Error ? err.message : String(err) };
    }
    const fixture = this.fixture;
    const readerToken = (index: number): string => {
      const person = fixture.people[index % fixture.people.length];
      return (person && tokens.get(person.id)) ?? '';
    };
    const endpointFor =
      (roomId: string) =>
      (role: 'editor' | 'reader', index: number, instance: number): Endpoint => ({
        serverUrl: `ws://127.0.0.1:${ports[instance % ports.length]}${YJS_PATH}`,
        room: docName(roomId, DocKind.Minutes),
        params: { token: role === 'editor' ? organizerToken : readerToken(index) },
      });
    const newRoom = (): Promise<string> =>
      api.createRoom(fixture.eventId, `Bench ${crypto.randomUUID().slice(0, 8)}`);
    return {
      name: this.name,
      instances: this.instanceCount,
      get pids() {
        return servers.map((s) => s.pid);
      },
      speaksYjs: true,
      async newDocs(count) {
        const docs: BenchDoc[] = [];
        await forEachParallel(Array.from({ length: count }), async () => {
          const roomId = await newRoom();
          docs.push({ name: docName(roomId, DocKind.Minutes), endpoint: endpointFor(roomId) });
        });
        return docs;
      },
      cpuMicros: async () => sum(await Promise.all(servers.map(async (s) => (await s.sample()).cpuMicros))),
      memory: async (gc) => sumReadings(await Promise.all(servers.map((s) => s.memory(gc)))),
      heapSnapshots: (prefix) =>
        Promise.all(
          servers.map(async (s, i) => {
            const file = `${prefix}-${i}.heapsnapshot`;
            await s.heapSnapshot(file);
            return file;
          }),
        ),
      restart: async () => {
        await stopAll();
        await spawnAll();
        api = api.withBase(`http://127.0.0.1:${ports[0]}`);
      },
      hands: {
        get url() {
          return `http://127.0.0.1:${ports[0]}`;
        },
        newRoom,
        participants: (count) =>
          Promise.resolve(
            fixture.people.slice(0, count).map((p) => ({ personId: p.id, token: tokens.get(p.id) ?? '' })),
          ),
      },
      output: () => servers.map((s, i) => `[instance ${i}] ${s.output().slice(-1500)}`).join('\n'),
      stop: stopAll,
    };
  }

  async dispose(): Promise<void> {
    await this.store?.dispose();
    this.store = null;
    this.fixture = null;
  }

  private spawn(port: number, nodeFlags: string[] | undefined): Promise<ServerProcess> {
    return spawnServer({
      nodeFlags,
      entry: path.join(REPO_DIR, 'server', 'src', 'main.ts'),
      cwd: path.join(REPO_DIR, 'server'),
      env: {
        ...this.store?.env,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        DEMO_DATA: 'false',
        LOG_LEVEL: 'warn',
        SESSION_SECRET: this.secret,
        ORGANIZER_EMAIL: ORGANIZER.email,
        ORGANIZER_PASSWORD: ORGANIZER.password,
        ORGANIZER_NAME: ORGANIZER.name,
      },
      // `/healthz` answers as soon as the port is open; `/readyz` once the store and Redis are.
      readyUrl: `http://127.0.0.1:${port}/readyz`,
      // tsx compiles the whole server on a cold start: tens of seconds on a busy 2-core machine.
      readyTimeoutMs: 180_000,
    });
  }
}

async function createFixture(api: RoundtableApi, people: number): Promise<Fixture> {
  const eventId = await api.createEvent('Benchmark round table');
  const created: Fixture['people'] = [];
  await forEachParallel(Array.from({ length: people }), async (_, i) => {
    const name = `Bench Participant ${i + 1}`;
    created.push({ id: await api.createMember(eventId, name), name });
  });
  return { eventId, people: created };
}

/** Fails with the reason when the Yjs endpoint is not there (yet) or refuses the organizer. */
async function probeYjs(
  api: RoundtableApi,
  eventId: string,
  serverUrl: string,
  token: string,
): Promise<void> {
  const roomId = await api.createRoom(eventId, 'Bench probe');
  const url = endpointUrl({ serverUrl, room: docName(roomId, DocKind.Minutes), params: { token } });
  const client = new LeanClient({ url, sync: true, awareness: null });
  try {
    await client.ready(10_000);
  } catch (err) {
    throw new Error(`Yjs endpoint ${YJS_PATH}: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    client.close();
  }
}

async function sqliteStore(): Promise<Store> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'roundtable-bench-'));
  return { env: { DATA_DIR: dir }, dispose: () => fs.rm(dir, { recursive: true, force: true }) };
}

/** A fresh PostgreSQL database (instances share it) and Redis for fan-out between them. */
async function postgresStore(): Promise<Store> {
  const name = `rt_bench_${crypto.randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString(), REDIS_URL },
    dispose: () => adminQuery(`drop database if exists ${name} with (force)`),
  };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function forEachParallel<T>(
  items: T[],
  body: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      await body(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_REQUESTS }, lane));
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

export const roundtableTarget: Target = new RoundtableTarget(
  'roundtable',
  'Roundtable `server/src/main.ts`, one instance, embedded SQLite store, no Redis',
  1,
);

export const roundtableTwoInstancesTarget: Target = new RoundtableTarget(
  'roundtable-2x',
  'two Roundtable instances sharing Redis and a fresh PostgreSQL database',
  2,
);
