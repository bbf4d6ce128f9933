// Facts about the machine and the checkout the figures were measured on.
import os from 'node:os';
import { runCommand } from '../../src/io/platform/process.js';

export interface MachineFacts {
  /** What node may use at once (the action's default `parallel`). */
  cores: number;
  cpuModel: string;
  totalMemoryBytes: number;
  platform: string;
  arch: string;
  node: string;
  /** `go version` of the go on PATH. */
  goOnPath: string;
  /** 1, 5 and 15 minute load averages. */
  loadAverageStart: number[];
}

export interface CommitFacts {
  sha: string | null;
  /** True when the working tree differs from the commit (figures may come from uncommitted code). */
  dirty: boolean | null;
}

export async function machineFacts(cwd: string): Promise<MachineFacts> {
  const go = await runCommand('go', ['version'], { cwd, env: { ...process.env, GOTOOLCHAIN: 'local' } });
  return {
    cores: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    totalMemoryBytes: os.totalmem(),
    platform: process.platform,
    arch: process.arch,
    node: process.version,
    goOnPath: go.exitCode === 0 ? go.stdout.trim() : `unavailable: ${go.output.trim()}`,
    loadAverageStart: os.loadavg(),
  };
}

export async function commitFacts(cwd: string): Promise<CommitFacts> {
  const head = await runCommand('git', ['rev-parse', 'HEAD'], { cwd, env: process.env });
  const status = await runCommand('git', ['status', '--porcelain'], { cwd, env: process.env });
  return {
    sha: head.exitCode === 0 ? head.stdout.trim() : null,
    dirty: status.exitCode === 0 ? status.stdout.trim() !== '' : null,
  };
}
