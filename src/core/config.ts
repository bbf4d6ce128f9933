// Every input, read and validated before anything is downloaded or built: one reader per group of inputs, called
// in a fixed order, as the first bad input is the one reported. Built from inputs only; no I/O.
import {
  readBuildInputs,
  readBuildRunInputs,
  readPackages,
  type BuildInputs,
  type BuildRunInputs,
} from './config/build.js';
import { readCacheInputs, type CacheInputs } from './config/cache.js';
import { readGoproxy, readToolchainInputs, type ToolchainInputs } from './config/toolchain.js';
import { inWorkspace } from './config/values.js';

/** Everything the action was asked to do, validated. */
export interface Config extends ToolchainInputs, BuildInputs, BuildRunInputs, CacheInputs {
  /** Absolute. */
  workingDirectory: string;
  /** Absolute, or empty for the default under RUNNER_TEMP. */
  reportFile: string;
  /** Glob patterns of Reports to merge instead of building (the reusable workflow's last job), or empty. */
  mergeReports: string;
}

export interface RunnerContext {
  workspace: string;
  cores: number;
}

/** Reads and validates every input. `input` returns the raw value (empty string when unset). */
export function readConfig(input: (name: string) => string, runner: RunnerContext): Config {
  const { workspace } = runner;
  const workingDirectory = inWorkspace(workspace, input('working-directory') || '.', 'working-directory');
  const packages = readPackages(input);
  const goproxy = readGoproxy(input);
  const build = readBuildInputs(input, { workspace, workingDirectory, packages });
  // Spreads are evaluated in order, so the groups below are checked in the order they are written.
  return {
    ...readToolchainInputs(input, workspace, goproxy),
    workingDirectory,
    ...build,
    ...readBuildRunInputs(input, runner.cores, build.targets),
    reportFile: input('report-file').trim()
      ? inWorkspace(workspace, input('report-file').trim(), 'report-file')
      : '',
    mergeReports: input('merge-reports').trim(),
    ...readCacheInputs(input),
  };
}
