// The cache phase of the main step: restores GOMODCACHE and GOCACHE for what this run builds.
import * as core from '../io/log.js';
import os from 'node:os';
import path from 'node:path';
import { targetName } from '../core/build/targets.js';
import {
  buildKeyEnvironment,
  prepareGoCaches,
  restoreGoCaches,
  type RestoreResult,
} from '../io/cache/go-caches.js';
import { renderCacheRestoreSection } from '../core/cache/summary.js';
import type { Config } from '../core/config.js';
import type { PlatformFacts } from '../io/platform/facts.js';
import { CACHE_STATE } from '../core/state.js';
import type { ToolchainSetup } from './setup-toolchain.js';

/** Restores GOMODCACHE and GOCACHE under keys made of what this run builds; the post step saves by the plan. */
export async function restoreCaches(
  config: Config,
  setup: ToolchainSetup,
  facts: PlatformFacts,
): Promise<{ restored: RestoreResult; summary: string }> {
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
  return { restored, summary: renderCacheRestoreSection(restored, cachePlan.flagsDescription) };
}
