import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { confinedDirectory, placeFile } from '../platform/confine.js';
import { runCommand } from '../platform/process.js';
import type { BuildJob } from '../../core/build/plan.js';

/** Runs `work` over `items` with at most `parallel` at once; results keep the items' order. */
export async function mapPool<T, R>(
  items: readonly T[],
  parallel: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(parallel, items.length)) }, worker));
  return results;
}

export interface JobOutcome {
  job: BuildJob;
  ok: boolean;
  exitCode: number | null;
  /** Combined stdout and stderr of `go build`, in order. */
  output: string;
  buildMs: number;
  /** True when fail-fast stopped the pool before this job started. */
  skipped: boolean;
}

export interface RunBuildsOptions {
  /** Path of the `go` binary to run. */
  goBinary: string;
  cwd: string;
  /** Base environment for every job (the job's own variables go on top). */
  env: NodeJS.ProcessEnv;
  parallel: number;
  failFast: boolean;
  /** The directory every job's output is inside (output-dir); default: the deepest one they share. */
  outputDir?: string;
  /** Directories output-dir may resolve into, symlinks followed; default: `cwd`. */
  roots?: string[];
  /** Directories it must never resolve into (the toolchain's GOROOT). */
  forbidden?: string[];
  /** Called as each job ends, in completion order (logs one group per job). */
  onJobEnd?: (outcome: JobOutcome) => void;
}

/** Runs one planned `go build` with the job's variables on top of `env`. */
export async function runBuildJob(
  job: BuildJob,
  options: Pick<RunBuildsOptions, 'goBinary' | 'cwd' | 'env'>,
): Promise<JobOutcome> {
  const result = await runCommand(options.goBinary, job.args, {
    cwd: options.cwd,
    env: { ...options.env, ...job.env },
  });
  return {
    job,
    ok: result.exitCode === 0,
    exitCode: result.exitCode,
    output: result.output,
    buildMs: result.ms,
    skipped: false,
  };
}

/** The deepest directory that holds all of `dirs` (absolute paths). */
function sharedDirectory(dirs: string[]): string {
  return dirs.reduce((shared, dir) => {
    while (path.relative(shared, dir).startsWith('..')) shared = path.dirname(shared);
    return shared;
  });
}

/** The job with `-o` pointing at `output` instead. */
function writingTo(job: BuildJob, output: string): BuildJob {
  return {
    ...job,
    args: job.args.map((arg, index) => (job.args[index - 1] === '-o' ? output : arg)),
    output,
  };
}

/**
 * Runs build jobs with at most `parallel` at once. Every job runs even after a failure unless `failFast`,
 * so the report can list everything that did build. go writes each binary into a private directory; only then
 * is it moved to its place under output-dir, through real directories only, so no symlink a checkout holds can
 * send a build elsewhere.
 */
export async function runBuilds(jobs: BuildJob[], options: RunBuildsOptions): Promise<JobOutcome[]> {
  if (jobs.length === 0) return [];
  const outputDir = options.outputDir ?? sharedDirectory(jobs.map((job) => path.dirname(job.output)));
  const outputRoot = await confinedDirectory(outputDir, {
    input: 'output-dir',
    roots: options.roots ?? [options.cwd],
    forbidden: options.forbidden ?? [],
  });
  const staging = await mkdtemp(path.join(outputRoot, '.setup-go-arm64-build-'));
  let stop = false;
  try {
    return await mapPool(jobs, options.parallel, async (job, index) => {
      if (stop) return { job, ok: false, exitCode: null, output: '', buildMs: 0, skipped: true };
      const staged = path.join(staging, `${index}${path.extname(job.output)}`);
      const outcome = { ...(await runBuildJob(writingTo(job, staged), options)), job };
      if (outcome.ok) {
        try {
          await placeFile(staged, outputRoot, path.relative(outputDir, job.output));
        } catch (error) {
          outcome.ok = false;
          outcome.output += `\nnot moved into output-dir: ${(error as Error).message}\n`;
        }
      }
      if (!outcome.ok && options.failFast) stop = true;
      options.onJobEnd?.(outcome);
      return outcome;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
