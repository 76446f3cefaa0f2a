import { spawn, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/*
 * A PostgreSQL cluster and a redis-server of a test's own, on a fixed port, so the test can stop
 * and start them while the app runs (the shared services must never be broken on purpose).
 */

/** Debian installs PostgreSQL's server binaries per major version; the newest one is used. */
function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions[0]) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql');
  return path.join(root, versions[0], 'bin');
}

/** initdb refuses to run as root: then the cluster belongs to the `postgres` system user. */
function runAs(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (!uid || !gid) throw new Error('running as root needs a postgres system user for initdb');
  return { uid: Number(uid), gid: Number(gid) };
}

function run(command: string, args: string[], options: SpawnOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${output}`)),
    );
  });
}

/** Resolves once something accepts TCP connections on `port` (or rejects after `timeoutMs`). */
export async function untilPortOpen(port: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface PrivatePostgres {
  port: number;
  /** Connection string of the `postgres` database. */
  url: string;
  start(): Promise<void>;
  /** `immediate` is a crash as far as clients see it: connections are cut without goodbye. */
  stop(mode?: 'immediate' | 'fast'): Promise<void>;
  /** Stops it and deletes its files. */
  destroy(): Promise<void>;
}

/**
 * Creates (initdb) and starts a throw-away PostgreSQL cluster on `port`, trust auth. No fsync (an
 * immediate stop kills processes, not the kernel: written WAL survives), but commits do wait for
 * their WAL write, or an immediate stop would lose acknowledged transactions.
 */
export async function startPrivatePostgres(port: number): Promise<PrivatePostgres> {
  const bin = postgresBinDir();
  const user = runAs();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roundtable-pg-'));
  const data = path.join(dir, 'data');
  if (user) fs.chownSync(dir, user.uid, user.gid);
  const as: SpawnOptions = user ? { uid: user.uid, gid: user.gid, cwd: dir } : { cwd: dir };
  await run(
    path.join(bin, 'initdb'),
    ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions'],
    as,
  );
  const pgCtl = (args: string[]): Promise<string> => run(path.join(bin, 'pg_ctl'), ['-D', data, ...args], as);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=60`;
  const pg: PrivatePostgres = {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async start() {
      await pgCtl(['-o', options, '-l', path.join(dir, 'log'), '-w', '-t', '60', 'start']);
    },
    async stop(mode = 'immediate') {
      await pgCtl(['-m', mode, '-w', '-t', '60', 'stop']);
    },
    async destroy() {
      await pgCtl(['-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  await pg.start();
  return pg;
}

export interface PrivateRedis {
  port: number;
  url: string;
  /** Starts it again (with whatever data it saved, unless `flush` removed it). */
  start(): Promise<void>;
  /** `save`: write its data first and read it back at the next start (a clean restart). */
  stop(options?: { save?: boolean }): Promise<void>;
  destroy(): Promise<void>;
}

/** A redis-server on `port` with its own directory; its data survives restarts only if saved. */
export async function startPrivateRedis(port: number): Promise<PrivateRedis> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roundtable-redis-'));
  let child: ReturnType<typeof spawn> | null = null;
  const redis: PrivateRedis = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      child = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'],
        { stdio: 'ignore' },
      );
      await untilPortOpen(port);
    },
    async stop({ save = false } = {}) {
      const running = child;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      if (save) {
        await run('redis-cli', ['-p', String(port), 'shutdown', 'save']).catch(() => undefined);
      } else {
        fs.rmSync(path.join(dir, 'dump.rdb'), { force: true });
        running.kill('SIGKILL');
      }
      await exited;
      child = null;
    },
    async destroy() {
      await redis.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  await redis.start();
  return redis;
}
