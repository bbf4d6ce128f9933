import * as core from '../io/log.js';
import os from 'node:os';
import path from 'node:path';
import { goProblemMatcherFile } from './problem-matcher.js';
import { targetName } from '../core/build/targets.js';
import type { RestoreResult } from '../io/cache/go-caches.js';
import { buildCacheStart } from '../core/compare/like-for-like.js';
import { readConfig, type Config } from '../core/config.js';
import { InputError } from '../core/errors.js';
import type { WorktreePath } from '../io/github/base-report.js';
import { gatherPlatformFacts, type PlatformFacts } from '../io/platform/facts.js';
import { buildReport, type Report } from '../core/report/report.js';
import { renderSbomSection, type WrittenSbom } from '../core/report/sbom.js';
import { renderBuildSection, renderSetupSection } from '../core/report/summary.js';
import { planFor } from '../core/build/build-plan.js';
import { buildTargets } from '../phases/build-targets.js';
import { checkInputsBeforeSetup } from '../phases/check-inputs.js';
import { restoreCaches } from '../phases/restore-caches.js';
import { publishReport, readAndMergeReports, writeChecksums } from '../phases/publish-report.js';
import { setupToolchain, type ToolchainSetup } from '../phases/setup-toolchain.js';
import { writeSboms } from '../phases/write-sboms.js';
import {
  compareAndComment,
  readRunEvent,
  readSizeCommentInputs,
  warnAboutUntrustedCheckout,
  type RunEvent,
  type SizeCommentInputs,
} from '../phases/size-comment.js';
import { COMMENT_HEADER_STATE, REPORT_FILE_STATE, UNTRUSTED_CHECKOUT_STATE } from '../core/state.js';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set: this action must run inside a GitHub Actions job (or the local runner in scripts/).`,
    );
  }
  return value;
}

function setupSummary(setup: ToolchainSetup): string {
  return renderSetupSection({
    version: setup.version,
    source: setup.source,
    decidedBy: setup.decidedBy,
    goroot: setup.goroot,
    verifiedHash: setup.verifiedHash,
    verifiedBy: setup.verifiedBy,
    headerFormat: setup.probe.header.format,
    headerArch: setup.probe.header.arch,
    goHostOs: setup.proof.goHostOs,
    goHostArch: setup.proof.goHostArch,
    machineArch: setup.proof.machineArch,
    native: setup.proof.native,
    rosetta: setup.proof.rosetta,
    timings: setup.timings,
  });
}

/** Where this run lives on the runner. */
interface RunnerDirs {
  workspace: string;
  toolCache: string;
  temp: string;
}

/** The inputs, validated, and the event that started the run. */
interface RunInputs {
  config: Config;
  sizeInputs: SizeCommentInputs;
  event: RunEvent;
  reportFile: string;
}

/** What the phases leave for the end of the run: job summary sections, and why the step fails. */
interface RunLog {
  summary: string[];
  failures: string[];
}

/** What this job produced: a report unless it had no targets; the toolchain unless it only merged reports. */
interface Produced {
  report?: Report;
  setup?: ToolchainSetup;
  sboms: WrittenSbom[];
}

/** Every input is validated before anything is downloaded or built. */
async function readInputs(dirs: RunnerDirs): Promise<RunInputs> {
  const input = (name: string) => core.getInput(name);
  const config = readConfig(input, { workspace: dirs.workspace, cores: os.availableParallelism() });
  const sizeInputs = readSizeCommentInputs(input, dirs.workspace);
  planFor(config);
  await checkInputsBeforeSetup(config, sizeInputs, dirs.workspace);
  const event = await readRunEvent();
  const reportFile = config.reportFile || path.join(dirs.temp, 'setup-go-arm64', 'report.json');
  return { config, sizeInputs, event, reportFile };
}

/** merge-reports: the job builds nothing and reports what the other jobs' reports say. */
async function mergeOnly(config: Config, workspace: string): Promise<Produced> {
  if (config.targets.length > 0) {
    throw new InputError(
      'merge-reports',
      `Inputs merge-reports (${config.mergeReports}) and targets (${config.targets.map(targetName).join(' ')}) are both set`,
      'merge reports in a job of their own, with targets empty',
    );
  }
  return { report: await readAndMergeReports(config.mergeReports, workspace), sboms: [] };
}

/** Installs the toolchain and proves it native, then puts it on PATH and sets the toolchain outputs. */
async function setUpGo(
  { config, event }: RunInputs,
  dirs: RunnerDirs,
  log: RunLog,
): Promise<{ setup: ToolchainSetup; facts: PlatformFacts }> {
  // Two independent process runs (git, uname and the like), so they run at once.
  const [untrusted, facts] = await Promise.all([
    warnAboutUntrustedCheckout(event, config.workingDirectory),
    gatherPlatformFacts(),
  ]);
  // Caches saved here would be restored by pushes to the default branch: a fork's code must not write them.
  if (untrusted) core.saveState(UNTRUSTED_CHECKOUT_STATE, 'true');
  core.startGroup('Set up Go');
  const setup = await setupToolchain(config, facts, dirs);
  core.endGroup();
  if (setup.proof.verdict === 'fail') throw new Error(setup.proof.message);
  if (setup.proof.verdict === 'warn') core.warning(setup.proof.message);
  core.info(setup.proof.message);

  core.addPath(path.join(setup.goroot, 'bin'));
  if (setup.probe.env.GOPATH) core.addPath(path.join(setup.probe.env.GOPATH, 'bin'));
  core.exportVariable('GOTOOLCHAIN', config.gotoolchain);
  core.setOutput('go-version', setup.version);
  core.setOutput('go-root', setup.goroot);
  core.setOutput('architecture', setup.probe.header.arch);
  core.setOutput('native', String(setup.proof.native));
  core.setOutput('rosetta', String(setup.proof.rosetta));
  log.summary.push(setupSummary(setup));
  return { setup, facts };
}

/** Builds the targets into this run's report, SBOMs and checksums; a failed build fails the step at the end. */
async function buildAndMeasure(
  config: Config,
  setup: ToolchainSetup,
  restored: RestoreResult,
  dirs: RunnerDirs,
  log: RunLog,
): Promise<{ report: Report; sboms: WrittenSbom[] }> {
  const built = await buildTargets(config, setup.probe.goBinary, dirs.workspace, process.env);
  const sboms = config.sbom ? await writeSboms(built.targets, dirs.workspace) : [];
  const report = buildReport({
    go: {
      version: setup.version,
      hostOs: setup.proof.goHostOs,
      hostArch: setup.proof.goHostArch,
      native: setup.proof.native,
    },
    commit: process.env.GITHUB_SHA ?? null,
    flags: built.flags,
    targets: built.targets,
    failed: built.failures,
    ...buildCacheStart(restored.entries),
    wallMs: built.wallMs,
  });
  if (report.targets.length > 0) {
    await writeChecksums(report.targets, {
      workspace: dirs.workspace,
      outputDir: config.outputDir,
      roots: [dirs.workspace, dirs.temp],
    });
  }
  if (built.failed.length > 0) {
    log.failures.push(
      `${built.failed.length} of ${built.failed.length + built.targets.length} build(s) failed: ${built.failed.join(', ')}`,
    );
  }
  return { report, sboms };
}

async function setUpAndBuild(inputs: RunInputs, dirs: RunnerDirs, log: RunLog): Promise<Produced> {
  const { setup, facts } = await setUpGo(inputs, dirs, log);
  const { restored, summary } = await restoreCaches(inputs.config, setup, facts);
  log.summary.push(summary);
  const built =
    inputs.config.targets.length > 0
      ? await buildAndMeasure(inputs.config, setup, restored, dirs, log)
      : { sboms: [] };
  // Registered after our own builds, so their log is not matched twice; later steps' go output is.
  core.addMatcher(goProblemMatcherFile());
  return { setup, ...built };
}

/** The merge-base built in its worktree with this run's toolchain, flags and targets, so only the code differs. */
function baseBuilder(config: Config, setup: ToolchainSetup, dirs: RunnerDirs, head: Report) {
  return async (_root: string, inWorktree: WorktreePath): Promise<Report> => {
    const base = await buildTargets(
      {
        ...config,
        workingDirectory: inWorktree(config.workingDirectory),
        outputDir: path.join(dirs.temp, 'setup-go-arm64', 'base-bin'),
      },
      setup.probe.goBinary,
      inWorktree(dirs.workspace),
      process.env,
    );
    if (base.failed.length > 0) throw new Error(`the base build failed: ${base.failed.join(', ')}`);
    return buildReport({
      go: head.go,
      commit: null,
      flags: base.flags,
      targets: base.targets,
      wallMs: base.wallMs,
    });
  };
}

/** Publishes the report; when every build succeeded, compares it with the base's and comments. */
async function publishAndCompare(
  report: Report,
  { setup, sboms }: Produced,
  { config, sizeInputs, event, reportFile }: RunInputs,
  dirs: RunnerDirs,
  log: RunLog,
): Promise<void> {
  await publishReport(report, reportFile, [dirs.workspace, dirs.temp]);
  core.saveState(REPORT_FILE_STATE, reportFile);
  // Only runs that compare keep their report for later comparisons: with comment: off (the reusable
  // workflow's per-runner jobs) a partial report must not take the key the merged one should have.
  if (sizeInputs.comment.mode !== 'off') core.saveState(COMMENT_HEADER_STATE, sizeInputs.comment.header);
  log.summary.push(renderBuildSection(report));
  if (sboms.length > 0) log.summary.push(renderSbomSection(sboms));
  if (log.failures.length > 0) return;
  const compared = await compareAndComment({
    inputs: sizeInputs,
    event,
    report,
    repoDir: config.workingDirectory,
    temp: dirs.temp,
    ...(setup ? { buildBase: baseBuilder(config, setup, dirs, report) } : {}),
  });
  if (compared.summary) log.summary.push(compared.summary);
  if (compared.regression) log.failures.push(compared.regression);
}

async function run(): Promise<void> {
  const dirs: RunnerDirs = {
    workspace: requireEnv('GITHUB_WORKSPACE'),
    toolCache: requireEnv('RUNNER_TOOL_CACHE'),
    temp: requireEnv('RUNNER_TEMP'),
  };
  const inputs = await readInputs(dirs);
  const log: RunLog = { summary: [], failures: [] };
  const produced = inputs.config.mergeReports
    ? await mergeOnly(inputs.config, dirs.workspace)
    : await setUpAndBuild(inputs, dirs, log);
  if (produced.report) await publishAndCompare(produced.report, produced, inputs, dirs, log);
  await core.summary.addRaw(log.summary.join('\n')).write();
  if (log.failures.length > 0) throw new Error(log.failures.join('; '));
}

run().catch((error: unknown) => {
  if (error instanceof InputError && error.location) {
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const file = path
      .relative(workspace, path.resolve(workspace, error.location.file))
      .split(path.sep)
      .join('/');
    core.error(error.message, {
      title: `Invalid ${error.input}`,
      file,
      startLine: error.location.line,
      ...(error.location.column ? { startColumn: error.location.column } : {}),
    });
    core.setFailed(error.message);
  } else {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
});
