// Rows 1 and 8: the action installing a toolchain from the Go module proxy into an empty tool cache, beside the go
// command fetching the same toolchain itself (GOTOOLCHAIN); and the action's peak memory while it does so.
import path from 'node:path';
import { moduleZipUrl, toolchainModule } from '../../../src/core/toolchain/goproxy.js';
import { envOutsideRunner, runBenchAction } from '../action.js';
import { runsFor, type BenchOptions } from '../options.js';
import {
  freshDir,
  interleave,
  log,
  mustRun,
  removeTree,
  samplesOf,
  timeStartup,
  type Step,
} from '../processes.js';
import { rowResult, type RowResult } from '../report.js';
import { benchGoEnv, type BenchSetup } from '../setup.js';
import { mainStepUsage, stepUsagePreload } from '../step-usage.js';

const PROXY = 'https://proxy.golang.org';

/** Size of the toolchain module zip the proxy serves (what both sides download). */
async function archiveBytes(url: string): Promise<number> {
  const response = await fetch(url, { method: 'HEAD' });
  const length = Number(response.headers.get('content-length'));
  if (!response.ok || !Number.isFinite(length) || length <= 0) {
    throw new Error(
      `HEAD ${url}: HTTP ${response.status}, content-length ${response.headers.get('content-length')}`,
    );
  }
  return length;
}

const PHASE_PREFIX = 'action phase ';

/**
 * The main step's own time per phase (resolve, fetch, verify, install, prove), read back from the `Time` row of
 * its job summary (`fetch 1.95 s, verify 8.44 s, …`), so a reader sees where A's time goes.
 */
function phaseTimings(summary: string): Record<string, number> {
  const row = /^\| Time \| (.*) \|$/m.exec(summary)?.[1] ?? '';
  const timings: Record<string, number> = {};
  for (const [, phase, value, unit] of row.matchAll(/([\w+]+) (\d+(?:\.\d+)?) (ms|s)\b/g)) {
    timings[`${PHASE_PREFIX}${phase}`] = Number(value) * (unit === 's' ? 1000 : 1);
  }
  return timings;
}

export async function measureToolchainFetch(setup: BenchSetup, options: BenchOptions): Promise<RowResult[]> {
  const wantInstall = options.rows.has(1);
  const wantMemory = options.rows.has(8);
  if (!wantInstall && !wantMemory) return [];
  const runs = runsFor(options, 3);
  const version = setup.go.version;
  const module = toolchainModule(version, setup.go.hostOs, setup.go.hostArch);
  const zipBytes = await archiveBytes(moduleZipUrl(PROXY, module));

  const goOnPath = (
    await mustRun('go', ['env', 'GOVERSION'], { cwd: setup.scratch, env: benchGoEnv({}) })
  ).stdout.trim();
  if (wantInstall && goOnPath === `go${version}`) {
    throw new Error(
      `The go on PATH is go${version} itself, so GOTOOLCHAIN=go${version} would fetch nothing to compare with`,
    );
  }

  const preload = await stepUsagePreload(setup.scratch);
  const work = path.join(setup.scratch, 'toolchain-fetch');

  const steps: Step[] = [
    {
      name: 'action: setup only, empty tool cache, toolchain-source goproxy',
      run: async () => {
        const usageDir = await freshDir(path.join(work, 'step-usage'));
        const gopath = await freshDir(path.join(work, 'action-gopath'));
        try {
          const result = await runBenchAction(setup, {
            workspace: await freshDir(path.join(work, 'workspace')),
            toolCache: await freshDir(path.join(work, 'toolcache')),
            inputs: { 'go-version': version, 'toolchain-source': 'goproxy', cache: 'false', targets: '' },
            env: {
              ...setup.goEnv,
              GOPATH: gopath,
              GOMODCACHE: path.join(gopath, 'pkg', 'mod'),
              ...(wantMemory ? preload.env(usageDir) : {}),
            },
            skipPost: true,
          });
          const main = result.steps[0];
          if (!main || !main.stdout.includes(`Verified ${module.path}@${module.version}`)) {
            throw new Error(
              `The action did not fetch and verify ${module.path}@${module.version}:\n${main?.stdout}`,
            );
          }
          return {
            actionInstallMs: main.durationMs,
            ...phaseTimings(result.summary),
            ...(wantMemory ? { actionPeakRssBytes: (await mainStepUsage(usageDir)).peakRssBytes } : {}),
          };
        } finally {
          await removeTree(work);
        }
      },
    },
  ];
  if (wantMemory) {
    steps.push({
      name: 'the same bundle stopping at its first check (memory floor)',
      run: async () => {
        const usageDir = await freshDir(path.join(work, 'step-usage'));
        try {
          // Spawned as it is, not through runCommand, whose allowlisted child environment drops NODE_OPTIONS.
          await timeStartup(process.execPath, [path.join(setup.root, 'dist', 'setup', 'index.js')], {
            ...envOutsideRunner(),
            ...preload.env(usageDir),
          });
          return { bundleFloorPeakRssBytes: (await mainStepUsage(usageDir)).peakRssBytes };
        } finally {
          await removeTree(work);
        }
      },
    });
  }
  if (wantInstall) {
    steps.push({
      name: `GOTOOLCHAIN=go${version} go version, empty GOPATH and GOMODCACHE`,
      run: async () => {
        const gopath = await freshDir(path.join(work, 'go-gopath'));
        try {
          const result = await mustRun('go', ['version'], {
            cwd: setup.scratch,
            env: benchGoEnv({
              GOTOOLCHAIN: `go${version}`,
              GOPROXY: PROXY,
              GOPATH: gopath,
              GOMODCACHE: path.join(gopath, 'pkg', 'mod'),
              GOCACHE: path.join(gopath, 'cache'),
            }),
          });
          if (!result.stdout.startsWith(`go version go${version} `)) {
            throw new Error(`GOTOOLCHAIN=go${version} go version printed ${result.stdout}`);
          }
          return { goFetchMs: result.ms };
        } finally {
          await removeTree(work);
        }
      },
    });
  }

  log(
    `Rows 1/8: ${runs} run(s); the proxy serves ${module.version}.zip as ${zipBytes} bytes; go on PATH is ${goOnPath}`,
  );
  const series = await interleave('1/8 toolchain fetch', steps, runs);
  const rows: RowResult[] = [];
  if (wantInstall) {
    rows.push(
      rowResult(
        {
          id: '1',
          row: 1,
          title: `Install Go ${version} from the Go module proxy, cold`,
          a: { label: 'action main step (dist/, local runner)', unit: 'ms' },
          b: { label: `GOTOOLCHAIN=go${version} go version (${goOnPath})`, unit: 'ms' },
          goal: { kind: 'max', value: 0.8 },
          notes: [
            `Both download ${module.path}@${module.version} (${zipBytes} bytes) from ${PROXY} and check it against sum.golang.org; A also proves the toolchain native (go env) and B runs go version.`,
            "A is the main step process from spawn to exit (node start-up included); B the go process likewise. The extra series are A's phases as its job summary reports them.",
          ],
        },
        samplesOf(series, 'actionInstallMs'),
        samplesOf(series, 'goFetchMs'),
        Object.fromEntries(
          [...series]
            .filter(([name]) => name.startsWith(PHASE_PREFIX))
            .map(([name, samples]) => [name, { unit: 'ms' as const, samples }]),
        ),
      ),
    );
  }
  if (wantMemory) {
    rows.push(
      rowResult(
        {
          id: '8',
          row: 8,
          title: `Peak RSS of the main step installing Go ${version} from the Go module proxy`,
          a: { label: 'peak RSS (VmHWM) of dist/setup/index.js', unit: 'bytes' },
          b: { label: 'the same bundle stopping at its first check (floor)', unit: 'bytes' },
          goal: { kind: 'maxValue', value: 100 * 1024 ** 2, unit: 'bytes' },
          notes: [
            "A is the peak resident set (VmHWM in /proc/self/status) of the main step's node process (children such as go env not counted), recorded at exit by a --require preload, in the same runs as row 1. Not resourceUsage().maxRSS, which on Linux starts from the size of the process that spawned it.",
            'B, for context, is the floor: the peak of the same bundle run without the runner variables, stopping at its first check after loading.',
            `The zip it streams is ${zipBytes} bytes.`,
          ],
        },
        samplesOf(series, 'actionPeakRssBytes'),
        samplesOf(series, 'bundleFloorPeakRssBytes'),
      ),
    );
  }
  return rows;
}
