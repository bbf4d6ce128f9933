// Rows 2 and 3: the action beside actions/setup-go as published, both run whole (main and post) through the same
// local runner: installing Go from a local go.dev-shaped mirror into an empty tool cache, and finding it already in
// the tool cache. actions/setup-go is only run, never imported.
import path from 'node:path';
import { REAL_TOOLCHAIN } from '../../../test/support/archives.js';
import { mirrorTree, startServer } from '../../../test/support/real-servers.js';
import type { RunActionResult } from '../../local-runner.js';
import { runBenchAction } from '../action.js';
import { runsFor, type BenchOptions } from '../options.js';
import { freshDir, interleave, log, removeTree, samplesOf, type Step } from '../processes.js';
import { rowResult, type RowResult } from '../report.js';
import type { BenchSetup } from '../setup.js';

const SERVER = 'python-http.server';

function wholeActionMs(result: RunActionResult): number {
  return result.steps.reduce((sum, step) => sum + step.durationMs, 0);
}

/** Fails the bench when a run's log lacks the line proving it did what the row says. */
function expectLog(who: string, result: RunActionResult, line: string): void {
  const log = result.steps.map((step) => step.stdout).join('\n');
  if (!log.includes(line)) throw new Error(`${who} did not log "${line}":\n${log.slice(-3000)}`);
}

/** Both actions' steps for one tool cache: `inputs` on top of what each needs to install Go without a cache. */
function sideBySide(
  setup: BenchSetup,
  work: string,
  what: {
    name: string;
    toolCache: () => Promise<string>;
    ours: Record<string, string>;
    theirs: Record<string, string>;
  },
  expected: { ours: string; theirs: string },
  series: { ours: string; theirs: string },
): Step[] {
  const side = (
    who: string,
    actionDir: string | undefined,
    inputs: Record<string, string>,
    line: string,
    seriesName: string,
  ): Step => ({
    name: `${who}, ${what.name}`,
    run: async () => {
      try {
        const result = await runBenchAction(setup, {
          ...(actionDir ? { actionDir } : {}),
          workspace: await freshDir(path.join(work, 'workspace')),
          toolCache: await what.toolCache(),
          inputs: { 'go-version': setup.go.version, cache: 'false', ...inputs },
          env: setup.goEnv,
        });
        expectLog(who, result, line);
        return { [seriesName]: wholeActionMs(result) };
      } finally {
        await removeTree(path.join(work, 'workspace'));
      }
    },
  });
  return [
    side('the action', undefined, { targets: '', ...what.ours }, expected.ours, series.ours),
    // Its token default is an expression the local runner does not evaluate; a local run has no token.
    side('actions/setup-go', setup.setupGoDir, { token: '', ...what.theirs }, expected.theirs, series.theirs),
  ];
}

async function measureMirror(setup: BenchSetup, options: BenchOptions): Promise<RowResult> {
  // Two installs of about 25 s each per sample: two samples keep the whole bench within its 15 minutes.
  const runs = runsFor(options, 2);
  const tree = await mirrorTree();
  const server = await startServer(SERVER, tree.root);
  const work = path.join(setup.scratch, 'mirror');
  const baseUrl = `${server.baseUrl}/dl`;
  try {
    const steps = sideBySide(
      setup,
      work,
      {
        name: `empty tool cache, go.dev-shaped mirror on ${SERVER}`,
        toolCache: () => freshDir(path.join(work, 'toolcache')),
        ours: { 'toolchain-source': 'go.dev', 'go-download-base-url': baseUrl },
        theirs: { 'go-download-base-url': baseUrl },
      },
      {
        ours: `Downloading ${baseUrl}/${REAL_TOOLCHAIN.goDevFilename}`,
        theirs: `Acquiring go${setup.go.version} from ${baseUrl}/${REAL_TOOLCHAIN.goDevFilename}`,
      },
      { ours: 'actionMirrorMs', theirs: 'setupGoMirrorMs' },
    );
    log(`Row 2: ${runs} run(s) against ${baseUrl}`);
    const series = await interleave('2 mirror', steps, runs);
    return rowResult(
      {
        id: '2',
        row: 2,
        title: `Install Go ${setup.go.version} from a go.dev-shaped mirror, empty tool cache`,
        a: { label: 'action, main + post (toolchain-source go.dev)', unit: 'ms' },
        b: { label: 'actions/setup-go, main + post (go-download-base-url)', unit: 'ms' },
        goal: { kind: 'max', value: 0.6 },
        notes: [
          `Both download ${REAL_TOOLCHAIN.goDevFilename} and its index (/dl/?mode=json&include=all) from python3 -m http.server on 127.0.0.1 into an empty tool cache, with cache: false.`,
          "A runs with its defaults: it checks the tarball's sha256 against the index and its files' h1: hash against sum.golang.org (over the network), and proves the toolchain native. B checks nothing, extracts with tar and copies the tree into the tool cache.",
          'Each side is both node processes from spawn to exit, through scripts/local-runner.ts.',
        ],
      },
      samplesOf(series, 'actionMirrorMs'),
      samplesOf(series, 'setupGoMirrorMs'),
    );
  } finally {
    await server.stop();
    await removeTree(tree.root);
    await removeTree(work);
  }
}

async function measureToolCacheHit(setup: BenchSetup, options: BenchOptions): Promise<RowResult> {
  const runs = runsFor(options, 5);
  const work = path.join(setup.scratch, 'tool-cache-hit');
  const steps = sideBySide(
    setup,
    work,
    {
      name: `Go ${setup.go.version} already in the tool cache`,
      toolCache: async () => setup.toolCache,
      ours: { 'toolchain-source': 'goproxy' },
      theirs: {},
    },
    { ours: 'already in the tool cache', theirs: 'Found in cache @' },
    { ours: 'actionCachedMs', theirs: 'setupGoCachedMs' },
  );
  log(`Row 3: ${runs} run(s) on ${setup.toolCache}`);
  const series = await interleave('3 tool cache', steps, runs);
  await removeTree(work);
  return rowResult(
    {
      id: '3',
      row: 3,
      title: `Go ${setup.go.version} already in the tool cache`,
      a: { label: 'action, main + post', unit: 'ms' },
      b: { label: 'actions/setup-go, main + post', unit: 'ms' },
      goal: { kind: 'max', value: 0.8 },
      notes: [
        `The same tool cache for both (${path.basename(setup.toolCache)}/go/${setup.go.version}/x64, installed by the action with the .complete marker @actions/tool-cache looks for), cache: false, no targets.`,
        'A proves the cached toolchain native (go env) before it uses it; B runs go version and go env.',
      ],
    },
    samplesOf(series, 'actionCachedMs'),
    samplesOf(series, 'setupGoCachedMs'),
  );
}

export async function measureSetupGoRows(setup: BenchSetup, options: BenchOptions): Promise<RowResult[]> {
  const rows: RowResult[] = [];
  if (options.rows.has(2)) rows.push(await measureMirror(setup, options));
  if (options.rows.has(3)) rows.push(await measureToolCacheHit(setup, options));
  return rows;
}
