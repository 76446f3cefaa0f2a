import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from '@playwright/test';
import { ORGANIZER } from './actors.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * A server of the spec's own (the shared ones cannot be restarted mid-test): the same command and
 * demo data as playwright.config.ts, on `port`, keeping its data in one directory across restarts.
 */
export class OwnServer {
  private process: ChildProcess | null = null;
  readonly dataDir: string;

  constructor(readonly port: number) {
    this.dataDir = path.join(os.tmpdir(), `roundtable-e2e-own-${port}-${process.pid}`);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn('node', ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: REPO,
      stdio: 'ignore',
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        PUBLIC_URL: this.url,
        DATA_DIR: this.dataDir,
        DEMO_DATA: 'true',
        ORGANIZER_EMAIL: ORGANIZER.email,
        ORGANIZER_PASSWORD: ORGANIZER.password,
        ORGANIZER_NAME: 'E2E Organizer',
        LOG_LEVEL: 'warn',
      },
    });
    this.process = child;
    await expect
      .poll(
        async () => {
          if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
          return fetch(`${this.url}/readyz`).then(
            (res) => res.status,
            () => 0,
          );
        },
        { timeout: 120_000, intervals: [250, 500, 1000] },
      )
      .toBe(200);
  }

  /** Stops the process (SIGTERM: a normal shutdown) and waits until it has exited. */
  async stop(): Promise<void> {
    const child = this.process;
    this.process = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
  }
}
