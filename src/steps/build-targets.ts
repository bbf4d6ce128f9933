import * as core from '@actions/core';
import path from 'node:path';
import { inspectBinaryFile } from '../binary/inspect-file.js';
import { parseGoDiagnostics } from '../build/diagnostics.js';
import { planBuilds } from '../build/plan.js';
import { runBuilds, type JobOutcome } from '../build/run.js';
import { targetName } from '../build/targets.js';
import type { Config } from '../config.js';
import type { TargetResult } from '../report/report.js';

export interface BuildOutcome {
  targets: TargetResult[];
  failed: string[];
  wallMs: number;
}

/** What the file's own header and build info must agree with, or the build is not what was asked for. */
function checkAgainstRequest(
  outcome: JobOutcome,
  header: { format: string; os: string; arch: string },
  buildInfo?: { settings: Record<string, string> },
): string[] {
  const { goos, goarch } = outcome.job.target;
  const problems: string[] = [];
  if (
    header.os !== goos &&
    !(goos === 'ios' && header.os === 'darwin') &&
    !(goos === 'android' && header.os === 'linux')
  ) {
    problems.push(`header says ${header.format} for ${header.os}, asked for ${goos}`);
  }
  if (header.arch !== goarch) problems.push(`header says ${header.arch}, asked for ${goarch}`);
  if (buildInfo && (buildInfo.settings.GOOS !== goos || buildInfo.settings.GOARCH !== goarch)) {
    problems.push(`build info says ${buildInfo.settings.GOOS}/${buildInfo.settings.GOARCH}`);
  }
  return problems;
}

/** Plans and runs the cross-builds, then measures each file from its own bytes. */
export async function buildTargets(
  config: Config,
  goBinary: string,
  workspace: string,
  env: NodeJS.ProcessEnv,
): Promise<BuildOutcome> {
  const jobs = planBuilds({
    workingDirectory: config.workingDirectory,
    packages: config.packages,
    targets: config.targets,
    ldflags: config.ldflags,
    trimpath: config.trimpath,
    cgo: config.cgo,
    tags: config.buildTags,
    extraFlags: config.buildFlags,
    outputDir: config.outputDir,
    nameTemplate: config.nameTemplate,
  });
  core.info(`Building ${jobs.length} target(s), ${Math.min(config.parallel, jobs.length)} at a time`);
  const started = Date.now();
  const outcomes = await runBuilds(jobs, {
    goBinary,
    cwd: config.workingDirectory,
    env: { ...env, GOTOOLCHAIN: 'local' },
    parallel: config.parallel,
    failFast: config.failFast,
    onJobEnd: (outcome) => {
      core.startGroup(`${outcome.ok ? 'Built' : 'Failed'} ${outcome.job.label} in ${outcome.buildMs} ms`);
      core.info(`go ${outcome.job.args.join(' ')}`);
      if (outcome.output) core.info(outcome.output.trimEnd());
      core.endGroup();
    },
  });
  const wallMs = Date.now() - started;

  const targets: TargetResult[] = [];
  const failed: string[] = [];
  for (const outcome of outcomes) {
    const name = `${outcome.job.package} ${targetName(outcome.job.target)}`;
    if (outcome.skipped) {
      failed.push(`${name} (not started: fail-fast)`);
      continue;
    }
    if (!outcome.ok) {
      failed.push(name);
      const diagnostics = parseGoDiagnostics(outcome.output, config.workingDirectory, workspace);
      for (const d of diagnostics) {
        core.error(d.message, {
          title: `go build ${targetName(outcome.job.target)}`,
          file: d.file,
          startLine: d.line,
          ...(d.column ? { startColumn: d.column } : {}),
        });
      }
      if (diagnostics.length === 0)
        core.error(`go build failed for ${name}: ${outcome.output.trim().split('\n').slice(-3).join(' ')}`);
      continue;
    }
    const inspected = await inspectBinaryFile(outcome.job.output);
    const problems = checkAgainstRequest(outcome, inspected.header, inspected.buildInfo);
    if (problems.length > 0) {
      failed.push(name);
      core.error(
        `${path.relative(workspace, outcome.job.output)} is not what was asked for: ${problems.join('; ')}`,
      );
      continue;
    }
    targets.push({
      goos: outcome.job.target.goos,
      goarch: outcome.job.target.goarch,
      ...(outcome.job.target.variant ? { variant: outcome.job.target.variant } : {}),
      package: outcome.job.package,
      path: path.relative(workspace, outcome.job.output).split(path.sep).join('/'),
      sizeBytes: inspected.sizeBytes,
      buildMs: outcome.buildMs,
      sha256: inspected.sha256,
      format: inspected.header.format,
      arch: inspected.header.arch,
    });
  }
  return { targets, failed, wallMs };
}
