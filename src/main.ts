import * as core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readConfig } from './config.js';
import { InputError } from './errors.js';
import { gatherPlatformFacts } from './platform/facts.js';
import { buildReport } from './report/report.js';
import { renderBuildSection, renderSetupSection } from './report/summary.js';
import { buildTargets } from './steps/build-targets.js';
import { setupToolchain } from './steps/setup-toolchain.js';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(
      `${name} is not set: this action must run inside a GitHub Actions job (or the local runner in scripts/).`,
    );
  return value;
}

async function run(): Promise<void> {
  const workspace = requireEnv('GITHUB_WORKSPACE');
  const toolCache = requireEnv('RUNNER_TOOL_CACHE');
  const temp = requireEnv('RUNNER_TEMP');
  const config = readConfig((name) => core.getInput(name), { workspace, cores: os.availableParallelism() });

  core.startGroup('Set up Go');
  const facts = await gatherPlatformFacts();
  const setup = await setupToolchain(config, facts, { workspace, toolCache, temp });
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

  const summary = [
    renderSetupSection({
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
    }),
  ];

  if (config.targets.length > 0) {
    const built = await buildTargets(config, setup.probe.goBinary, workspace, process.env);
    const report = buildReport({
      go: {
        version: setup.version,
        hostOs: setup.proof.goHostOs,
        hostArch: setup.proof.goHostArch,
        native: setup.proof.native,
      },
      commit: process.env.GITHUB_SHA ?? null,
      flags: { ldflags: config.ldflags, trimpath: config.trimpath, cgo: config.cgo },
      targets: built.targets,
      wallMs: built.wallMs,
    });
    const reportFile = config.reportFile || path.join(temp, 'setup-go-arm64', 'report.json');
    await mkdir(path.dirname(reportFile), { recursive: true });
    await writeFile(reportFile, JSON.stringify(report, null, 2) + '\n');
    core.setOutput('report', JSON.stringify(report));
    core.setOutput('report-file', reportFile);
    core.setOutput('artifacts', JSON.stringify(report.targets.map((t) => t.path)));
    core.setOutput('total-size-bytes', String(report.totals.sizeBytes));
    core.setOutput('build-seconds', (report.totals.wallMs / 1000).toFixed(3));
    summary.push(renderBuildSection(report));
    if (built.failed.length > 0) {
      await core.summary.addRaw(summary.join('\n')).write();
      throw new Error(
        `${built.failed.length} of ${built.failed.length + built.targets.length} build(s) failed: ${built.failed.join(', ')}`,
      );
    }
  }
  await core.summary.addRaw(summary.join('\n')).write();
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
