import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { simpleParser, type ParsedMail } from 'mailparser';

/* A real SMTP server for tests (smtp-server in a child process), with what it received parsed. */

/** A message as the SMTP server received it. */
export interface ReceivedMail {
  rcptTo: string[];
  parsed: ParsedMail;
}

export interface TestSmtp {
  readonly port: number;
  /** `smtp://127.0.0.1:<port>` for `SMTP_URL`. */
  readonly url: string;
  /** Every message accepted, across restarts, in arrival order. */
  readonly received: ReceivedMail[];
  /** Resolves once `n` messages in all have arrived. */
  waitForCount(n: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** Resolves when the server holds a message unanswered (see `stallAfter`). */
  stalled(): Promise<void>;
  /** SIGKILLs the server process: the connection drops wherever it is. */
  kill(): Promise<void>;
  /** Starts it again on the same port. */
  restart(options?: { stallAfter?: number }): Promise<void>;
  close(): Promise<void>;
}

const childPath = fileURLToPath(new URL('./smtp-child.ts', import.meta.url));
const tsx = import.meta.resolve('tsx');

type ChildMessage =
  | { type: 'listening'; port: number }
  | { type: 'stalled' }
  | { type: 'message'; raw: string; rcptTo: string[] };

/** Starts an SMTP server on a free port (or `port`). */
export async function startTestSmtp(options: { port?: number; stallAfter?: number } = {}): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const parsing: Promise<void>[] = [];
  let child: ChildProcess | null = null;
  let stalledWaiters: Array<() => void> = [];
  let stalled = false;

  const launch = (port: number, stallAfter?: number): Promise<number> =>
    new Promise((resolve, reject) => {
      stalled = false;
      const args = [
        '--import',
        tsx,
        childPath,
        String(port),
        ...(stallAfter === undefined ? [] : [String(stallAfter)]),
      ];
      const proc = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      child = proc;
      proc.once('error', reject);
      proc.once('exit', (code) => reject(new Error(`smtp server exited (${String(code)}) before listening`)));
      proc.on('message', (message: ChildMessage) => {
        if (message.type === 'listening') resolve(message.port);
        else if (message.type === 'stalled') {
          stalled = true;
          for (const w of stalledWaiters) w();
          stalledWaiters = [];
        } else {
          parsing.push(
            simpleParser(Buffer.from(message.raw, 'base64')).then((parsed) => {
              received.push({ rcptTo: message.rcptTo, parsed });
            }),
          );
        }
      });
    });

  const port = await launch(options.port ?? 0, options.stallAfter);

  const stop = async (): Promise<void> => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill('SIGKILL');
    });
  };

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    async waitForCount(n, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < n || parsing.length > received.length) {
        await Promise.all(parsing);
        if (received.length >= n) break;
        if (Date.now() > deadline) throw new Error(`expected ${n} messages, got ${received.length}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return received;
    },
    stalled: () =>
      stalled ? Promise.resolve() : new Promise<void>((resolve) => stalledWaiters.push(resolve)),
    kill: stop,
    async restart(restartOptions = {}) {
      await stop();
      await launch(port, restartOptions.stallAfter);
    },
    close: stop,
  };
}
