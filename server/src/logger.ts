import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs; the one place that writes to stdout. */
export function createLogger(level: string, name = 'roundtable'): Logger {
  return pino({ name, level, base: { pid: process.pid } });
}
