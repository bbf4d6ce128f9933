// Sorts finished builds into measured targets and failures, each failure with the reason the report gives it.
import * as core from '../io/log.js';
import path from 'node:path';
import { formatName } from '../core/binary/header.js';
import { inspectBinaryFile, type InspectedBinary } from '../io/binary/inspect-file.js';
import type { GoInvocation } from '../io/build/attribution.js';
import { cgoFailureMessage, compilerFor } from '../core/build/cgo.js';
import { parseGoDiagnostics, type Diagnostic } from '../core/build/diagnostics.js';
import { stripsSymbolTable } from '../core/build/ldflags.js';
import type { JobOutcome } from '../io/build/run.js';
import { variantVariable } from '../core/build/targets.js';
import type { Config } from '../core/config.js';
import { runCommand } from '../io/platform/process.js';
import type { FailedBuild, TargetResult } from '../core/report/report.js';

export interface SortedOutcomes {
  /** Each build that made the file asked for, measured. */
  built: { result: TargetResult; outcome: JobOutcome }[];
  /** `<package> <target>` of each build that failed, did not match, or never started (fail-fast). */
  failed: string[];
  /** The same builds with why each failed. */
  failures: FailedBuild[];
}

export interface OutcomeContext {
  config: Config;
  go: GoInvocation;
  workspace: string;
  /** The ldflags the builds ran with, stamped. */
  ldflags: string;
}
/** What the file's own header and build info must agree with, or the build is not what was asked for. */
function checkAgainstRequest(outcome: JobOutcome, inspected: InspectedBinary): string[] {
  const { goos, goarch, variant } = outcome.job.target;
  const { header, buildInfo } = inspected;
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
  const variable = variantVariable(goarch);
  if (buildInfo && variant && variable && buildInfo.settings[variable] !== variant) {
    problems.push(
      `build info says ${variable}=${buildInfo.settings[variable] ?? '(unset)'}, asked for ${variant}`,
    );
  }
  return problems;
}

/** The platform the toolchain runs on, which a cgo build's default C compiler targets. */
async function goHost(go: GoInvocation): Promise<{ goos: string; goarch: string }> {
  const answer = await runCommand(go.goBinary, ['env', 'GOHOSTOS', 'GOHOSTARCH'], {
    cwd: go.cwd,
    env: go.env,
  });
  const [goos = '', goarch = ''] = answer.stdout.trim().split('\n');
  return { goos, goarch };
}

/**
 * One annotation per distinct compiler message, naming every target it broke: a type error in shared code
 * fails every target the same way, and four copies would say nothing more.
 */
function annotateDiagnostics(failures: { outcome: JobOutcome; diagnostics: Diagnostic[] }[]): void {
  const seen = new Map<string, { diagnostic: Diagnostic; targets: string[] }>();
  for (const { outcome, diagnostics } of failures) {
    for (const diagnostic of diagnostics) {
      const key = JSON.stringify([diagnostic.file, diagnostic.line, diagnostic.column, diagnostic.message]);
      const entry = seen.get(key) ?? { diagnostic, targets: [] };
      entry.targets.push(outcome.job.label);
      seen.set(key, entry);
    }
  }
  for (const { diagnostic, targets } of seen.values()) {
    core.error(diagnostic.message, {
      title: `go build ${targets.join(', ')}`,
      file: diagnostic.file,
      startLine: diagnostic.line,
      ...(diagnostic.column ? { startColumn: diagnostic.column } : {}),
    });
  }
}

function failedBuild(outcome: JobOutcome, reason: string): FailedBuild {
  const { goos, goarch, variant } = outcome.job.target;
  return { package: outcome.job.package, goos, goarch, ...(variant ? { variant } : {}), reason };
}

/** Why a build without compiler messages failed: cgo's missing or wrong C compiler named when that is it. */
function buildFailureMessage(
  outcome: JobOutcome,
  config: Config,
  host: { goos: string; goarch: string } | undefined,
): string {
  return (
    (host &&
      cgoFailureMessage(
        outcome.job.label,
        outcome.job.target,
        host,
        outcome.output,
        compilerFor(config.cgoCc, outcome.job.target),
      )) ||
    `go build failed for ${outcome.job.label}: ${outcome.output.trim().split('\n').slice(-3).join(' ')}`
  );
}

function targetResult(
  outcome: JobOutcome,
  inspected: InspectedBinary,
  { workspace, ldflags }: OutcomeContext,
): TargetResult {
  return {
    goos: outcome.job.target.goos,
    goarch: outcome.job.target.goarch,
    ...(outcome.job.target.variant ? { variant: outcome.job.target.variant } : {}),
    package: outcome.job.package,
    path: path.relative(workspace, outcome.job.output).split(path.sep).join('/'),
    sizeBytes: inspected.sizeBytes,
    buildMs: outcome.buildMs,
    sha256: inspected.sha256,
    format: formatName(inspected.header),
    arch: inspected.header.arch,
    ...(inspected.machoDefinedSymbols && stripsSymbolTable(ldflags)
      ? { keptSymbols: inspected.machoDefinedSymbols }
      : {}),
    ...(inspected.buildInfo ? { buildInfo: inspected.buildInfo } : {}),
  };
}

/**
 * Measures each build's file and checks it is what was asked for; logs an error per failed build (compiler
 * messages as annotations, one per distinct message).
 */
export async function sortOutcomes(outcomes: JobOutcome[], context: OutcomeContext): Promise<SortedOutcomes> {
  const { config, go, workspace } = context;
  const sorted: SortedOutcomes = { built: [], failed: [], failures: [] };
  const fail = (outcome: JobOutcome, label: string, reason: string) => {
    sorted.failed.push(label);
    sorted.failures.push(failedBuild(outcome, reason));
  };
  const compileFailures: { outcome: JobOutcome; diagnostics: Diagnostic[] }[] = [];
  let host: { goos: string; goarch: string } | undefined;
  for (const outcome of outcomes) {
    const { label } = outcome.job;
    if (outcome.skipped) {
      fail(outcome, `${label} (not started: fail-fast)`, 'not started: fail-fast');
      continue;
    }
    if (!outcome.ok) {
      const diagnostics = parseGoDiagnostics(outcome.output, config.workingDirectory, workspace);
      if (diagnostics.length > 0) {
        compileFailures.push({ outcome, diagnostics });
        fail(outcome, label, diagnostics[0]?.message ?? 'compile error');
        continue;
      }
      host ??= config.cgo ? await goHost(go) : undefined;
      const message = buildFailureMessage(outcome, config, host);
      core.error(message);
      fail(outcome, label, message);
      continue;
    }
    const inspected = await inspectBinaryFile(outcome.job.output);
    const problems = checkAgainstRequest(outcome, inspected);
    if (problems.length > 0) {
      const message = `${path.relative(workspace, outcome.job.output)} is not what was asked for: ${problems.join('; ')}`;
      core.error(message);
      fail(outcome, label, message);
      continue;
    }
    sorted.built.push({ outcome, result: targetResult(outcome, inspected, context) });
  }
  annotateDiagnostics(compileFailures);
  return sorted;
}
