import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSingleProcess } from './single-process.js';
import type { Target } from './types.js';

/**
 * `@y/websocket-server@0.1.1` started through its own `src/server.js` (not a re-wiring of
 * `utils.js`), so it runs with exactly the `ws` (6.x) and settings its authors ship; no
 * persistence, as in its default start.
 */
export const referenceTarget: Target = {
  name: 'reference',
  description: '`@y/websocket-server@0.1.1` `src/server.js` (its own wiring, ws 6, no persistence)',
  start({ nodeFlags }) {
    const manifest = createRequire(import.meta.url).resolve('@y/websocket-server/package.json');
    const entry = path.join(path.dirname(manifest), 'src', 'server.js');
    return startSingleProcess({
      name: 'reference',
      entry,
      cwd: path.dirname(entry),
      speaksYjs: true,
      nodeFlags,
    });
  },
};

/** The raw `ws` relay of `raw-ws-server.ts`: the minimum cost of moving the same bytes. */
export const rawWsTarget: Target = {
  name: 'raw-ws',
  description: 'plain `ws` 8 relay of every message to the other connections of the path (the floor)',
  start({ nodeFlags }) {
    const entry = fileURLToPath(new URL('./raw-ws-server.ts', import.meta.url));
    return startSingleProcess({
      name: 'raw-ws',
      entry,
      cwd: path.dirname(entry),
      speaksYjs: false,
      nodeFlags,
    });
  },
};
