import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
export const REPO_DIR = path.resolve(BENCH_DIR, '..');

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  loadAverageAtStart: number[];
  memoryGiB: number;
  os: string;
  node: string;
  gitCommit: string;
  /** Versions actually resolved, including the `ws` the reference server loads (its own 6.x). */
  packages: Record<string, string>;
}

const PACKAGES = [
  'yjs',
  'y-protocols',
  'y-websocket',
  '@y/websocket-server',
  'ws',
  'lib0',
  'socket.io-client',
] as const;

export function describeMachine(): MachineInfo {
  const cpus = os.cpus();
  const packages: Record<string, string> = {};
  for (const name of PACKAGES) packages[name] = versionOf(path.join(BENCH_DIR, 'node_modules', name));
  const reference = fs.realpathSync(path.join(BENCH_DIR, 'node_modules', '@y/websocket-server'));
  // pnpm puts a package's own dependencies beside it: this is the `ws` its server.js imports.
  packages['ws (used by the reference)'] = versionOf(path.join(reference, '..', '..', 'ws'));
  packages['socket.io (server)'] = versionOf(path.join(REPO_DIR, 'server', 'node_modules', 'socket.io'));
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    gitCommit: gitCommit(),
    packages,
  };
}

function versionOf(packageDir: string): string {
  try {
    const json = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
      version?: string;
    };
    return json.version ?? 'unknown';
  } catch {
    return 'not installed';
  }
}

function gitCommit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: REPO_DIR,
      encoding: 'utf8',
    }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd: REPO_DIR,
      encoding: 'utf8',
    }).trim();
    return dirty ? `${head} (working tree modified)` : head;
  } catch {
    return 'unknown';
  }
}

/** Cumulative busy and total CPU time of the whole machine (all cores), in clock ticks. */
export interface MachineTicks {
  busy: number;
  total: number;
}

/** From `/proc/stat`; null off Linux. Lets a run say how busy the machine was with other work. */
export function readMachineTicks(): MachineTicks | null {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const fields = line.trim().split(/\s+/).slice(1).map(Number);
    const total = fields.reduce((a, b) => a + b, 0);
    // idle and iowait are the 4th and 5th fields.
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/** Cores busy on the whole machine between two readings. */
export function busyCores(from: MachineTicks | null, to: MachineTicks | null): number {
  if (!from || !to || to.total === from.total) return Number.NaN;
  return ((to.busy - from.busy) / (to.total - from.total)) * os.cpus().length;
}
