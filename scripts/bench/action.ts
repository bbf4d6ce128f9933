// The action as a user gets it: dist/ run through the local runner, and the go builds a user would type instead.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { runAction, type RunActionOptions, type RunActionResult } from '../local-runner.js';
import { freshDir, removeTree } from './processes.js';
import { TARGETS, type BenchSetup, type Workload } from './setup.js';

/**
 * Runs dist/ (or, with `actionDir`, another action such as actions/setup-go) through the local runner with a fresh
 * RUNNER_TEMP; a failed step fails the bench with its log.
 */
export async function runBenchAction(
  setup: BenchSetup,
  options: Omit<RunActionOptions, 'actionDir' | 'temp' | 'toolCache'> & {
    toolCache?: string;
    actionDir?: string;
  },
): Promise<RunActionResult> {
  const temp = await freshDir(path.join(setup.scratch, 'runner-temp'));
  try {
    const result = await runAction({
      ...options,
      actionDir: options.actionDir ?? setup.root,
      toolCache: options.toolCache ?? setup.toolCache,
      temp,
    });
    if (!result.success) {
      const logs = result.steps.map(
        (step) => `--- ${step.name} (exit ${step.exitCode})\n${step.stdout}${step.stderr}`,
      );
      throw new Error(
        `The action at ${options.actionDir ?? setup.root} failed:\n${logs.join('\n').slice(-6000)}`,
      );
    }
    return result;
  } finally {
    await removeTree(temp);
  }
}

/**
 * This process's environment without anything a runner would set: run without it, the action stops at its first
 * check (GITHUB_WORKSPACE) with one error line, having loaded its whole bundle and done nothing else.
 */
export function envOutsideRunner(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(GITHUB_|RUNNER_|INPUT_|STATE_|ACTIONS_|NODE_OPTIONS$)/.test(name),
    ),
  );
}

/** The action's inputs for building a workload's 4 targets with the bench toolchain (action defaults otherwise). */
export function buildInputs(
  setup: BenchSetup,
  workload: Workload,
  extra: Record<string, string>,
): Record<string, string> {
  return {
    'go-version': setup.go.version,
    'toolchain-source': 'goproxy',
    'working-directory': '.',
    packages: workload.packagePath,
    targets: TARGETS.join(' '),
    'output-dir': 'bench-out/action',
    ...extra,
  };
}

/** The builds' wall time as the action reports it (its `report` output), after checking every target built. */
export function actionBuildMs(result: RunActionResult): number {
  const report = JSON.parse(result.outputs.report ?? 'null') as {
    targets: unknown[];
    totals: { wallMs: number };
  } | null;
  if (!report || report.targets.length !== TARGETS.length) {
    throw new Error(
      `The action's report lists ${report?.targets.length ?? 'no'} targets, not ${TARGETS.length}`,
    );
  }
  return report.totals.wallMs;
}

/** One target's `go build` as a user would type it, with the action's default flags; env goes on top. */
export function bareBuild(
  workload: Workload,
  target: string,
  outputDir: string,
): { args: string[]; env: Record<string, string> } {
  const [goos = '', goarch = ''] = target.split('/');
  return {
    args: [
      'build',
      '-o',
      path.join(outputDir, `${workload.binaryName}_${goos}_${goarch}`),
      '-trimpath',
      '-buildvcs=false',
      '-ldflags=-s -w',
      workload.packagePath,
    ],
    env: { GOOS: goos, GOARCH: goarch, CGO_ENABLED: '0' },
  };
}

/** Names of the files goreleaser wrote under dist/ (one directory per target). */
export async function goreleaserBinaries(workload: Workload): Promise<string[]> {
  const dist = path.join(workload.dir, 'dist');
  const found: string[] = [];
  for (const entry of await readdir(dist, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const files = await readdir(path.join(dist, entry.name));
    if (files.includes(workload.binaryName)) found.push(`${entry.name}/${workload.binaryName}`);
  }
  return found;
}
