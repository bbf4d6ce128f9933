import * as core from '../io/log.js';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { planFatLayout, readMachOCpu, type FatLayout } from '../core/binary/fat.js';
import { inspectBinaryFile, readFileStart } from '../io/binary/inspect-file.js';
import { UNIVERSAL_GOARCH, universalResult, type UniversalPlan } from '../core/build/universal.js';
import { confinedDirectory, placeFile, type ConfineOptions } from '../io/platform/confine.js';
import type { FailedBuild, TargetResult } from '../core/report/report.js';

// The layout comes from binary/fat.ts; this only streams the bytes.
async function* fatBytes(layout: FatLayout, thinFiles: string[]): AsyncGenerator<Uint8Array> {
  yield layout.header;
  let written = layout.header.length;
  for (const slice of layout.slices) {
    yield new Uint8Array(slice.offset - written);
    for await (const chunk of createReadStream(thinFiles[slice.input] as string)) yield chunk as Buffer;
    written = slice.offset + slice.sizeBytes;
  }
}

/**
 * Writes `output`, a new file, as a universal binary holding `thinFiles` (thin Mach-O executables), laid out as
 * lipo lays them out.
 */
export async function writeFatMachO(output: string, thinFiles: string[]): Promise<FatLayout> {
  const thin = await Promise.all(
    thinFiles.map(async (file) => {
      try {
        return { ...readMachOCpu(await readFileStart(file, 12)), sizeBytes: (await stat(file)).size };
      } catch (error) {
        throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
      }
    }),
  );
  const layout = planFatLayout(thin);
  await pipeline(
    Readable.from(fatBytes(layout, thinFiles)),
    createWriteStream(output, { flags: 'wx', mode: 0o755 }),
  );
  const { size } = await stat(output);
  if (size !== layout.totalBytes) {
    throw new Error(`wrote ${size} bytes, expected ${layout.totalBytes}: a slice changed while it was read`);
  }
  return layout;
}

/** Where a built file's report row says it is. */
function reportPath(workspace: string, file: string): string {
  return path.relative(workspace, file).split(path.sep).join('/');
}

/**
 * Writes each planned universal binary from the thin darwin builds that succeeded, and reads it back for its
 * report row. Like go's builds, each is written in a private directory and then moved to its place through
 * real directories only. A universal binary whose slices did not build, or that does not read back as made of
 * them, is a failed build of its own.
 */
export async function writeUniversalBinaries(
  plans: UniversalPlan[],
  thin: TargetResult[],
  where: { workspace: string; outputDir: string } & Omit<ConfineOptions, 'input'>,
): Promise<{ targets: TargetResult[]; failures: FailedBuild[] }> {
  const targets: TargetResult[] = [];
  const failures: FailedBuild[] = [];
  if (plans.length === 0) return { targets, failures };
  const fail = (plan: UniversalPlan, reason: string) => {
    core.error(reason);
    failures.push({ package: plan.package, goos: 'darwin', goarch: UNIVERSAL_GOARCH, reason });
  };
  const outputRoot = await confinedDirectory(where.outputDir, { ...where, input: 'output-dir' });
  const staging = await mkdtemp(path.join(outputRoot, '.setup-go-arm64-universal-'));
  try {
    for (const [index, plan] of plans.entries()) {
      const built = (job: { output: string }) =>
        thin.some((t) => t.path === reportPath(where.workspace, job.output));
      const missing = plan.slices.filter((job) => !built(job));
      if (missing.length > 0) {
        fail(
          plan,
          `${plan.label} not written: ${missing.map((job) => job.label).join(' and ')} did not build`,
        );
        continue;
      }
      const started = Date.now();
      try {
        const staged = path.join(staging, String(index));
        await writeFatMachO(
          staged,
          plan.slices.map((job) => job.output),
        );
        const file = { path: reportPath(where.workspace, plan.output), buildMs: Date.now() - started };
        const checked = universalResult(plan, await inspectBinaryFile(staged), thin, file);
        if ('problems' in checked) {
          fail(
            plan,
            `${file.path} is not the universal binary of its slices: ${checked.problems.join('; ')}`,
          );
          continue;
        }
        await placeFile(staged, outputRoot, path.relative(where.outputDir, plan.output));
        core.info(`Wrote ${file.path} (${checked.result.arch}) in ${file.buildMs} ms`);
        targets.push(checked.result);
      } catch (error) {
        fail(plan, `${plan.label} not written: ${(error as Error).message}`);
      }
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return { targets, failures };
}
