// Rows 5 and 6: cross-building 4 targets with an empty build cache by the action, beside goreleaser building the
// same targets with the same flags (row 5), and beside the CPU-bound limit of those builds on this machine: the
// CPU seconds the bare `go build`s of the same targets spend, divided by the cores (row 6).
import { readFile, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { mapPool } from '../../../src/io/build/run.js';
import { actionBuildMs, bareBuild, buildInputs, goreleaserBinaries, runBenchAction } from '../action.js';
import { runsFor, type BenchOptions } from '../options.js';
import { freshDir, interleave, log, mustRun, removeTree, samplesOf, type Step } from '../processes.js';
import { rowResult, type RowResult } from '../report.js';
import { GORELEASER, TARGETS, warmGocacheDir, type BenchSetup } from '../setup.js';

/** GNU time's `-f` format: user and system CPU seconds of the command and the children it waited for. */
const CPU_FORMAT = '%U %S';

/** User + system CPU of one finished command, in ms, from the file `time -o` wrote. */
export function parseCpuMs(text: string): number {
  const match = /^(\d+(?:\.\d+)?) (\d+(?:\.\d+)?)$/m.exec(text);
  if (!match) throw new Error(`/usr/bin/time wrote no "user system" line: ${JSON.stringify(text)}`);
  return (Number(match[1]) + Number(match[2])) * 1000;
}

export async function measureColdBuilds(setup: BenchSetup, options: BenchOptions): Promise<RowResult[]> {
  const want = { goreleaser: options.rows.has(5), cpuLimit: options.rows.has(6) };
  if (!want.goreleaser && !want.cpuLimit) return [];
  const workload = setup.workload;
  const runs = runsFor(options, 3);
  const cores = os.availableParallelism();
  const work = path.join(setup.scratch, `cold-${workload.name}`);
  const gocache = path.join(work, 'gocache');
  const outputs = path.join(workload.dir, 'bench-out');

  const steps: Step[] = [
    {
      name: 'action, empty GOCACHE',
      run: async (sample) => {
        const result = await runBenchAction(setup, {
          workspace: workload.dir,
          inputs: buildInputs(setup, workload, { cache: 'false' }),
          env: { ...setup.goEnv, GOCACHE: await freshDir(gocache) },
        });
        const coldBuildMs = actionBuildMs(result);
        // The last filled build cache serves row 7, which would otherwise spend minutes filling its own.
        if (sample === runs - 1) {
          await removeTree(warmGocacheDir(setup, workload));
          await rename(gocache, warmGocacheDir(setup, workload));
        }
        await removeTree(gocache);
        await removeTree(outputs);
        return { actionColdBuildMs: coldBuildMs };
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
  if (want.cpuLimit) {
    steps.push({
      name: `the same go builds under /usr/bin/time, ${cores} at a time, empty GOCACHE`,
      run: async () => {
        const env = { ...setup.goEnv, GOCACHE: await freshDir(gocache) };
        const started = process.hrtime.bigint();
        const cpuMs = await mapPool(TARGETS, cores, async (target) => {
          const build = bareBuild(workload, target, path.join(outputs, 'bare'));
          const timeFile = path.join(work, `cpu-${target.replace('/', '_')}.txt`);
          await mustRun('/usr/bin/time', ['-f', CPU_FORMAT, '-o', timeFile, setup.go.binary, ...build.args], {
            cwd: workload.dir,
            env: { ...env, ...build.env },
          });
          return parseCpuMs(await readFile(timeFile, 'utf8'));
        });
        const bareWallMs = Number(process.hrtime.bigint() - started) / 1e6;
        const totalCpuMs = cpuMs.reduce((sum, ms) => sum + ms, 0);
        await removeTree(gocache);
        await removeTree(outputs);
        return { cpuBoundLimitMs: totalCpuMs / cores, bareCpuMs: totalCpuMs, bareWallMs };
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
          b: { label: `Σ CPU (user + sys) of the bare go builds / ${cores} cores`, unit: 'ms' },
          goal: { kind: 'max', value: 1.05 },
          notes: [
            ...sharedNote,
            `B is the least wall time ${cores} fully used cores could take for that work: each target's go build (same flags, CGO_ENABLED=0) runs under /usr/bin/time -f '${CPU_FORMAT}', which counts go and the compilers and linker it waited for; the builds run ${cores} at a time from one empty GOCACHE, as the action's do.`,
            'The extra series are the bare builds’ total CPU and their own wall time.',
          ],
        },
        samplesOf(series, 'actionColdBuildMs'),
        samplesOf(series, 'cpuBoundLimitMs'),
        {
          bareCpuMs: { unit: 'ms', samples: samplesOf(series, 'bareCpuMs') },
          bareWallMs: { unit: 'ms', samples: samplesOf(series, 'bareWallMs') },
        },
      ),
    );
  }
  return rows;
}
