// Bundle budget: the JavaScript a person downloads before the event page shows, gzip-compressed,
// must stay within BUDGET_BYTES. Reads Vite's build manifest (build.manifest in vite.config.ts),
// so run it after `vite build`. Exits 1 above the budget, printing the figure either way.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** 250 KB, counted as 250,000 bytes (the stricter reading of "KB"). */
const BUDGET_BYTES = 250_000;
/** The page the budget is about: what a participant opens first, from their invitation. */
const PAGE_MODULE = 'src/events/EventPage.tsx';

const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const manifest = JSON.parse(readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8'));

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
if (!entryKey) throw new Error('The build manifest has no entry chunk.');
if (!manifest[PAGE_MODULE]) throw new Error(`The build manifest has no chunk for ${PAGE_MODULE}.`);

/** A chunk and everything it imports statically (loaded before it runs); dynamic imports are not. */
function withStaticImports(key, into = new Set()) {
  if (into.has(key)) return into;
  into.add(key);
  for (const imported of manifest[key].imports ?? []) withStaticImports(imported, into);
  return into;
}

const chunks = withStaticImports(PAGE_MODULE, withStaticImports(entryKey));
const rows = [...chunks]
  .map((key) => manifest[key].file)
  .filter((file) => file.endsWith('.js'))
  .map((file) => {
    const bytes = readFileSync(path.join(dist, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  })
  .sort((a, b) => b.gzip - a.gzip);

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const total = rows.reduce((sum, row) => sum + row.gzip, 0);
for (const row of rows) {
  process.stdout.write(`${kb(row.gzip).padStart(10)} gzip  ${kb(row.raw).padStart(10)} raw  ${row.file}\n`);
}
const verdict = total <= BUDGET_BYTES ? 'within' : 'OVER';
process.stdout.write(
  `Event page initial JavaScript: ${kb(total)} gzip (${total} bytes), ${verdict} the budget of ${kb(BUDGET_BYTES)}.\n`,
);
if (total > BUDGET_BYTES) process.exit(1);
