// Rows 3, 4 and 5: cross-building 4 targets with an empty build cache, by the action (parallel), by a sequential
// `go build` loop and by goreleaser; and rebuilding with GOCACHE and GOMODCACHE restored from the cache service,
// with the restore itself beside a plain tar -x of the same directories.
import { randomBytes } from 'node:crypto';
import { rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { RestoreResult } from '../../../src/cache/go-caches.js';
import { CACHE_STATE } from '../../../src/state.js';
import { startCacheService, type CacheService } from '../../../test/support/cache-service.js';
import type { RunActionResult } from '../../local-runner.js';
import { actionBuildMs, bareBuild, buildInputs, goreleaserBinaries, runBenchAction } from '../action.js';
import { runsFor, type BenchOptions } from '../options.js';
import { freshDir, interleave, log, mustRun, removeTree, samplesOf, type Step } from '../processes.js';
import { rowResult, type RowResult } from '../report.js';
import { GORELEASER, TARGETS, warmGocacheDir, type BenchSetup, type Workload } from '../setup.js';

const ZSTD_TAR = ['--use-compress-program', 'zstdmt'];

function elapsedMs(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** The cache dirs of the row-5 runs: the cache version hashes their paths, so both runs use the same ones. */
interface CacheDirs {
  parent: string;
  gocache: string;
  gomodcache: string;
}

async function emptyCacheDirs(dirs: CacheDirs): Promise<void> {
  await freshDir(dirs.gocache);
  await freshDir(dirs.gomodcache);
}

function restoredEntries(stateJson: string | undefined): RestoreResult {
  if (!stateJson) throw new Error(`The main step saved no ${CACHE_STATE} state`);
  return (JSON.parse(stateJson) as { restored: RestoreResult }).restored;
}

async function measureWorkload(
  setup: BenchSetup,
  options: BenchOptions,
  workload: Workload,
  cacheService: CacheService | undefined,
): Promise<RowResult[]> {
  const want = {
    loop: options.rows.has(3),
    goreleaser: options.rows.has(4),
    cache: cacheService !== undefined,
  };
  const runs = runsFor(options, 3);
  const work = path.join(setup.scratch, `cold-${workload.name}`);
  const freshGocache = () => freshDir(path.join(work, 'gocache'));
  const cacheDirs: CacheDirs = {
    parent: path.join(work, 'caches'),
    gocache: path.join(work, 'caches', 'gocache'),
    gomodcache: path.join(work, 'caches', 'gomodcache'),
  };
  const cacheArchive = path.join(work, 'caches.tzst');
  let cacheKeyPrefix = '';
  let cacheArchiveBytes = 0;

  // Row 5 needs both caches empty before each run; rows 3 and 4 alone build with the shared warm module cache.
  const actionRun = async (): Promise<RunActionResult> =>
    runBenchAction(setup, {
      workspace: workload.dir,
      inputs: buildInputs(setup, workload, {
        cache: want.cache ? 'true' : 'false',
        ...(want.cache ? { 'cache-key-prefix': cacheKeyPrefix } : {}),
      }),
      env: {
        ...setup.goEnv,
        ...(cacheService?.env ?? {}),
        ...(want.cache
          ? { GOCACHE: cacheDirs.gocache, GOMODCACHE: cacheDirs.gomodcache }
          : { GOCACHE: await freshGocache() }),
      },
    });

  const steps: Step[] = [
    {
      name: want.cache
        ? 'action, empty GOCACHE and GOMODCACHE (run 1, saves the caches)'
        : 'action, empty GOCACHE',
      run: async (sample) => {
        if (want.cache) {
          cacheKeyPrefix = `bench-${randomBytes(4).toString('hex')}`;
          await emptyCacheDirs(cacheDirs);
        }
        const result = await actionRun();
        const coldBuildMs = actionBuildMs(result);
        if (want.cache) {
          const saved = cacheService
            ?.entries()
            .filter((entry) => entry.finalized && entry.key.startsWith(cacheKeyPrefix));
          if (saved?.length !== 2) {
            throw new Error(
              `The post step saved ${saved?.length ?? 0} cache entries, not 2:\n${result.steps.at(-1)?.stdout}`,
            );
          }
          // The directories as saved (after the post step's pruning), packed the way @actions/cache packs them.
          await mustRun(
            'tar',
            ['--posix', '-cf', cacheArchive, ...ZSTD_TAR, '-C', cacheDirs.parent, 'gocache', 'gomodcache'],
            {
              cwd: work,
              env: process.env,
            },
          );
          cacheArchiveBytes = (await stat(cacheArchive)).size;
        }
        const gocache = want.cache ? cacheDirs.gocache : path.join(work, 'gocache');
        // The last filled build cache serves row 6, which would otherwise spend minutes filling its own.
        if (sample === runs - 1) {
          await removeTree(warmGocacheDir(setup, workload));
          await rename(gocache, warmGocacheDir(setup, workload));
        }
        await removeTree(want.cache ? cacheDirs.parent : gocache);
        await removeTree(path.join(workload.dir, 'bench-out'));
        return { actionColdBuildMs: coldBuildMs };
      },
    },
  ];
  if (want.loop) {
    steps.push({
      name: 'go build loop, one target after another, empty GOCACHE',
      run: async () => {
        const env = { ...setup.goEnv, GOCACHE: await freshGocache() };
        const started = process.hrtime.bigint();
        for (const target of TARGETS) {
          const build = bareBuild(workload, target, path.join(workload.dir, 'bench-out', 'loop'));
          await mustRun(setup.go.binary, build.args, { cwd: workload.dir, env: { ...env, ...build.env } });
        }
        const ms = elapsedMs(started);
        await removeTree(path.join(work, 'gocache'));
        await removeTree(path.join(workload.dir, 'bench-out'));
        return { loopBuildMs: ms };
      },
    });
  }
  if (want.goreleaser) {
    steps.push({
      name: 'goreleaser build --snapshot --clean, empty GOCACHE',
      run: async () => {
        const env = {
          ...setup.goEnv,
          GOCACHE: await freshGocache(),
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
        await removeTree(path.join(work, 'gocache'));
        await rm(path.join(workload.dir, 'dist'), { recursive: true, force: true });
        return { goreleaserBuildMs: result.ms };
      },
    });
  }
  if (want.cache) {
    steps.push(
      {
        name: 'action, empty GOCACHE and GOMODCACHE (run 2, restores the caches)',
        run: async () => {
          await emptyCacheDirs(cacheDirs);
          const result = await actionRun();
          const restored = restoredEntries(result.state[CACHE_STATE]);
          const missed = restored.entries.filter((entry) => entry.hit !== 'exact');
          if (restored.entries.length !== 2 || missed.length > 0) {
            throw new Error(
              `Run 2 did not restore both caches exactly: ${JSON.stringify(restored.entries.map((e) => [e.kind, e.hit]))}`,
            );
          }
          await removeTree(cacheDirs.parent);
          await removeTree(path.join(workload.dir, 'bench-out'));
          return {
            actionRestoredBuildMs: actionBuildMs(result),
            actionRestoreMs: restored.entries.reduce((sum, entry) => sum + entry.durationMs, 0),
          };
        },
      },
      {
        name: 'tar -xf of the same caches (zstd)',
        run: async () => {
          await freshDir(cacheDirs.parent);
          const result = await mustRun(
            'tar',
            ['-xf', cacheArchive, '--use-compress-program', 'unzstd', '-C', cacheDirs.parent],
            {
              cwd: work,
              env: process.env,
            },
          );
          await removeTree(work);
          return { tarRestoreMs: result.ms, cacheArchiveBytes };
        },
      },
    );
  }

  log(`Rows 3-5 (${workload.name}): ${runs} run(s), ${steps.length} steps each`);
  let series: Map<string, number[]>;
  try {
    series = await interleave(`3-5 ${workload.name}`, steps, runs);
  } finally {
    await removeTree(work);
  }

  const cores = os.availableParallelism();
  const actionSide = {
    label: `action runBuilds, parallel ${cores}${want.cache ? ' (run 1 of row 5)' : ''}`,
    unit: 'ms' as const,
  };
  const sharedNote = [
    `A is the builds' wall time the action reports (report totals.wallMs); the same A samples serve rows 3 and 4${want.cache ? ' and are the cold runs of row 5' : ''}.`,
    want.cache
      ? "A's run starts with empty GOCACHE and GOMODCACHE (row 5); its go list fills the module cache before the builds start, so the builds see a warm one like B's."
      : 'GOMODCACHE is warm on both sides.',
    `Workload: ${workload.description}.`,
  ];
  const rows: RowResult[] = [];
  if (want.loop) {
    rows.push(
      rowResult(
        {
          id: `3 ${workload.name}`,
          row: 3,
          title: `Cross-build ${TARGETS.length} targets of ${workload.name}, empty GOCACHE`,
          a: actionSide,
          b: { label: 'go build loop, sequential', unit: 'ms' },
          goal: { kind: 'max', value: 0.55 },
          notes: sharedNote,
        },
        samplesOf(series, 'actionColdBuildMs'),
        samplesOf(series, 'loopBuildMs'),
      ),
    );
  }
  if (want.goreleaser) {
    rows.push(
      rowResult(
        {
          id: `4 ${workload.name}`,
          row: 4,
          title: `Cross-build ${TARGETS.length} targets of ${workload.name}, empty GOCACHE`,
          a: actionSide,
          b: { label: `goreleaser ${GORELEASER.version} build --snapshot --clean`, unit: 'ms' },
          goal: { kind: 'max', value: 0.9 },
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
  if (want.cache) {
    rows.push(
      rowResult(
        {
          id: `5 ${workload.name} build`,
          row: 5,
          title: 'Rebuild with GOCACHE and GOMODCACHE restored from the cache',
          a: { label: 'action build, caches restored (run 2)', unit: 'ms' },
          b: { label: 'action build, empty caches (run 1)', unit: 'ms' },
          goal: { kind: 'max', value: 0.2 },
          notes: [
            'Two runs of the whole action (main and post) against the local cache service (azurite behind the Twirp stand-in), a new cache-key-prefix per sample; both start with empty GOCACHE and GOMODCACHE directories.',
          ],
        },
        samplesOf(series, 'actionRestoredBuildMs'),
        samplesOf(series, 'actionColdBuildMs'),
      ),
      rowResult(
        {
          id: `5 ${workload.name} restore`,
          row: 5,
          title: 'Restore GOCACHE and GOMODCACHE',
          a: { label: "action's restore (both entries)", unit: 'ms' },
          b: { label: 'tar -xf x.tzst --use-compress-program unzstd', unit: 'ms' },
          goal: { kind: 'max', value: 1.5 },
          notes: [
            "A is the sum of the two entries' durationMs from the main step's cache state: the cache service round trip, the download from azurite, @actions/cache's tar with zstd, and the action's fingerprint and backdating of GOCACHE.",
            'B extracts one archive of the same two directories as saved, made with tar --posix --use-compress-program zstdmt.',
          ],
        },
        samplesOf(series, 'actionRestoreMs'),
        samplesOf(series, 'tarRestoreMs'),
        { cacheArchiveBytes: { unit: 'bytes', samples: samplesOf(series, 'cacheArchiveBytes') } },
      ),
    );
  }
  return rows;
}

export async function measureColdBuilds(setup: BenchSetup, options: BenchOptions): Promise<RowResult[]> {
  const rows: RowResult[] = [];
  for (const workload of setup.workloads) {
    const withCache = options.rows.has(5) && workload.name === 'hello';
    if (!options.rows.has(3) && !options.rows.has(4) && !withCache) continue;
    const cacheService = withCache ? await startCacheService() : undefined;
    try {
      rows.push(...(await measureWorkload(setup, options, workload, cacheService)));
    } finally {
      await cacheService?.stop();
    }
  }
  return rows;
}
