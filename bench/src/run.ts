/**
 * `pnpm bench`: every scenario of issue 3 item 8 (and issue 4's hands) against every available
 * target in one run; writes docs/BENCHMARKS.md and bench/results/latest.json.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { describeMachine, BENCH_DIR, REPO_DIR } from './machine.js';
import { parseOptions } from './options.js';
import { evaluateGoals } from './report/goals.js';
import { renderMarkdown, type RunReport } from './report/markdown.js';
import { runAll } from './runner.js';

const LATEST_JSON = path.join(BENCH_DIR, 'results', 'latest.json');
const BENCHMARKS_MD = path.join(REPO_DIR, 'docs', 'BENCHMARKS.md');
const DEV_JSON = path.join(BENCH_DIR, 'results', 'dev.json');
const DEV_MD = path.join(BENCH_DIR, 'results', 'dev.md');

function readAnalysis(): Promise<string | null> {
  return fs.readFile(path.join(BENCH_DIR, 'ANALYSIS.md'), 'utf8').catch(() => null);
}

/** Rebuilds the document from the last full run, e.g. after the analysis was edited. */
async function render(): Promise<void> {
  const report = JSON.parse(await fs.readFile(LATEST_JSON, 'utf8')) as RunReport;
  await fs.writeFile(BENCHMARKS_MD, renderMarkdown(report, await readAnalysis()));
  process.stdout.write(
    `Written: ${path.relative(REPO_DIR, BENCHMARKS_MD)} from ${path.relative(REPO_DIR, LATEST_JSON)}\n`,
  );
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const options = parseOptions(argv);
  if ('help' in options) {
    process.stdout.write(`${options.help}\n`);
    return;
  }
  if (options.renderOnly) {
    await render();
    return;
  }
  const machine = describeMachine();
  const started = new Date();
  const log = (line: string): void => {
    const seconds = ((Date.now() - started.getTime()) / 1000).toFixed(0).padStart(4);
    process.stderr.write(`[bench ${seconds}s] ${line}\n`);
  };
  log(`${machine.cpuModel}, ${machine.cores} cores, load ${machine.loadAverageAtStart.join(' ')}`);
  const { scenarios, targets } = await runAll(options, log);
  const finished = new Date();
  const report: RunReport = {
    command: ['pnpm bench', ...argv.filter((a) => a !== '--')].join(' '),
    startedAt: started.toISOString(),
    durationSeconds: Math.round((finished.getTime() - started.getTime()) / 1000),
    machine,
    options,
    targets,
    scenarios,
    goals: evaluateGoals(scenarios),
  };
  const markdown = renderMarkdown(report, await readAnalysis());
  const [jsonFile, markdownFile] = options.write ? [LATEST_JSON, BENCHMARKS_MD] : [DEV_JSON, DEV_MD];
  await fs.mkdir(path.dirname(jsonFile), { recursive: true });
  await fs.writeFile(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  await fs.writeFile(markdownFile, markdown);
  // The one place the bench prints: the report itself.
  process.stdout.write(
    `${markdown}\nWritten: ${path.relative(REPO_DIR, markdownFile)}, ${path.relative(REPO_DIR, jsonFile)}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
