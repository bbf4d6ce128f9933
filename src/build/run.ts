import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { BuildJob } from './plan.js';

/** What a finished command said and how it ended. */
export interface CommandResult {
  /** Null when the command could not start or was killed by a signal. */
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved as they came (what a terminal would show). */
  output: string;
  ms: number;
}

/**
 * Runs a command without a shell, so every argument reaches it exactly as given whatever characters it holds.
 * Never throws: a command that cannot start ends with a null exit code and says why in `output`.
 */
export function runCommand(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<CommandResult> {
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const both: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      out.push(chunk);
      both.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err.push(chunk);
      both.push(chunk);
    });
    let settled = false;
    const finish = (exitCode: number | null, extra = '') => {
      if (settled) return;
      settled = true;
      resolve({
        exitCode,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8') + extra,
        output: Buffer.concat(both).toString('utf8') + extra,
        ms: Math.max(1, Math.round(Number(process.hrtime.bigint() - started) / 1e6)),
      });
    };
    child.on('error', (error) => finish(null, `failed to start ${command}: ${error.message}\n`));
    child.on('close', (code) => finish(code));
  });
}

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

/**
 * Runs build jobs with at most `parallel` at once. Every job runs even after a failure unless `failFast`,
 * so the report can list everything that did build.
 */
export async function runBuilds(jobs: BuildJob[], options: RunBuildsOptions): Promise<JobOutcome[]> {
  await Promise.all(
    [...new Set(jobs.map((job) => path.dirname(job.output)))].map((dir) => mkdir(dir, { recursive: true })),
  );
  let stop = false;
  return mapPool(jobs, options.parallel, async (job) => {
    if (stop) return { job, ok: false, exitCode: null, output: '', buildMs: 0, skipped: true };
    const outcome = await runBuildJob(job, options);
    if (!outcome.ok && options.failFast) stop = true;
    options.onJobEnd?.(outcome);
    return outcome;
  });
}
