// `npm run bench`: every performance claim of the action measured beside what a user would run instead, in the
// same run, interleaved (A, B, A, B…) so the rest of the machine's load falls on both sides. Prints a markdown
// table on stdout (progress goes to stderr) and writes the raw samples to bench/results.json.
// Flags: --rows 3,5 (a subset), --runs N (samples per side), --quick (one sample, to check the bench itself),
// --setup-go DIR (actions/setup-go as published, for rows 2 and 3). Row 10 is the bench's own wall time.
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { commitFacts, machineFacts } from './bench/machine.js';
import {
  ALL_ROWS,
  parseBenchArgs,
  SETUP_GO_ROWS,
  USAGE,
  UsageError,
  type BenchOptions,
} from './bench/options.js';
import { log, removeTree } from './bench/processes.js';
import { renderTable, rowResult, type RowResult } from './bench/report.js';
import { measureColdBuilds } from './bench/rows/cold-builds.js';
import { measureColdStart } from './bench/rows/cold-start.js';
import { measureExtraction } from './bench/rows/extract.js';
import { measureOverhead } from './bench/rows/overhead.js';
import { measureSetupGoRows } from './bench/rows/setup-go.js';
import { measureToolchainFetch } from './bench/rows/toolchain-fetch.js';
import { GOJQ, GORELEASER, prepareBench, TARGETS, type BenchSetup } from './bench/setup.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsFile = path.join(root, 'bench', 'results.json');
/** What the whole bench should take on a 2-core machine; exceeding it is reported, never hidden. */
const BUDGET_MS = 15 * 60_000;

/** The row that times the bench itself: the whole command, setup included. */
const WALL_TIME_ROW = 10;

/**
 * Each group measures one or more rows; cheap ones first, so a broken bench fails early. The cold builds come
 * before row 7, which reuses the build cache they filled.
 */
const GROUPS: {
  rows: number[];
  measure: (setup: BenchSetup, options: BenchOptions) => Promise<RowResult[]>;
}[] = [
  { rows: [9], measure: measureColdStart },
  { rows: [2, 3], measure: measureSetupGoRows },
  { rows: [4], measure: measureExtraction },
  { rows: [1, 8], measure: measureToolchainFetch },
  { rows: [5, 6], measure: measureColdBuilds },
  { rows: [7], measure: measureOverhead },
];

/**
 * Row 10 from the bench's duration. Its goal holds only for a full run (every other row, the default samples);
 * a subset or --quick says how long it took and nothing more.
 */
function wallTimeRow(options: BenchOptions, durationMs: number, setupMs: Record<string, number>): RowResult {
  const full = !options.quick && options.runs === undefined && ALL_ROWS.every((row) => options.rows.has(row));
  const ran = [...options.rows].filter((row) => row !== WALL_TIME_ROW);
  return rowResult(
    {
      id: String(WALL_TIME_ROW),
      row: WALL_TIME_ROW,
      title: full
        ? 'npm run bench, all rows'
        : `npm run bench, rows ${ran.join(', ')}${options.quick ? ', --quick' : ''}`,
      a: { label: 'wall time, setup included', unit: 'ms' },
      goal: full ? { kind: 'maxValue', value: BUDGET_MS, unit: 'ms' } : { kind: 'report' },
      notes: [
        `From start to the table, setup included (${JSON.stringify(setupMs)} ms); a fresh clone's first run also builds goreleaser.`,
        ...(full
          ? []
          : ['Not every row ran with its default samples, so the 15-minute goal does not apply.']),
      ],
    },
    [durationMs],
    undefined,
  );
}

async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) process.stderr.write(`${error.message}\n\n`);
    process.stderr.write(USAGE);
    return error.message ? 2 : 0;
  }

  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const machine = await machineFacts(root);
  const commit = await commitFacts(root);
  log(
    `Bench of rows ${[...options.rows].join(', ')} on ${machine.cores} cores (${machine.cpuModel}), load ${machine.loadAverageStart.map((l) => l.toFixed(2)).join(' ')}`,
  );

  const setup = await prepareBench(root, {
    goreleaser: options.rows.has(5),
    setupGoDir: SETUP_GO_ROWS.some((row) => options.rows.has(row)) ? options.setupGoDir : undefined,
  });
  const rows: RowResult[] = [];
  const groupMs: Record<string, number> = {};
  try {
    for (const group of GROUPS) {
      if (!group.rows.some((row) => options.rows.has(row))) continue;
      const groupStarted = Date.now();
      rows.push(...(await group.measure(setup, options)));
      groupMs[group.rows.join('/')] = Date.now() - groupStarted;
      log(`Rows ${group.rows.join('/')} took ${((Date.now() - groupStarted) / 1000).toFixed(0)} s`);
    }
  } finally {
    await removeTree(setup.scratch);
  }
  const durationMs = Date.now() - started;
  if (options.rows.has(WALL_TIME_ROW)) rows.push(wallTimeRow(options, durationMs, setup.setupMs));
  rows.sort((a, b) => a.row - b.row);

  const loadAverageEnd = os.loadavg();
  const results = {
    startedAt,
    finishedAt: new Date().toISOString(),
    durationMs,
    budgetMs: BUDGET_MS,
    options: {
      rows: [...options.rows],
      runs: options.runs ?? 'per row',
      quick: options.quick,
      setupGo: setup.setupGoDir ?? null,
    },
    machine: { ...machine, loadAverageEnd },
    commit,
    versions: {
      go: setup.go.version,
      goOnPath: machine.goOnPath,
      node: process.version,
      goreleaser: `${GORELEASER.module}@${GORELEASER.version}`,
      gojq: `${GOJQ.module}@${GOJQ.version}`,
      targets: TARGETS,
    },
    setupMs: setup.setupMs,
    groupMs,
    rows,
    verdicts: {
      meets: rows.filter((row) => row.verdict === 'meets').map((row) => row.id),
      misses: rows.filter((row) => row.verdict === 'misses').map((row) => row.id),
      report: rows.filter((row) => row.verdict === 'report').map((row) => row.id),
    },
  };
  await mkdir(path.dirname(resultsFile), { recursive: true });
  await writeFile(resultsFile, JSON.stringify(results, null, 2) + '\n');

  const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(' ');
  process.stdout.write(renderTable(rows));
  process.stdout.write(
    `\n${machine.cores} cores (${machine.cpuModel}), ${(machine.totalMemoryBytes / 1024 ** 3).toFixed(0)} GiB; ` +
      `Go ${setup.go.version} builds, node ${process.version}; load average ${load(machine.loadAverageStart)} at start, ` +
      `${load(loadAverageEnd)} at end; ${options.quick ? 'quick (1 sample per side); ' : ''}` +
      `${(durationMs / 60_000).toFixed(1)} min in all; commit ${commit.sha?.slice(0, 12) ?? 'unknown'}${commit.dirty ? ' (dirty tree)' : ''}. ` +
      `Raw samples: ${path.relative(process.cwd(), resultsFile)}.\n`,
  );
  if (durationMs > BUDGET_MS) {
    log(
      `The bench took ${(durationMs / 60_000).toFixed(1)} min, over its ${BUDGET_MS / 60_000} min budget (setup: ${JSON.stringify(setup.setupMs)}).`,
    );
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
