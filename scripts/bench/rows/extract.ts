// Row 4: installing a toolchain from an archive already on disk (the action's checked, streamed extraction and
// atomic install) beside a plain unzip / tar of the same archive.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { extractTarGz } from '../../../src/io/toolchain/extract-tar.js';
import { extractZip } from '../../../src/io/toolchain/extract-zip.js';
import { installAtomically, type ToolchainSlot } from '../../../src/io/toolchain/install.js';
import { goDevTarball, REAL_TOOLCHAIN, toolchainModuleZip } from '../../../test/support/archives.js';
import { runsFor, type BenchOptions } from '../options.js';
import { freshDir, interleave, log, mustRun, removeTree, samplesOf, type Step } from '../processes.js';
import { rowResult, type RowResult } from '../report.js';
import type { BenchSetup } from '../setup.js';

// As the action caps it: no official toolchain expands to anywhere near this.
const MAX_TOOLCHAIN_BYTES = 1024 ** 3;

async function timedInstall(
  toolCache: string,
  populate: (staging: string) => Promise<unknown>,
): Promise<number> {
  const slot: ToolchainSlot = { toolCache, version: REAL_TOOLCHAIN.goVersion, arch: 'x64' };
  const started = process.hrtime.bigint();
  const installed = await installAtomically(slot, { bench: true }, async (staging) => {
    await populate(staging);
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  await stat(path.join(installed.goroot, 'bin', 'go'));
  return ms;
}

export async function measureExtraction(setup: BenchSetup, options: BenchOptions): Promise<RowResult[]> {
  if (!options.rows.has(4)) return [];
  // Each sample writes about 250 MB of files four times (about a minute on 2 cores): two samples keep the whole
  // bench within its 15 minutes, and the four sides of a sample still run back to back.
  const runs = runsFor(options, 2);
  const zip = await toolchainModuleZip();
  const tarball = await goDevTarball();
  const work = path.join(setup.scratch, 'extract');
  const topDirectory = `${REAL_TOOLCHAIN.modulePath}@${REAL_TOOLCHAIN.moduleVersion}`;
  const inFreshDir = (run: (dir: string) => Promise<number>, series: string) => async () => {
    try {
      return { [series]: await run(await freshDir(path.join(work, 'out'))) };
    } finally {
      await removeTree(work);
    }
  };
  const steps: Step[] = [
    {
      name: 'extractZip (module fix-ups) + installAtomically',
      run: inFreshDir(
        (toolCache) =>
          timedInstall(toolCache, (staging) =>
            extractZip({
              zipPath: zip,
              destination: staging,
              topDirectory,
              maxExtractedBytes: MAX_TOOLCHAIN_BYTES,
              moduleFixups: true,
            }),
          ),
        'zipActionMs',
      ),
    },
    {
      name: 'unzip -q',
      run: inFreshDir(
        async (dir) => (await mustRun('unzip', ['-q', zip, '-d', dir], { cwd: dir, env: process.env })).ms,
        'zipPlainMs',
      ),
    },
    {
      name: 'extractTarGz + installAtomically',
      run: inFreshDir(
        (toolCache) =>
          timedInstall(toolCache, (staging) =>
            extractTarGz({
              archivePath: tarball,
              destination: staging,
              topDirectory: 'go',
              maxExtractedBytes: MAX_TOOLCHAIN_BYTES,
            }),
          ),
        'tarActionMs',
      ),
    },
    {
      name: 'tar -xzf',
      run: inFreshDir(
        async (dir) =>
          (await mustRun('tar', ['-xzf', tarball, '-C', dir], { cwd: dir, env: process.env })).ms,
        'tarPlainMs',
      ),
    },
  ];
  const [zipBytes, tarBytes] = [(await stat(zip)).size, (await stat(tarball)).size];
  log(
    `Row 4: ${runs} run(s) on ${path.basename(zip)} (${zipBytes} bytes) and ${path.basename(tarball)} (${tarBytes} bytes)`,
  );
  const series = await interleave('4 extract', steps, runs);
  const notes = [
    'A runs in the bench process (the same code the action bundles); B is the tool as a process. Each sample extracts into an empty directory; the disk is synced between samples.',
  ];
  const rows = [
    {
      id: '4 zip',
      title: `Install from the ${REAL_TOOLCHAIN.moduleVersion} module zip on disk (${(zipBytes / 1024 ** 2).toFixed(0)} MiB)`,
      a: 'extractZip + installAtomically',
      b: 'unzip -q',
      samples: ['zipActionMs', 'zipPlainMs'],
    },
    {
      id: '4 tar.gz',
      title: `Install from ${path.basename(tarball)} on disk (the zip repacked, ${(tarBytes / 1024 ** 2).toFixed(0)} MiB)`,
      a: 'extractTarGz + installAtomically',
      b: 'tar -xzf',
      samples: ['tarActionMs', 'tarPlainMs'],
    },
  ] as const;
  return rows.map(({ id, title, a, b, samples: [aSeries, bSeries] }) =>
    rowResult(
      {
        id,
        row: 4,
        title,
        a: { label: a, unit: 'ms' },
        b: { label: b, unit: 'ms' },
        goal: { kind: 'max', value: 1.0 },
        notes,
      },
      samplesOf(series, aSeries),
      samplesOf(series, bSeries),
    ),
  );
}
