// Rows 5 and 6: cross-building 4 targets with an empty build cache by the action, beside goreleaser building the
// same targets with the same flags (row 5), and beside the CPU-bound limit of those builds on this machine: the
// CPU seconds the action's own builds spent, divided by the cores (row 6).
import { rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { actionBuildMs, buildInputs, goreleaserBinaries, runBenchAction } from '../action.js';
import { runsFor, type BenchOptions } from '../options.js';
import { freshDir, interleave, log, mustRun, removeTree, samplesOf, type Step } from '../processes.js';
import { rowResult, type RowResult } from '../report.js';
import { GORELEASER, TARGETS, warmGocacheDir, type BenchSetup } from '../setup.js';
import { mainStepUsage, stepUsagePreload } from '../step-usage.js';

export async function measureColdBuilds(setup: BenchSetup, options: BenchOptions): Promise<RowResult[]> {
  const want = { goreleaser: options.rows.has(5), cpuLimit: options.rows.has(6) };
  if (!want.goreleaser && !want.cpuLimit) return [];
  const workload = setup.workload;
  const runs = runsFor(options, 3);
  const cores = os.availableParallelism();
  const work = path.join(setup.scratch, `cold-${workload.name}`);
  const gocache = path.join(work, 'gocache');
  const outputs = path.join(workload.dir, 'bench-out');
  const preload = await stepUsagePreload(setup.scratch);

  const steps: Step[] = [
    {
      name: 'action, empty GOCACHE',
      run: async (sample) => {
        const usageDir = await freshDir(path.join(work, 'step-usage'));
        const result = await runBenchAction(setup, {
          workspace: workload.dir,
          inputs: buildInputs(setup, workload, { cache: 'false' }),
          env: { ...setup.goEnv, GOCACHE: await freshDir(gocache), ...preload.env(usageDir) },
        });
        const coldBuildMs = actionBuildMs(result);
        const usage = await mainStepUsage(usageDir);
        // The last filled build cache serves row 7, which would otherwise spend minutes filling its own.
        if (sample === runs - 1) {
          await removeTree(warmGocacheDir(setup, workload));
          await rename(gocache, warmGocacheDir(setup, workload));
        }
        await removeTree(gocache);
        await removeTree(outputs);
        return {
          actionColdBuildMs: coldBuildMs,
          cpuBoundLimitMs: usage.childrenCpuMs / cores,
          childrenCpuMs: usage.childrenCpuMs,
          mainStepOwnCpuMs: usage.ownCpuMs,
        };
      },
    },
  ];
  if (want.goreleaser) {
    steps.push({
      name: 'goreleaser build --snapshot --clean, empty GOCACHE',
      run: async () => {
        const env = {
          ...setup.goEnv,
          GOCACHE: await freshDir(gocache),
          PATH: [path.join(setup.go.goroot, 'bin'), process.env.PATH].join(path.delimiter),
        };
        const result = await mustRun(setup.goreleaser as string, ['build', '--snapshot', '--clean'], {
          cwd: workload.dir,
          env,
        });
        const built = await goreleaserBinaries(workload);
        if (built.length !== TARGETS.length) {
          throw new Error(`goreleaser built ${built.join(', ') || 'nothing'}, not ${TARGETS.length} targets`);
        }
        await removeTree(gocache);
        await rm(path.join(workload.dir, 'dist'), { recursive: true, force: true });
        return { goreleaserBuildMs: result.ms };
      },
    });
  }
  log(`Rows 5/6 (${workload.name}): ${runs} run(s), ${steps.length} steps each`);
  let series: Map<string, number[]>;
  try {
    series = await interleave(`5/6 ${workload.name}`, steps, runs);
  } finally {
    await removeTree(work);
  }

  const actionSide = { label: `action's builds, parallel ${cores}`, unit: 'ms' as const };
  const sharedNote = [
    "A is the builds' wall time the action reports (report totals.wallMs), from an empty GOCACHE; the same A samples serve rows 5 and 6. GOMODCACHE is warm on every side.",
    `Workload: ${workload.description}.`,
  ];
  const rows: RowResult[] = [];
  if (want.goreleaser) {
    rows.push(
      rowResult(
        {
          id: '5',
          row: 5,
          title: `Cross-build ${TARGETS.length} targets of ${workload.name}, empty GOCACHE`,
          a: actionSide,
          b: { label: `goreleaser ${GORELEASER.version} build --snapshot --clean`, unit: 'ms' },
          goal: { kind: 'max', value: 1.0 },
          notes: [
            ...sharedNote,
            'B is the whole goreleaser process (its own start-up and git checks included); it builds with its default parallelism (the number of CPUs).',
          ],
        },
        samplesOf(series, 'actionColdBuildMs'),
        samplesOf(series, 'goreleaserBuildMs'),
      ),
    );
  }
  if (want.cpuLimit) {
    rows.push(
      rowResult(
        {
          id: '6',
          row: 6,
          title: `Cross-build ${TARGETS.length} targets of ${workload.name}, empty GOCACHE, against the CPU-bound limit`,
          a: actionSide,
          b: { label: `Σ CPU (user + sys) of the action's go processes / ${cores} cores`, unit: 'ms' },
          goal: { kind: 'max', value: 1.05 },
          notes: [
            ...sharedNote,
            `B is the least wall time ${cores} fully used cores could take for the work of A's own runs: the CPU (user + sys) of every process the action's main step waited for (/proc/self/stat cutime + cstime, recorded by a --require preload as it exits), which holds the go builds with the compilers and linker they ran, and also its go env, go tool dist list, go list and go version.`,
            "The extra series are that children's CPU in all, and the main step's own node CPU (not in B).",
          ],
        },
        samplesOf(series, 'actionColdBuildMs'),
        samplesOf(series, 'cpuBoundLimitMs'),
        {
          childrenCpuMs: { unit: 'ms', samples: samplesOf(series, 'childrenCpuMs') },
          mainStepOwnCpuMs: { unit: 'ms', samples: samplesOf(series, 'mainStepOwnCpuMs') },
        },
      ),
    );
  }
  return rows;
}
