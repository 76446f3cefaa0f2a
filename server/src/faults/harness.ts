import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { expect, vi } from 'vitest';
import {
  PROTOCOL_VERSION,
  type Ack,
  type ClientToServerEvents,
  type Person,
  type ServerToClientEvents,
} from '@roundtable/shared';
import { tokenFor, type TestClient } from '../collab/test-support.js';

/*
 * The fault tests run the real server as child processes (a crash is then an exit code, not a
 * test-runner error) against a PostgreSQL and a Redis of their own, which they stop and start.
 */

const SERVER_DIR = path.resolve(import.meta.dirname, '../..');
export const FAULT_SECRET = 'fault-tests-secret-fault-tests-secret-fault-tests';
export const faultSecret = new TextEncoder().encode(FAULT_SECRET);

export interface ServerProcess {
  port: number;
  /** `http://127.0.0.1:<port>` */
  url: string;
  child: ChildProcess;
  /** Null while running; the exit code or signal once it ended. */
  exit(): string | null;
  /** The last lines it logged (shown when an assertion about it fails). */
  log(): string;
  /** GET /readyz: its status and the problems it lists (null when nothing answered). */
  readiness(): Promise<{ status: number; problems: string[] } | null>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface ServerProcessOptions {
  port: number;
  databaseUrl?: string;
  redisUrl?: string;
  /** Where an SQLite store lives (when no `databaseUrl`); a fresh directory by default. */
  dataDir?: string;
  env?: Record<string, string>;
}

/** Starts `src/main.ts` as production runs it, without waiting for it to be ready. */
export function startServerProcess(options: ServerProcessOptions): ServerProcess {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['ORGANIZER_EMAIL', 'ORGANIZER_PASSWORD', 'REDIS_URL', 'DATABASE_URL']) delete env[key];
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'roundtable-fault-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: {
      ...env,
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      SESSION_SECRET: FAULT_SECRET,
      DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
      ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let exit: string | null = null;
  child.on('exit', (code, signal) => {
    exit = signal ?? String(code);
  });
  const keep = (data: Buffer): void => {
    lines.push(...data.toString().split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${options.port}`;
  return {
    port: options.port,
    url,
    child,
    exit: () => exit,
    log: () => lines.slice(-40).join('\n'),
    async readiness() {
      try {
        const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(5_000) });
        const body = (await res.json()) as { problems?: string[] };
        return { status: res.status, problems: body.problems ?? [] };
      } catch {
        return null;
      }
    },
    async kill(signal = 'SIGTERM') {
      if (exit !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill(signal);
      await exited;
    },
  };
}

/** Polls /readyz until it answers `status` (200 or 503) and every `problems` pattern matches one. */
export async function untilReadiness(
  server: ServerProcess,
  status: 200 | 503,
  problems: RegExp[] = [],
  timeout = 60_000,
): Promise<void> {
  await vi.waitFor(
    async () => {
      expect(server.exit(), server.log()).toBeNull();
      const ready = await server.readiness();
      expect(ready?.status, JSON.stringify(ready?.problems)).toBe(status);
      for (const pattern of problems) expect(ready?.problems.some((p) => pattern.test(p))).toBe(true);
    },
    { timeout, interval: 200 },
  );
}

/** Fails with the server's log if it is no longer running. */
export function expectRunning(server: ServerProcess): void {
  expect(server.exit(), `the server exited; its log:\n${server.log()}`).toBeNull();
}

export type FaultSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A Socket.IO client as the browser has it (reconnecting on its own), signed in as `person`. */
export async function socketFor(origin: string, person: Person): Promise<FaultSocket> {
  const token = await tokenFor(faultSecret, person);
  const socket: FaultSocket = connectSocket(origin, {
    auth: { token, protocol: PROTOCOL_VERSION },
    transports: ['websocket'],
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    forceNew: true,
  });
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return socket;
}

/** Emits `event` and resolves with its acknowledgement, or a `timeout` error after `ms`. */
export function command(
  socket: FaultSocket,
  event: keyof ClientToServerEvents,
  payload: unknown,
  ms = 20_000,
): Promise<Ack<unknown>> {
  return new Promise((resolve) => {
    const emit = socket.timeout(ms).emit.bind(socket.timeout(ms)) as unknown as (
      e: string,
      p: unknown,
      cb: (err: Error | null, ack: Ack<unknown>) => void,
    ) => void;
    emit(event, payload, (err, ack) => {
      resolve(err ? { ok: false, error: { code: 'timeout', message: err.message } } : ack);
    });
  });
}

/** A note-taker typing unique words at the end of the text every `everyMs`. */
export function typist(client: TestClient, name: string, everyMs = 40): { typed: string[]; stop(): void } {
  const typed: string[] = [];
  let i = 0;
  const timer = setInterval(() => {
    const word = `${name}${i++};`;
    const text = client.doc.getText('t');
    text.insert(text.length, word);
    typed.push(word);
  }, everyMs);
  return { typed, stop: () => clearInterval(timer) };
}

/** Words of `typed` missing from `text`. */
export function missingWords(typed: readonly string[], text: string): string[] {
  return typed.filter((word) => !text.includes(word));
}
