import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured logs; the one place that writes to stdout. `pretty` is for people at a terminal. */
export function createLogger(level: string, format: 'json' | 'pretty' = 'json', name = 'roundtable'): Logger {
  if (format === 'pretty') {
    return pino({
      name,
      level,
      transport: { target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname,name' } },
    });
  }
  return pino({ name, level, base: { pid: process.pid } });
}
