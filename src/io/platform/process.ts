// The one module that starts child processes (go, git, nm, sysctl, uname). Each gets an argument list, never a
// shell, so every argument reaches it exactly as given; the allow-listed environment of child-env.ts, never the
// action's own; a timeout where the caller sets one; and a cap on the output kept in memory. Its errors name the
// command as a reader would retype it, and its debug lines go through log.ts like all foreign text.
import { spawn, type ChildProcess } from 'node:child_process';
import * as core from '../log.js';
import { childEnv } from '../../core/platform/child-env.js';
import { displayCommand } from '../../core/platform/command-text.js';

/** Bytes kept per stream unless the caller says otherwise: far above what go, git or nm print for us. */
const DEFAULT_OUTPUT_CAP_BYTES = 64 * 1024 * 1024;
/** How long a timed-out process has after SIGTERM before it gets SIGKILL. */
const KILL_GRACE_MS = 2_000;

export interface RunOptions {
  /** Default: this process's working directory. */
  cwd?: string;
  /** The environment to start from; only the variables child-env.ts allows reach the process. */
  env: NodeJS.ProcessEnv;
  /** Kill it (SIGTERM, then SIGKILL) when it runs longer; default: no limit, as a build takes what it takes. */
  timeoutMs?: number;
  /** Bytes of stdout, and of stderr, kept; the rest is read and dropped. */
  maxOutputBytes?: number;
}

/** What a finished command said and how it ended. */
export interface CommandResult {
  /** Null when the command could not start or was killed by a signal. */
  exitCode: number | null;
  /** The signal that ended it, if one did. */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved as they came (what a terminal would show). */
  output: string;
  ms: number;
  /** True when the timeout ended it. */
  timedOut: boolean;
  /** True when it printed more than the cap on a stream; only the first bytes are kept. */
  truncated: boolean;
}

/** A command that did not start, did not exit 0, timed out or printed past the cap (from {@link runChecked}). */
export class CommandError extends Error {
  readonly command: string;
  readonly args: readonly string[];
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;

  constructor(command: string, args: readonly string[], result: CommandResult, message: string) {
    super(message);
    this.name = 'CommandError';
    this.command = command;
    this.args = args;
    this.exitCode = result.exitCode;
    this.stdout = result.stdout;
    this.stderr = result.stderr;
    this.timedOut = result.timedOut;
  }
}

interface Ended {
  result: CommandResult;
  /** Why the process never started. */
  startError?: Error;
}

/** Keeps a stream's bytes up to the cap. */
class Capture {
  private readonly chunks: Buffer[] = [];
  private bytes = 0;
  truncated = false;

  constructor(private readonly cap: number) {}

  /** The part of `chunk` that fits under the cap (empty once it is full). */
  keep(chunk: Buffer): Buffer {
    const room = Math.max(0, this.cap - this.bytes);
    const kept = chunk.length > room ? chunk.subarray(0, room) : chunk;
    if (kept.length < chunk.length) this.truncated = true;
    this.bytes += kept.length;
    if (kept.length > 0) this.chunks.push(kept);
    return kept;
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

function startChild(command: string, args: readonly string[], options: RunOptions): ChildProcess {
  return spawn(command, [...args], {
    ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
    env: childEnv(options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
    windowsHide: true,
  });
}

/**
 * Ends `child` once it has run `timeoutMs`: SIGTERM, then SIGKILL if it is still there after the grace period.
 * Returns what cancels that when it ends in time.
 */
function killAfter(child: ChildProcess, timeoutMs: number, onTimeout: () => void): () => void {
  let grace: NodeJS.Timeout | undefined;
  const timer = setTimeout(() => {
    onTimeout();
    // A process it started may still hold the pipes open; once it is killed, stop waiting for them.
    const stopReading = () => {
      child.stdout?.destroy();
      child.stderr?.destroy();
    };
    if (child.exitCode !== null || child.signalCode !== null) stopReading();
    else child.once('exit', stopReading);
    child.kill('SIGTERM');
    grace = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
  }, timeoutMs);
  return () => {
    clearTimeout(timer);
    clearTimeout(grace);
  };
}

/** Runs the command to its end and logs how it ended; never throws (a start failure is in `startError`). */
function execute(command: string, args: readonly string[], options: RunOptions): Promise<Ended> {
  const started = process.hrtime.bigint();
  const cap = options.maxOutputBytes ?? DEFAULT_OUTPUT_CAP_BYTES;
  const out = new Capture(cap);
  const err = new Capture(cap);
  const both: Buffer[] = [];
  let timedOut = false;
  let disarm = () => {};
  return new Promise((resolve) => {
    let settled = false;
    const finish = (exitCode: number | null, signal: NodeJS.Signals | null, startError?: Error) => {
      if (settled) return;
      settled = true;
      disarm();
      const result: CommandResult = {
        exitCode,
        signal,
        stdout: out.text(),
        stderr: err.text(),
        output: Buffer.concat(both).toString('utf8'),
        ms: Math.max(1, Math.round(Number(process.hrtime.bigint() - started) / 1e6)),
        timedOut,
        truncated: out.truncated || err.truncated,
      };
      const ended = startError ? { result, startError } : { result };
      logEnd(command, args, options, ended);
      resolve(ended);
    };
    let child: ChildProcess;
    try {
      child = startChild(command, args, options);
    } catch (error) {
      // An argument Node refuses (a NUL byte) throws here rather than failing to start.
      finish(null, null, error as Error);
      return;
    }
    child.stdout?.on('data', (chunk: Buffer) => both.push(out.keep(chunk)));
    child.stderr?.on('data', (chunk: Buffer) => both.push(err.keep(chunk)));
    if (options.timeoutMs !== undefined) {
      disarm = killAfter(child, options.timeoutMs, () => (timedOut = true));
    }
    child.on('error', (error) => {
      if (child.pid === undefined) finish(null, null, error);
    });
    child.on('close', (code, signal) => finish(code, signal));
  });
}

/** Why a run ended other than by exiting on its own, in words; undefined when it simply exited. */
function abnormalEnd({ result, startError }: Ended, options: RunOptions): string | undefined {
  if (startError) return `did not start: ${startError.message}`;
  if (result.timedOut) return `timed out after ${options.timeoutMs} ms`;
  if (result.truncated)
    return `printed more than ${options.maxOutputBytes ?? DEFAULT_OUTPUT_CAP_BYTES} bytes`;
  if (result.signal) return `killed by ${result.signal}`;
  return undefined;
}

/** With step debug logging on, one line per command: what ran, where, and how it ended. */
function logEnd(command: string, args: readonly string[], options: RunOptions, ended: Ended): void {
  if (!core.isDebug()) return;
  const where = options.cwd !== undefined ? ` in ${options.cwd}` : '';
  const how = abnormalEnd(ended, options) ?? `exit ${ended.result.exitCode}`;
  core.debug(`${displayCommand(command, args)}${where}: ${how} after ${ended.result.ms} ms`);
}

/** The two ways to run a command, which differ only in what counts as an error. */
type Run = (command: string, args: readonly string[], options: RunOptions) => Promise<CommandResult>;

/**
 * Runs a command and reports how it ended; never throws. A command that cannot start ends with a null exit code
 * and says why in `stderr` and `output`.
 */
export const runCommand: Run = async (command, args, options) => {
  const { result, startError } = await execute(command, args, options);
  if (!startError) return result;
  const note = `failed to start ${command}: ${startError.message}\n`;
  return { ...result, stderr: result.stderr + note, output: result.output + note };
};

/**
 * Runs a command that must succeed: resolves when it exits 0, else rejects with a {@link CommandError} whose
 * message is `Command failed: <command line>` (with the reason when it is not a plain exit code), then stderr.
 */
export const runChecked: Run = async (command, args, options) => {
  const ended = await execute(command, args, options);
  const { result } = ended;
  if (!ended.startError && result.exitCode === 0 && !result.timedOut && !result.truncated) return result;
  const reason = abnormalEnd(ended, options);
  const message = `Command failed: ${displayCommand(command, args)}${reason ? ` (${reason})` : ''}\n${result.stderr}`;
  throw new CommandError(command, args, result, message);
};
