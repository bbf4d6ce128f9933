import * as core from '../log.js';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inspectBinaryFile, type InspectedBinary } from '../binary/inspect-file.js';
import { locateNmTool, measureAttribution, type GoInvocation } from '../build/attribution.js';
import { cgoFailureMessage, compilerFor } from '../build/cgo.js';
import { jobCommandLine } from '../build/command-line.js';
import { parseGoDiagnostics, type Diagnostic } from '../build/diagnostics.js';
import { stampValues, stripsSymbolTable, templateLdflags, usedPlaceholders } from '../build/ldflags.js';
import { binaryNames, checkMainPackages, GO_LIST_ARGS, parseGoList } from '../build/packages.js';
import { expandPattern, isPackagePattern } from '../build/patterns.js';
import { planFor, type ResolvedPackages } from '../build/build-plan.js';
import { mapPool, runBuilds, runCommand, type JobOutcome } from '../build/run.js';
import { parseDistList, targetEnv, targetName, validateTargets, variantVariable } from '../build/targets.js';
import { BUILD_KEY_ENV } from '../cache/keys.js';
import type { Config } from '../config.js';
import { humanDuration } from '../report/format.js';
import type { FailedBuild, ReportFlags, TargetResult } from '../report/report.js';
import { formatName } from '../binary/header.js';
import { writeUniversalBinaries } from './universal.js';

export interface BuildOutcome {
  /** What built and matched the request, measured from the files. */
  targets: TargetResult[];
  /** `<package> <target>` of each build that failed, did not match, or never started (fail-fast). */
  failed: string[];
  /** The same builds with why each failed, for the report and the summary. */
  failures: FailedBuild[];
  wallMs: number;
  /** The flags the builds ran with, for the report. */
  flags: ReportFlags;
  /** Time the size attribution took (second links and nm), 0 when it is off. */
  attributionMs: number;
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

/** Fills {version}, {commit} and {date} in ldflags; git is asked for the commit date only when it is used. */
async function stampedLdflags(config: Config, env: NodeJS.ProcessEnv): Promise<string> {
  let commitDate: string | undefined;
  let commitDateError: string | undefined;
  if (usedPlaceholders(config.ldflags).includes('date')) {
    const git = await runCommand('git', ['log', '-1', '--format=%cI'], { cwd: config.workingDirectory, env });
    if (git.exitCode === 0) commitDate = git.stdout.trim();
    else commitDateError = git.output.trim().split('\n')[0] || `git exited with ${git.exitCode}`;
  }
  const stamp = stampValues({
    ref: env.GITHUB_REF,
    refName: env.GITHUB_REF_NAME,
    sha: env.GITHUB_SHA,
    commitDate,
    commitDateError,
    sourceDateEpoch: env.SOURCE_DATE_EPOCH,
  });
  return templateLdflags(config.ldflags, stamp);
}

/**
 * Checks what only the installed toolchain can judge: that every target is a platform it knows, and that every
 * package is a main package, with patterns (`./cmd/...`) expanded to the main packages they match (all listed
 * for the first target's platform).
 */
async function checkAgainstToolchain(config: Config, go: GoInvocation): Promise<ResolvedPackages> {
  const dist = await runCommand(go.goBinary, ['tool', 'dist', 'list'], { cwd: go.cwd, env: go.env });
  if (dist.exitCode !== 0) throw new Error(`go tool dist list failed: ${dist.output.trim()}`);
  validateTargets(config.targets, parseDistList(dist.stdout));

  const first = config.targets[0];
  if (!first) return { packages: config.packages, names: {} };
  const listEnv = { ...go.env, ...targetEnv(first), CGO_ENABLED: config.cgo ? '1' : '0' };
  const list = async (entries: string[]) => {
    const listed = await runCommand(go.goBinary, [...GO_LIST_ARGS, ...entries], {
      cwd: go.cwd,
      env: listEnv,
    });
    if (listed.exitCode !== 0) {
      throw new Error(`go list could not load ${entries.join(' ')}: ${listed.stderr.trim()}`);
    }
    return parseGoList(listed.stdout);
  };
  const named = config.packages.filter((entry) => !isPackagePattern(entry));
  const listed = named.length > 0 ? await list(named) : [];
  checkMainPackages(listed, named, config.workingDirectory, targetName(first));
  const packages: string[] = [];
  for (const entry of config.packages) {
    if (!isPackagePattern(entry)) packages.push(entry);
    else {
      const matched = await list([entry]);
      listed.push(...matched);
      packages.push(...expandPattern(entry, matched, config.workingDirectory, targetName(first)));
    }
  }
  const unique = [...new Set(packages)];
  return { packages: unique, names: binaryNames(listed, unique, config.workingDirectory) };
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

/** Adds each target's largest packages to its result; a failure costs a warning, never the build. */
async function addSizeAttribution(
  results: { result: TargetResult; outcome: JobOutcome }[],
  config: Config,
  go: GoInvocation,
  temp: string,
): Promise<number> {
  const started = Date.now();
  const scratch = await mkdtemp(path.join(temp, 'setup-go-arm64-nm-'));
  try {
    const nmTool = await locateNmTool(go);
    await mapPool(results, config.parallel, async ({ result, outcome }, index) => {
      try {
        result.attribution = await measureAttribution(
          outcome.job,
          go,
          nmTool,
          path.join(scratch, `${index}${result.goos === 'windows' ? '.exe' : ''}`),
        );
      } catch (error) {
        core.warning(`No size attribution for ${outcome.job.label}: ${(error as Error).message}`);
      }
    });
  } catch (error) {
    core.warning(`No size attribution: ${(error as Error).message}`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  const attributionMs = Date.now() - started;
  core.info(`Size attribution of ${results.length} file(s) took ${humanDuration(attributionMs)}`);
  return attributionMs;
}

/** The set variables that change what go builds, for the report (so comparisons can tell builds apart). */
function buildEnvironment(env: NodeJS.ProcessEnv): { env?: Record<string, string> } {
  const set = BUILD_KEY_ENV.filter((name) => env[name]?.trim()).map((name) => [name, env[name]!.trim()]);
  return set.length > 0 ? { env: Object.fromEntries(set) as Record<string, string> } : {};
}

/**
 * Plans and runs the cross-builds, then measures each file from its own bytes. Bad inputs (an unknown target, a
 * package that is not main, a name template that makes two builds write one file) fail before anything builds;
 * a failed build fails only itself, and the others still build unless fail-fast.
 */
export async function buildTargets(
  config: Config,
  goBinary: string,
  workspace: string,
  env: NodeJS.ProcessEnv,
): Promise<BuildOutcome> {
  const go: GoInvocation = { goBinary, cwd: config.workingDirectory, env: { ...env, GOTOOLCHAIN: 'local' } };
  const ldflags = await stampedLdflags(config, env);
  const plan = planFor(config, ldflags, await checkAgainstToolchain(config, go));
  const { jobs } = plan;

  core.info(`Building ${jobs.length} binaries, ${Math.min(config.parallel, jobs.length)} at a time`);
  const started = Date.now();
  // The workspace, or RUNNER_TEMP for the merge-base build; never the toolchain that is about to run.
  const confine = {
    roots: [workspace, env.RUNNER_TEMP ?? ''],
    forbidden: [path.dirname(path.dirname(goBinary))],
  };
  const outcomes = await runBuilds(jobs, {
    ...go,
    outputDir: config.outputDir,
    ...confine,
    parallel: config.parallel,
    failFast: config.failFast,
    onJobEnd: (outcome) => {
      core.startGroup(`${outcome.ok ? 'Built' : 'Failed'} ${outcome.job.label} in ${outcome.buildMs} ms`);
      core.info(jobCommandLine(outcome.job));
      if (outcome.output) core.info(outcome.output.trimEnd());
      core.endGroup();
    },
  });
  const wallMs = Date.now() - started;

  const built: { result: TargetResult; outcome: JobOutcome }[] = [];
  const failed: string[] = [];
  const failures: FailedBuild[] = [];
  const fail = (outcome: JobOutcome, reason: string) => {
    const { goos, goarch, variant } = outcome.job.target;
    failures.push({ package: outcome.job.package, goos, goarch, ...(variant ? { variant } : {}), reason });
  };
  const compileFailures: { outcome: JobOutcome; diagnostics: Diagnostic[] }[] = [];
  let host: { goos: string; goarch: string } | undefined;
  for (const outcome of outcomes) {
    if (outcome.skipped) {
      failed.push(`${outcome.job.label} (not started: fail-fast)`);
      fail(outcome, 'not started: fail-fast');
      continue;
    }
    if (!outcome.ok) {
      failed.push(outcome.job.label);
      const diagnostics = parseGoDiagnostics(outcome.output, config.workingDirectory, workspace);
      if (diagnostics.length > 0) {
        compileFailures.push({ outcome, diagnostics });
        fail(outcome, diagnostics[0]?.message ?? 'compile error');
        continue;
      }
      host ??= config.cgo ? await goHost(go) : undefined;
      const message =
        (host &&
          cgoFailureMessage(
            outcome.job.label,
            outcome.job.target,
            host,
            outcome.output,
            compilerFor(config.cgoCc, outcome.job.target),
          )) ||
        `go build failed for ${outcome.job.label}: ${outcome.output.trim().split('\n').slice(-3).join(' ')}`;
      core.error(message);
      fail(outcome, message);
      continue;
    }
    const inspected = await inspectBinaryFile(outcome.job.output);
    const problems = checkAgainstRequest(outcome, inspected);
    if (problems.length > 0) {
      failed.push(outcome.job.label);
      const message = `${path.relative(workspace, outcome.job.output)} is not what was asked for: ${problems.join('; ')}`;
      core.error(message);
      fail(outcome, message);
      continue;
    }
    built.push({
      outcome,
      result: {
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
      },
    });
  }
  annotateDiagnostics(compileFailures);
  const thin = built.map((entry) => entry.result);
  const universal = await writeUniversalBinaries(plan.universal, thin, {
    workspace,
    outputDir: config.outputDir,
    ...confine,
  });
  failures.push(...universal.failures);
  failed.push(...universal.failures.map((f) => `${f.package} ${f.goos}/${f.goarch}`));

  const attributionMs =
    config.attribution && built.length > 0
      ? await addSizeAttribution(built, config, go, env.RUNNER_TEMP || os.tmpdir())
      : 0;

  return {
    targets: [...thin, ...universal.targets],
    failed,
    failures,
    wallMs,
    flags: {
      ldflags: config.ldflags,
      ...(ldflags !== config.ldflags ? { stampedLdflags: ldflags } : {}),
      trimpath: config.trimpath,
      cgo: config.cgo,
      tags: config.buildTags,
      buildFlags: config.buildFlags,
      ...buildEnvironment(env),
    },
    attributionMs,
  };
}
