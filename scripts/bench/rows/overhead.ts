// Row 7: the whole action (toolchain in the tool cache, caches off, warm GOCACHE) beside the bare `go build`s it
// runs, in parallel with the same warm cache: what the action itself costs on top of the builds, in milliseconds.
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { mapPool } from '../../../src/io/build/run.js';
import { bareBuild, buildInputs, runBenchAction } from '../action.js';
import { runsFor, type BenchOptions } from '../options.js';
import { interleave, log, mustRun, removeTree, samplesOf, type Step } from '../processes.js';
import { rowResult, type RowResult } from '../report.js';
import { TARGETS, warmGocacheDir, type BenchSetup } from '../setup.js';

export async function measureOverhead(setup: BenchSetup, options: BenchOptions): Promise<RowResult[]> {
  if (!options.rows.has(7)) return [];
  const workload = setup.workload;
  const runs = runsFor(options, 5);
  const cores = os.availableParallelism();
  // Filled by the cold-build rows when they ran; otherwise the warm-up below fills it.
  const gocache = warmGocacheDir(setup, workload);
  await mkdir(gocache, { recursive: true });
  const env = { ...setup.goEnv, GOCACHE: gocache };
  const outputs = path.join(workload.dir, 'bench-out');

  const action: Step = {
    name: 'whole action: main + post, caches off, warm GOCACHE',
    run: async () => {
      const result = await runBenchAction(setup, {
        workspace: workload.dir,
        inputs: buildInputs(setup, workload, { cache: 'false' }),
        env,
      });
      if (!result.steps[0]?.stdout.includes('already in the tool cache')) {
        throw new Error(`The action did not take Go ${setup.go.version} from the tool cache`);
      }
      await removeTree(outputs);
      return { actionMs: result.steps.reduce((sum, step) => sum + step.durationMs, 0) };
    },
  };
  const bare: Step = {
    name: `the same go builds, ${cores} at a time, warm GOCACHE`,
    run: async () => {
      const started = process.hrtime.bigint();
      await mapPool(TARGETS, cores, async (target) => {
        const build = bareBuild(workload, target, path.join(outputs, 'bare'));
        await mustRun(setup.go.binary, build.args, { cwd: workload.dir, env: { ...env, ...build.env } });
      });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      await removeTree(outputs);
      return { bareMs: ms };
    },
  };

  log(`Row 7 (${workload.name}): one warm-up of each side, then ${runs} run(s)`);
  // Fills the build cache (unless the cold-build rows left theirs) and the page cache for both sides; not counted.
  await interleave(`7 ${workload.name} warm-up`, [bare, action], 1);
  const series = await interleave(`7 ${workload.name}`, [action, bare], runs);
  await removeTree(gocache);
  const row = rowResult(
    {
      id: '7',
      row: 7,
      title: `The action's own overhead: ${TARGETS.length} targets of ${workload.name}, warm GOCACHE`,
      a: { label: 'whole action (main + post steps)', unit: 'ms' },
      b: { label: `bare go builds, ${cores} at a time`, unit: 'ms' },
      goal: { kind: 'maxDifference', value: 300, unit: 'ms' },
      notes: [
        'A is both node processes from spawn to exit: resolving the version, finding the toolchain in the tool cache and proving it native (go env), go tool dist list and go list, the builds, reading each binary, the report and the summary.',
        'The figure is median(A) − median(B): what the action adds to the builds. Both sides share one GOCACHE, filled by the cold-build rows (or by an uncounted warm-up), and build into their own output directories.',
        `Workload: ${workload.description}.`,
      ],
    },
    samplesOf(series, 'actionMs'),
    samplesOf(series, 'bareMs'),
  );
  return [row];
}
