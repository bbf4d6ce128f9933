import * as core from './log.js';
import os from 'node:os';
import path from 'node:path';
import { goProblemMatcherFile } from './build/problem-matcher.js';
import { targetName } from './build/targets.js';
import { buildKeyEnvironment, prepareGoCaches, restoreGoCaches } from './cache/go-caches.js';
import { buildCacheStart } from './compare/like-for-like.js';
import { renderCacheRestoreSection } from './cache/summary.js';
import { readConfig } from './config.js';
import { InputError } from './errors.js';
import { gatherPlatformFacts } from './platform/facts.js';
import { buildReport, type Report } from './report/report.js';
import { renderSbomSection, type WrittenSbom } from './report/sbom.js';
import { renderBuildSection, renderSetupSection } from './report/summary.js';
import { planFor } from './build/build-plan.js';
import { buildTargets } from './steps/build-targets.js';
import { checkInputsBeforeSetup } from './steps/check-inputs.js';
import { publishReport, readAndMergeReports, writeChecksums } from './steps/publish-report.js';
import { setupToolchain, type ToolchainSetup } from './steps/setup-toolchain.js';
import { writeSboms } from './steps/write-sboms.js';
import {
  compareAndComment,
  readRunEvent,
  readSizeCommentInputs,
  warnAboutUntrustedCheckout,
} from './steps/size-comment.js';
import { CACHE_STATE, COMMENT_HEADER_STATE, REPORT_FILE_STATE, UNTRUSTED_CHECKOUT_STATE } from './state.js';

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

async function run(): Promise<void> {
  const workspace = requireEnv('GITHUB_WORKSPACE');
  const toolCache = requireEnv('RUNNER_TOOL_CACHE');
  const temp = requireEnv('RUNNER_TEMP');
  const input = (name: string) => core.getInput(name);
  // Every input is validated before anything is downloaded or built.
  const config = readConfig(input, { workspace, cores: os.availableParallelism() });
  const sizeInputs = readSizeCommentInputs(input, workspace);
  planFor(config);
  await checkInputsBeforeSetup(config, sizeInputs, workspace);
  const event = await readRunEvent();
  const reportFile = config.reportFile || path.join(temp, 'setup-go-arm64', 'report.json');
  const summary: string[] = [];
  const failures: string[] = [];

  let report: Report | undefined;
  let setup: ToolchainSetup | undefined;
  let sboms: WrittenSbom[] = [];
  if (config.mergeReports) {
    if (config.targets.length > 0) {
      throw new InputError(
        'merge-reports',
        `Inputs merge-reports (${config.mergeReports}) and targets (${config.targets.map(targetName).join(' ')}) are both set`,
        'merge reports in a job of their own, with targets empty',
      );
    }
    report = await readAndMergeReports(config.mergeReports, workspace);
  } else {
    // Caches saved here would be restored by pushes to the default branch: a fork's code must not write them.
    if (await warnAboutUntrustedCheckout(event, config.workingDirectory))
      core.saveState(UNTRUSTED_CHECKOUT_STATE, 'true');
    core.startGroup('Set up Go');
    const facts = await gatherPlatformFacts();
    setup = await setupToolchain(config, facts, { workspace, toolCache, temp });
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
    summary.push(setupSummary(setup));

    core.startGroup('Restore caches');
    const cachePlan = await prepareGoCaches({
      cache: config.cache,
      cacheBuild: config.cacheBuild,
      cacheSave: config.cacheSave,
      keyPrefix: config.cacheKeyPrefix,
      dependencyPath: config.cacheDependencyPath,
      runnerOs: process.env.RUNNER_OS ?? facts.platform,
      goHostArch: setup.proof.goHostArch,
      goVersion: setup.version,
      targets: config.targets.map(targetName),
      flags: {
        cgo: config.cgo,
        trimpath: config.trimpath,
        tags: config.buildTags,
        buildFlags: config.buildFlags,
        env: config.cache ? await buildKeyEnvironment(setup.probe.goBinary) : {},
      },
      runStamp: `${process.env.GITHUB_RUN_ID ?? Date.now()}.${process.env.GITHUB_RUN_ATTEMPT ?? 1}`,
      workingDirectory: config.workingDirectory,
      modCacheDir: setup.probe.env.GOMODCACHE ?? '',
      buildCacheDir: setup.probe.env.GOCACHE ?? '',
      // Its path is part of each entry's version, so it must not change between runs (RUNNER_TEMP may).
      stagingDir: path.join(os.tmpdir(), 'setup-go-arm64-cache'),
    });
    const restored = await restoreGoCaches(cachePlan);
    core.endGroup();
    for (const [name, value] of Object.entries(restored.outputs)) core.setOutput(name, value);
    core.saveState(CACHE_STATE, JSON.stringify({ plan: cachePlan, restored }));
    summary.push(renderCacheRestoreSection(restored, cachePlan.flagsDescription));

    if (config.targets.length > 0) {
      const built = await buildTargets(config, setup.probe.goBinary, workspace, process.env);
      if (config.sbom) sboms = await writeSboms(built.targets, workspace);
      report = buildReport({
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
          workspace,
          outputDir: config.outputDir,
          roots: [workspace, temp],
        });
      }
      if (built.failed.length > 0) {
        failures.push(
          `${built.failed.length} of ${built.failed.length + built.targets.length} build(s) failed: ${built.failed.join(', ')}`,
        );
      }
    }
    // Registered after our own builds, so their log is not matched twice; later steps' go output is.
    core.addMatcher(goProblemMatcherFile());
  }

  if (report) {
    await publishReport(report, reportFile, [workspace, temp]);
    core.saveState(REPORT_FILE_STATE, reportFile);
    // Only runs that compare keep their report for later comparisons: with comment: off (the reusable
    // workflow's per-runner jobs) a partial report must not take the key the merged one should have.
    if (sizeInputs.comment.mode !== 'off') core.saveState(COMMENT_HEADER_STATE, sizeInputs.comment.header);
    summary.push(renderBuildSection(report));
    if (sboms.length > 0) summary.push(renderSbomSection(sboms));
    if (failures.length === 0) {
      const toolchain = setup;
      const headReport = report;
      const compared = await compareAndComment({
        inputs: sizeInputs,
        event,
        report: headReport,
        repoDir: config.workingDirectory,
        temp,
        ...(toolchain
          ? {
              // The base is built with this run's toolchain, flags and targets, so only the code differs.
              buildBase: async (_root: string, inWorktree: (p: string) => string) => {
                const base = await buildTargets(
                  {
                    ...config,
                    workingDirectory: inWorktree(config.workingDirectory),
                    outputDir: path.join(temp, 'setup-go-arm64', 'base-bin'),
                  },
                  toolchain.probe.goBinary,
                  inWorktree(workspace),
                  process.env,
                );
                if (base.failed.length > 0)
                  throw new Error(`the base build failed: ${base.failed.join(', ')}`);
                return buildReport({
                  go: headReport.go,
                  commit: null,
                  flags: base.flags,
                  targets: base.targets,
                  wallMs: base.wallMs,
                });
              },
            }
          : {}),
      });
      if (compared.summary) summary.push(compared.summary);
      if (compared.regression) failures.push(compared.regression);
    }
  }

  await core.summary.addRaw(summary.join('\n')).write();
  if (failures.length > 0) throw new Error(failures.join('; '));
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
