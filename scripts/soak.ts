// `npm run soak`: installs the real toolchain through the bundled action many times in a row from each kind of
// server this repository did not write (test/support/real-servers.ts) and from the real Go module proxy, while
// busy loops compete for the cores and the action's process is a slow consumer (stopped and continued by
// signals, so it reads its sockets late, as a starved runner does). Each install gets a fresh tool cache and must
// be complete (the installed go runs, its marker is there, nothing is left in staging). Prints successes and
// failures per kind with each failure's first error line, writes the raw results to .soak/, and exits non-zero
// on any failure.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runAction, type RunActionResult } from './local-runner.js';
import { UNSET_MACHINE_ENV } from '../test/support/action-harness.js';
import {
  goDevInputs,
  goproxyInputs,
  installProblems,
  mirrorTree,
  SERVER_KINDS,
  startServer,
  type MirrorTree,
  type RunningServer,
  type ServerKind,
} from '../test/support/real-servers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** One kind of install: where from, and which toolchain path. */
interface SoakKind {
  name: string;
  /** The server not written here that serves it, if one is started locally. */
  server?: ServerKind;
  inputs: (tree: MirrorTree, baseUrl: string) => Record<string, string>;
  /** Installs from the internet: counted by --real-proxy-installs. */
  remote?: boolean;
}

const KINDS: SoakKind[] = [
  ...SERVER_KINDS.flatMap((server) => [
    {
      name: `${server}/go.dev`,
      server,
      inputs: (_tree: MirrorTree, baseUrl: string) => goDevInputs(baseUrl),
    },
    {
      name: `${server}/goproxy`,
      server,
      inputs: (tree: MirrorTree, baseUrl: string) => goproxyInputs(`${baseUrl}/proxy`, tree.toolchainSum),
    },
  ]),
  { name: 'file-goproxy', inputs: (tree) => goproxyInputs(tree.fileProxy, tree.toolchainSum) },
  {
    // The default goproxy input and no toolchain-sum: the hash is checked against sum.golang.org.
    name: 'proxy.golang.org',
    inputs: () => ({ 'go-version': '1.25.4', 'toolchain-source': 'goproxy' }),
    remote: true,
  },
];

const USAGE = `Usage: npm run soak -- [options]
  --installs N             installs per local kind (default 3: about 10 minutes on 2 busy cores)
  --real-proxy-installs N  installs from proxy.golang.org (default: --installs)
  --kinds a,b              kinds to run (default all): ${KINDS.map((kind) => kind.name).join(', ')}
  --busy-loops N           processes spinning on the cores meanwhile (default 2)
  --stutter MS/MS          stop the action's process for the first MS out of every second MS (default 100/300;
                           0/0 turns it off)
  --parallel N             installs running at once, each into its own tool cache (default 1); more at once
                           competes harder for the cores, the disk and the servers
`;

interface SoakOptions {
  installs: number;
  realProxyInstalls: number;
  kinds: SoakKind[];
  busyLoops: number;
  stutter: { stoppedMs: number; periodMs: number };
  parallel: number;
}

class UsageError extends Error {}

function positiveInteger(flag: string, value: string, allowZero = false): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < (allowZero ? 0 : 1))
    throw new UsageError(`${flag} must be a whole number${allowZero ? '' : ' above 0'}, got "${value}"`);
  return parsed;
}

function parseSoakArgs(argv: string[]): SoakOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      installs: { type: 'string', default: '3' },
      'real-proxy-installs': { type: 'string' },
      kinds: { type: 'string' },
      'busy-loops': { type: 'string', default: '2' },
      stutter: { type: 'string', default: '100/300' },
      parallel: { type: 'string', default: '1' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) throw new UsageError('');
  const installs = positiveInteger('--installs', values.installs);
  const names = values.kinds?.split(',').map((name) => name.trim()) ?? KINDS.map((kind) => kind.name);
  const kinds = names.map((name) => {
    const kind = KINDS.find((candidate) => candidate.name === name);
    if (!kind) throw new UsageError(`--kinds: no kind "${name}"`);
    return kind;
  });
  const stutter = /^(\d+)\/(\d+)$/.exec(values.stutter);
  if (!stutter || Number(stutter[1]) > Number(stutter[2]))
    throw new UsageError(
      `--stutter must be STOPPED_MS/PERIOD_MS with STOPPED_MS <= PERIOD_MS, got "${values.stutter}"`,
    );
  return {
    installs,
    realProxyInstalls: positiveInteger(
      '--real-proxy-installs',
      values['real-proxy-installs'] ?? String(installs),
      true,
    ),
    kinds,
    busyLoops: positiveInteger('--busy-loops', values['busy-loops'], true),
    stutter: { stoppedMs: Number(stutter[1]), periodMs: Number(stutter[2]) },
    parallel: positiveInteger('--parallel', values.parallel),
  };
}

/** Busy loops that spin for at most `maxMs` on their own, and are killed when the soak ends. */
function startBusyLoops(count: number, maxMs: number): ChildProcess[] {
  const spin = `const end = Date.now() + ${maxMs}; while (Date.now() < end) {}`;
  return Array.from({ length: count }, () => spawn(process.execPath, ['-e', spin], { stdio: 'ignore' }));
}

/**
 * Makes a step's process a slow consumer: SIGSTOP for `stoppedMs` out of every `periodMs` until it exits, then
 * SIGCONT so it is never left stopped.
 */
function stutter(child: ChildProcess, stoppedMs: number, periodMs: number): void {
  if (stoppedMs === 0) return;
  const signal = (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
  };
  let resumeTimer: NodeJS.Timeout | undefined;
  const timer = setInterval(() => {
    signal('SIGSTOP');
    resumeTimer = setTimeout(() => signal('SIGCONT'), stoppedMs);
  }, periodMs);
  child.once('exit', () => {
    clearInterval(timer);
    clearTimeout(resumeTimer);
  });
}

/** The action's steps running now, killed if the soak is interrupted (they may be stopped by the stutter). */
const runningSteps = new Set<ChildProcess>();

interface InstallRecord {
  kind: string;
  attempt: number;
  success: boolean;
  durationMs: number;
  /** The one-minute load average when the install ended. */
  load: number;
  /** The first line that says what went wrong (an ::error:: message, an uncaught exception, a check). */
  firstError?: string;
  errors: string[];
  problems: string[];
  exitCodes: number[];
}

/** The line a reader needs first: the first ::error::, else the uncaught exception's line, else the exit code. */
function firstErrorLine(result: RunActionResult, problems: string[]): string | undefined {
  const main = result.steps[0];
  const error = main?.commands.find((c) => c.command === 'error')?.message.split('\n')[0];
  if (error) return error;
  const stderr = main?.stderr.split('\n').map((line) => line.trim()) ?? [];
  const thrownAt = stderr.findIndex((line) => /\b\w*Error\b|Uncaught/.test(line));
  if (thrownAt >= 0) {
    // Node's assert prints the failed expression on the lines after "…falsy value:".
    const thrown = stderr[thrownAt]!;
    const next = stderr.slice(thrownAt + 1).find((line) => line !== '');
    return thrown.endsWith(':') && next ? `${thrown} ${next}` : thrown;
  }
  if (main && main.exitCode !== 0)
    return `main exited with ${main.exitCode}: ${main.stderr.trim().split('\n')[0]}`;
  return problems[0];
}

async function installOnce(
  kind: SoakKind,
  attempt: number,
  inputs: Record<string, string>,
  options: SoakOptions,
  scratch: string,
): Promise<InstallRecord> {
  const workspace = await mkdtemp(path.join(scratch, 'ws-'));
  const toolCache = await mkdtemp(path.join(scratch, 'toolcache-'));
  const started = Date.now();
  try {
    const result = await runAction({
      actionDir: root,
      workspace,
      toolCache,
      inputs: { cache: 'false', ...inputs },
      env: UNSET_MACHINE_ENV,
      skipPost: true,
      onStepStart: (name, child) => {
        runningSteps.add(child);
        child.once('exit', () => runningSteps.delete(child));
        if (name === 'main') stutter(child, options.stutter.stoppedMs, options.stutter.periodMs);
      },
    });
    const durationMs = Date.now() - started;
    const problems = result.success ? await installProblems(result.outputs['go-root'], toolCache) : [];
    const success = result.success && problems.length === 0;
    const firstError = success ? undefined : firstErrorLine(result, problems);
    return {
      kind: kind.name,
      attempt,
      success,
      durationMs,
      load: os.loadavg()[0]!,
      ...(firstError ? { firstError } : {}),
      errors: result.steps.flatMap((step) =>
        step.commands.filter((c) => c.command === 'error').map((c) => c.message),
      ),
      problems,
      exitCodes: result.steps.map((step) => step.exitCode),
    };
  } finally {
    await rm(workspace, { recursive: true, force: true });
    await rm(toolCache, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function renderTable(records: InstallRecord[], kinds: SoakKind[]): string {
  const lines = [
    `${'kind'.padEnd(30)} ${'installs'.padStart(8)} ${'ok'.padStart(4)} ${'failed'.padStart(6)} ${'median s'.padStart(9)}`,
  ];
  for (const kind of kinds) {
    const mine = records.filter((record) => record.kind === kind.name);
    if (mine.length === 0) continue;
    const ok = mine.filter((record) => record.success).length;
    const seconds = (median(mine.map((record) => record.durationMs)) / 1000).toFixed(1);
    lines.push(
      `${kind.name.padEnd(30)} ${String(mine.length).padStart(8)} ${String(ok).padStart(4)} ${String(mine.length - ok).padStart(6)} ${seconds.padStart(9)}`,
    );
  }
  const failures = records.filter((record) => !record.success);
  if (failures.length > 0) lines.push('', 'failures (first error line):');
  for (const failure of failures)
    lines.push(`  ${failure.kind} #${failure.attempt}: ${failure.firstError ?? '?'}`);
  return lines.join('\n');
}

async function main(): Promise<number> {
  let options: SoakOptions;
  try {
    options = parseSoakArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError) && !(error instanceof TypeError)) throw error;
    if (error.message) process.stderr.write(`${error.message}\n\n`);
    process.stderr.write(USAGE);
    return error.message ? 2 : 0;
  }

  const startedAt = new Date().toISOString();
  const started = Date.now();
  const outDir = path.join(root, '.soak');
  await mkdir(outDir, { recursive: true });
  const outFile = path.join(outDir, `soak-${startedAt.replace(/[:.]/g, '-')}.json`);
  // Rewritten after every install, so a soak cut short still leaves what it measured.
  const saveResults = (records: InstallRecord[], finished: boolean) =>
    writeFile(
      outFile,
      JSON.stringify(
        {
          startedAt,
          finished,
          wallMs: Date.now() - started,
          cores: os.cpus().length,
          loadAverage: os.loadavg(),
          node: process.env.SETUP_GO_ARM64_NODE || process.execPath,
          options: { ...options, kinds: options.kinds.map((kind) => kind.name) },
          records,
        },
        null,
        2,
      ) + '\n',
    );
  const tree = await mirrorTree();
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'sga-soak-'));
  const servers = new Map<ServerKind, RunningServer>();
  const records: InstallRecord[] = [];
  const planned = (kind: SoakKind) => (kind.remote ? options.realProxyInstalls : options.installs);
  const rounds = Math.max(...options.kinds.map(planned));
  // The loops end on their own after this long even if the soak is killed (ten minutes for each planned
  // install, far beyond any install seen); on a normal end they are killed.
  await saveResults(records, false);
  const plannedInstalls = options.kinds.reduce((sum, kind) => sum + planned(kind), 0);
  const busyLoops = startBusyLoops(options.busyLoops, plannedInstalls * 10 * 60_000);
  // Interrupted (Ctrl-C, a CI timeout): stop the loops and the servers; the results so far are already saved.
  const interrupted = (signal: NodeJS.Signals) => {
    for (const loop of busyLoops) loop.kill('SIGKILL');
    for (const step of runningSteps) step.kill('SIGKILL');
    void Promise.all([...servers.values()].map((server) => server.stop())).finally(() => {
      process.stderr.write(`soak: stopped by ${signal}; results so far in ${path.relative(root, outFile)}\n`);
      process.exit(130);
    });
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    for (const kind of options.kinds) {
      if (kind.server && !servers.has(kind.server))
        servers.set(kind.server, await startServer(kind.server, tree.root));
    }
    process.stderr.write(
      `soak: ${options.kinds.length} kinds, ${options.installs} installs each (${options.realProxyInstalls} from proxy.golang.org), ` +
        `${options.busyLoops} busy loops, ${options.parallel} at once, the action stopped ${options.stutter.stoppedMs} ms of every ${options.stutter.periodMs} ms\n`,
    );
    // Round by round across the kinds, so the machine's other load falls on every kind alike; with --parallel,
    // that many installs of the queue run at once.
    const queue = Array.from({ length: rounds }, (_, index) => index + 1).flatMap((round) =>
      options.kinds.filter((kind) => round <= planned(kind)).map((kind) => ({ kind, round })),
    );
    const worker = async () => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const { kind, round } = job;
        const baseUrl = kind.server ? servers.get(kind.server)!.baseUrl : '';
        const record = await installOnce(kind, round, kind.inputs(tree, baseUrl), options, scratch);
        records.push(record);
        await saveResults(records, false);
        process.stderr.write(
          `${kind.name} #${round}: ${record.success ? 'ok' : `FAILED: ${record.firstError}`} (${(record.durationMs / 1000).toFixed(1)} s, load ${record.load.toFixed(1)})\n`,
        );
      }
    };
    await Promise.all(Array.from({ length: options.parallel }, worker));
  } finally {
    for (const loop of busyLoops) loop.kill('SIGKILL');
    for (const server of servers.values()) await server.stop();
    await rm(scratch, { recursive: true, force: true });
    await rm(tree.root, { recursive: true, force: true });
  }

  const table = renderTable(records, options.kinds);
  process.stdout.write(`${table}\n`);
  await saveResults(records, true);
  process.stdout.write(
    `raw results: ${path.relative(root, outFile)}; wall time ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
  );
  return records.every((record) => record.success) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
