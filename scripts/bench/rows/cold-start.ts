// Row 9: how long the bundled entry point takes to load before it can say anything, beside a bare node.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { envOutsideRunner } from '../action.js';
import { runsFor, type BenchOptions } from '../options.js';
import { interleave, samplesOf, timeStartup, type Step } from '../processes.js';
import { rowResult, type RowResult } from '../report.js';
import type { BenchSetup } from '../setup.js';
import { bundleClosure } from '../../../test/support/bundle-closure.js';

export async function measureColdStart(setup: BenchSetup, options: BenchOptions): Promise<RowResult[]> {
  if (!options.rows.has(9)) return [];
  const runs = runsFor(options, 10);
  const entry = path.join(setup.root, 'dist', 'setup', 'index.js');
  const env = envOutsideRunner();
  const bundle: Step = {
    name: 'node dist/setup/index.js to its first stdout byte',
    run: async () => {
      const timing = await timeStartup(process.execPath, [entry], env);
      if (
        timing.firstByteMs === undefined ||
        !timing.stdout.startsWith('::error::GITHUB_WORKSPACE is not set')
      ) {
        throw new Error(
          `dist/setup/index.js did not stop at its first check: ${JSON.stringify(timing.stdout.slice(0, 300))}`,
        );
      }
      return { bundleFirstLineMs: timing.firstByteMs, bundleExitMs: timing.exitMs };
    },
  };
  const bare: Step = {
    name: 'node -e 0 to exit',
    run: async () => {
      const timing = await timeStartup(process.execPath, ['-e', '0'], env);
      if (timing.exitCode !== 0) throw new Error(`node -e 0 exited with ${timing.exitCode}`);
      return { bareNodeMs: timing.exitMs };
    },
  };
  // The first spawn of each pays for reading the files from disk; not counted.
  await interleave('9 warm-up', [bundle, bare], 1);
  const series = await interleave('9 cold start', [bundle, bare], runs);
  const bundleBytes = await staticallyLoadedBytes(entry);
  return [
    rowResult(
      {
        id: '9',
        row: 9,
        title: `Cold start of dist/setup/index.js (${(bundleBytes / 1024 ** 2).toFixed(1)} MiB of code loaded at start)`,
        a: { label: 'spawn to first log line', unit: 'ms' },
        b: { label: 'node -e 0, spawn to exit', unit: 'ms' },
        goal: { kind: 'max', value: 1.5 },
        notes: [
          `${process.execPath} ${process.version}. The first line is the action's own error for a missing GITHUB_WORKSPACE, printed once the bundle has loaded.`,
        ],
      },
      samplesOf(series, 'bundleFirstLineMs'),
      samplesOf(series, 'bareNodeMs'),
      { bundleExitMs: { unit: 'ms', samples: samplesOf(series, 'bundleExitMs') } },
    ),
  ];
}

/** The bytes node reads and compiles before the entry's first line: the entry and its static chunks. */
async function staticallyLoadedBytes(entry: string): Promise<number> {
  const sizes = await Promise.all(
    (await bundleClosure(entry)).atStart.map(async (file) => (await stat(file)).size),
  );
  return sizes.reduce((sum, size) => sum + size, 0);
}
