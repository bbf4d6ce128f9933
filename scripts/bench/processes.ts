// The bench's I/O helpers: timed commands, scratch directories, and the interleaved sampling loop.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, rm } from 'node:fs/promises';
import { runCommand, type CommandResult } from '../../src/io/platform/process.js';

/** Progress goes to stderr, so stdout carries the table alone. */
export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** Runs a command (no shell) and fails with its output when it fails; the result carries its wall time. */
export async function mustRun(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<CommandResult> {
  const result = await runCommand(command, args, options);
  if (result.exitCode !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} (in ${options.cwd}) exited with ${result.exitCode}:\n${result.output.trim().slice(-4000)}`,
    );
  }
  return result;
}

/** How long a process took to write its first stdout byte, and to exit. */
export interface StartupTiming {
  firstByteMs: number | undefined;
  exitMs: number;
  exitCode: number | null;
  stdout: string;
}

/** Spawns a process and times its first stdout byte and its exit, from just before the spawn. */
export function timeStartup(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<StartupTiming> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'ignore'] });
    let firstByteMs: number | undefined;
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      firstByteMs ??= elapsed();
      chunks.push(chunk);
    });
    child.on('error', reject);
    child.on('close', (exitCode) =>
      resolve({ firstByteMs, exitMs: elapsed(), exitCode, stdout: Buffer.concat(chunks).toString('utf8') }),
    );
  });
}

/** Removes a tree; Go leaves module caches read-only, so it is made writable first. */
export async function removeTree(dir: string): Promise<void> {
  if (!existsSync(dir)) return;
  await rm(dir, { recursive: true, force: true }).catch(async () => {
    await makeWritable(dir);
    await rm(dir, { recursive: true, force: true });
  });
}

async function makeWritable(dir: string): Promise<void> {
  await new Promise<void>((resolve, reject) =>
    spawn('chmod', ['-R', 'u+w', dir], { stdio: 'ignore' }).on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`chmod -R u+w ${dir} exited with ${code}`)),
    ),
  );
  await chmod(dir, 0o755);
}

/** An empty directory at `dir` (whatever was there is removed). */
export async function freshDir(dir: string): Promise<string> {
  await removeTree(dir);
  await mkdir(dir, { recursive: true });
  return dir;
}

/**
 * Flushes dirty pages to disk between samples, so the writeback of one sample's hundreds of megabytes is not
 * paid by the next one.
 */
export async function settleDisk(): Promise<void> {
  await runCommand('sync', [], { cwd: '/', env: process.env });
}

/** One measured step of a sample: returns its figures by series name (a step may feed several rows). */
export interface Step {
  name: string;
  run: (sample: number) => Promise<Record<string, number>>;
}

/**
 * Runs the steps in order, `runs` times (A, B, A, B…), so load from the rest of the machine falls on every side
 * alike; returns each series' samples in run order. The disk is settled before every step.
 */
export async function interleave(label: string, steps: Step[], runs: number): Promise<Map<string, number[]>> {
  const series = new Map<string, number[]>();
  for (let sample = 0; sample < runs; sample++) {
    for (const step of steps) {
      await settleDisk();
      const figures = await step.run(sample);
      const shown = Object.entries(figures)
        .map(([name, value]) => `${name}=${Math.round(value)}`)
        .join(' ');
      log(`[${label}] ${sample + 1}/${runs} ${step.name}: ${shown}`);
      for (const [name, value] of Object.entries(figures)) {
        const values = series.get(name) ?? [];
        values.push(value);
        series.set(name, values);
      }
    }
  }
  return series;
}

/** The samples of a series, or an error naming it (a step that never reported it is a bug in the bench). */
export function samplesOf(series: Map<string, number[]>, name: string): number[] {
  const values = series.get(name);
  if (!values || values.length === 0) throw new Error(`no samples of ${name}`);
  return values;
}
