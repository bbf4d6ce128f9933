import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { BuildJob } from './plan.js';

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

function runJob(job: BuildJob, options: RunBuildsOptions): Promise<JobOutcome> {
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    // No shell: every argument reaches go exactly as planned, whatever characters it holds.
    const child = spawn(options.goBinary, job.args, {
      cwd: options.cwd,
      env: { ...options.env, ...job.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    const finish = (exitCode: number | null, extra = '') =>
      resolve({
        job,
        ok: exitCode === 0,
        exitCode,
        output: Buffer.concat(chunks).toString('utf8') + extra,
        buildMs: Math.max(1, Math.round(Number(process.hrtime.bigint() - started) / 1e6)),
        skipped: false,
      });
    child.on('error', (error) => finish(null, `failed to start ${options.goBinary}: ${error.message}\n`));
    child.on('close', (code) => finish(code));
  });
}

/**
 * Runs build jobs with at most `parallel` at once. Every job runs even after a failure unless `failFast`,
 * so the report can list everything that did build.
 */
export async function runBuilds(jobs: BuildJob[], options: RunBuildsOptions): Promise<JobOutcome[]> {
  await Promise.all(
    [...new Set(jobs.map((job) => path.dirname(job.output)))].map((dir) => mkdir(dir, { recursive: true })),
  );
  const outcomes: JobOutcome[] = new Array(jobs.length);
  let next = 0;
  let stop = false;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      const job = jobs[index] as BuildJob;
      if (stop) {
        outcomes[index] = { job, ok: false, exitCode: null, output: '', buildMs: 0, skipped: true };
        continue;
      }
      const outcome = await runJob(job, options);
      outcomes[index] = outcome;
      if (!outcome.ok && options.failFast) stop = true;
      options.onJobEnd?.(outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.parallel, jobs.length)) }, worker));
  return outcomes;
}
