import * as core from '../io/log.js';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { locateNmTool, measureAttribution, type GoInvocation } from '../io/build/attribution.js';
import { jobCommandLine } from '../core/build/command-line.js';
import { stampValues, templateLdflags, usedPlaceholders } from '../core/build/ldflags.js';
import { binaryNames, checkMainPackages, GO_LIST_ARGS, parseGoList } from '../core/build/packages.js';
import { expandPattern, isPackagePattern } from '../core/build/patterns.js';
import { planFor, type ResolvedPackages } from '../core/build/build-plan.js';
import { mapPool, runBuilds, type JobOutcome } from '../io/build/run.js';
import type { BuildJob } from '../core/build/plan.js';
import { runCommand } from '../io/platform/process.js';
import { parseDistList, targetEnv, targetName, validateTargets } from '../core/build/targets.js';
import { BUILD_KEY_ENV } from '../core/cache/keys.js';
import type { Config } from '../core/config.js';
import { humanDuration } from '../core/report/format.js';
import type { FailedBuild, ReportFlags, TargetResult } from '../core/report/report.js';
import { sortOutcomes } from './build-outcomes.js';
import { checkVariantsWithToolchain } from './check-variants.js';
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
 * Checks what only the installed toolchain can judge: that every target is a platform it knows with a variant
 * level it takes, and that every package is a main package, with patterns (`./cmd/...`) expanded to the main
 * packages they match (all listed for the first target's platform).
 */
async function checkAgainstToolchain(config: Config, go: GoInvocation): Promise<ResolvedPackages> {
  const first = config.targets[0];
  const listEnv = first ? { ...go.env, ...targetEnv(first), CGO_ENABLED: config.cgo ? '1' : '0' } : go.env;
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
  // The two processes are independent, so they run at once; a bad target is still the error reported first.
  const [dist, namedListing] = await Promise.allSettled([
    runCommand(go.goBinary, ['tool', 'dist', 'list'], { cwd: go.cwd, env: go.env }),
    first && named.length > 0 ? list(named) : Promise.resolve([]),
  ]);
  if (dist.status === 'rejected') throw dist.reason;
  if (dist.value.exitCode !== 0) throw new Error(`go tool dist list failed: ${dist.value.output.trim()}`);
  validateTargets(config.targets, parseDistList(dist.value.stdout));
  await checkVariantsWithToolchain(config.targets, go);

  if (!first) return { packages: config.packages, names: {} };
  if (namedListing.status === 'rejected') throw namedListing.reason;
  const listed = namedListing.value;
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

/**
 * Plans and runs the cross-builds, then measures each file from its own bytes. Bad inputs (an unknown target, a
 * package that is not main, a name template that makes two builds write one file) fail before anything builds;
 * a failed build fails only itself, and the others still build unless fail-fast.
 */
/** Runs the planned builds, logging one group per build as it ends. */
async function runPlannedBuilds(
  jobs: BuildJob[],
  config: Config,
  go: GoInvocation,
  confine: { roots: string[]; forbidden: string[] },
): Promise<{ outcomes: JobOutcome[]; wallMs: number }> {
  core.info(`Building ${jobs.length} binaries, ${Math.min(config.parallel, jobs.length)} at a time`);
  const started = Date.now();
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
  return { outcomes, wallMs: Date.now() - started };
}

/**
 * The flags the builds ran with, for the report, with the set variables that change what go builds (so
 * comparisons can tell builds apart).
 */
function reportFlags(config: Config, ldflags: string, env: NodeJS.ProcessEnv): ReportFlags {
  const set = BUILD_KEY_ENV.filter((name) => env[name]?.trim()).map((name) => [name, env[name]!.trim()]);
  return {
    ldflags: config.ldflags,
    ...(ldflags !== config.ldflags ? { stampedLdflags: ldflags } : {}),
    trimpath: config.trimpath,
    cgo: config.cgo,
    tags: config.buildTags,
    buildFlags: config.buildFlags,
    ...(set.length > 0 ? { env: Object.fromEntries(set) as Record<string, string> } : {}),
  };
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
  // The workspace, or RUNNER_TEMP for the merge-base build; never the toolchain that is about to run.
  const confine = {
    roots: [workspace, env.RUNNER_TEMP ?? ''],
    forbidden: [path.dirname(path.dirname(goBinary))],
  };
  const { outcomes, wallMs } = await runPlannedBuilds(plan.jobs, config, go, confine);
  const { built, failed, failures } = await sortOutcomes(outcomes, { config, go, workspace, ldflags });
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
    flags: reportFlags(config, ldflags, env),
    attributionMs,
  };
}
