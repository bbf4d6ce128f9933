// Setting up Go, phase by phase: decide the version (version-decision.ts), resolve it against a release index,
// install it from the first source that has it (install-from-release.ts, install-from-proxy.ts) unless the tool
// cache already holds it, and prove the installed go is the release asked for and native.
import * as core from '../io/log.js';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../core/config.js';
import { InputError, VerificationError } from '../core/errors.js';
import type { PlatformFacts } from '../io/platform/facts.js';
import { toolCacheArch } from '../core/toolchain/archive-paths.js';
import { toolchainModule } from '../core/toolchain/goproxy.js';
import { findInstalledToolchain, type ToolchainSlot } from '../io/toolchain/install.js';
import {
  machineArchitecture,
  parseArchitectureInput,
  proveNative,
  toolchainArchFor,
  type NativeProof,
} from '../core/toolchain/native.js';
import { probeToolchain, type ToolchainProbe } from '../io/toolchain/probe.js';
import { checkSupportedVersion } from '../core/version/support.js';
import { exactVersion, resolveVersion, satisfies, type Release } from '../core/version/resolve.js';
import {
  compareGoVersions,
  describeSpec,
  goToSemver,
  semverToGo,
  type VersionSpec,
} from '../core/version/spec.js';
import { installFromProxy } from './install-from-proxy.js';
import { fetchReleaseIndex, installFromReleaseArchive } from './install-from-release.js';
import { timed, type InstallJob, type Installed } from './toolchain-trust.js';
import { decideVersionSpec } from './version-decision.js';

type Source = 'go.dev' | 'goproxy';

/** The outcome of setting up Go: where it is, where it came from, how it was checked, and the native proof. */
export interface ToolchainSetup {
  version: string;
  goroot: string;
  probe: ToolchainProbe;
  proof: NativeProof;
  source: string;
  decidedBy: string;
  verifiedHash?: string;
  verifiedBy?: string;
  timings: Record<string, number>;
}

/** The newest version in the tool cache that satisfies the spec, so no index is needed. */
async function newestInstalled(
  toolCache: string,
  arch: string,
  spec: VersionSpec,
): Promise<string | undefined> {
  const versions = await readdir(path.join(toolCache, 'go')).catch(() => [] as string[]);
  const candidates: string[] = [];
  for (const dir of versions) {
    const goVersion = semverToGo(dir);
    if (!satisfies(goVersion, spec)) continue;
    if (await findInstalledToolchain({ toolCache, version: dir, arch })) candidates.push(goVersion);
  }
  return candidates.sort(compareGoVersions).at(-1);
}

function sourcesFor(config: Config): Source[] {
  return config.toolchainSource === 'auto' ? ['go.dev', 'goproxy'] : [config.toolchainSource];
}

/**
 * The exact version to set up: the spec itself when exact, else the newest in the tool cache that satisfies it
 * (no index needed), else the newest in a source's index. Each source resolves against its own index; an index
 * that cannot be had moves auto on to the next source.
 */
async function resolveToInstall(
  config: Config,
  spec: VersionSpec,
  platform: { goos: string; goarch: string; arch: string; toolCache: string },
  indexes: Map<string, Release[]>,
  timings: Record<string, number>,
): Promise<string> {
  const known = config.checkLatest
    ? undefined
    : (exactVersion(spec) ?? (await newestInstalled(platform.toolCache, platform.arch, spec)));
  if (known) return known;
  const sources = sourcesFor(config);
  for (const source of sources) {
    try {
      const releases = await timed(timings, 'resolve', () => fetchReleaseIndex(config, source));
      indexes.set(source, releases);
      return resolveVersion(spec, releases, { os: platform.goos, arch: platform.goarch }, 'go-version')
        .version;
    } catch (error) {
      if (error instanceof InputError || source === sources.at(-1)) throw error;
      core.info(
        `Could not resolve against the ${source} index (${(error as Error).message}); trying the next source.`,
      );
    }
  }
  throw new Error(`Could not resolve ${describeSpec(spec)}`);
}

/** Installs `version` into the slot from the first source that can serve it. */
async function installFromSources(job: InstallJob): Promise<Installed> {
  const { config, slot, version, platform, temp, timings } = job;
  const sources = sourcesFor(config);
  for (const source of sources) {
    try {
      return source === 'goproxy'
        ? await installFromProxy(
            config,
            slot,
            toolchainModule(version, platform.goos, platform.goarch),
            temp,
            timings,
          )
        : await installFromReleaseArchive(job);
    } catch (error) {
      // A hash mismatch is a finding, never a reason to quietly try elsewhere.
      if (source === sources.at(-1) || error instanceof VerificationError || error instanceof InputError)
        throw error;
      core.warning(
        `Could not install Go ${version} from ${source}: ${(error as Error).message}. Trying ${sources.at(-1)}.`,
      );
    }
  }
  throw new Error(`No toolchain source is configured for Go ${version}`);
}

/** Resolves, fetches, verifies, installs and proves the toolchain. */
export async function setupToolchain(
  config: Config,
  facts: PlatformFacts,
  runner: { workspace: string; toolCache: string; temp: string },
): Promise<ToolchainSetup> {
  const timings: Record<string, number> = {};
  const requested = parseArchitectureInput(config.architecture);
  const machine = machineArchitecture(facts);
  const goarch = toolchainArchFor(requested, machine);
  const goos = machine.goos;

  const decision = await timed(timings, 'resolve', () => decideVersionSpec(config, runner.workspace));
  const arch = toolCacheArch(goarch);
  const indexes = new Map<string, Release[]>();
  const platform = { goos, goarch, arch, toolCache: runner.toolCache };
  const version = await resolveToInstall(config, decision.spec, platform, indexes, timings);
  // A range or alias may still land on a release older than the action supports; refuse it before download.
  checkSupportedVersion(version, {
    from: decision.decidedBy,
    inputName: decision.inputName,
    building: config.targets.length > 0,
  });
  core.info(`Go ${version} for ${goos}/${goarch}, decided by ${decision.decidedBy}`);

  const slot: ToolchainSlot = { toolCache: runner.toolCache, version: goToSemver(version), arch };
  let goroot = await findInstalledToolchain(slot);
  let fetched: Installed | undefined;
  if (goroot) {
    core.info(`Using Go ${version} already in the tool cache: ${goroot}`);
  } else {
    fetched = await installFromSources({
      config,
      slot,
      version,
      platform: { goos, goarch },
      indexes,
      temp: runner.temp,
      timings,
    });
    goroot = await findInstalledToolchain(slot);
    if (!goroot)
      throw new Error(`Go ${version} was installed but is not in the tool cache at ${slot.toolCache}`);
  }
  const { probe, proof } = await proveInstalled(goroot, version, requested, machine, timings);
  return {
    version,
    goroot,
    probe,
    proof,
    source: fetched?.source ?? 'tool cache',
    decidedBy: decision.decidedBy,
    ...(fetched?.verifiedHash ? { verifiedHash: fetched.verifiedHash, verifiedBy: fetched.verifiedBy } : {}),
    timings,
  };
}

/** Runs the installed go and proves it is the release asked for, built for this machine. */
async function proveInstalled(
  goroot: string,
  version: string,
  requested: ReturnType<typeof parseArchitectureInput>,
  machine: ReturnType<typeof machineArchitecture>,
  timings: Record<string, number>,
): Promise<{ probe: ToolchainProbe; proof: NativeProof }> {
  const probe = await timed(timings, 'prove', () => probeToolchain(goroot));
  // A slot's name is only a directory name: anything that can write the tool cache can plant another release
  // under it. The binary's own answer decides.
  if (probe.env.GOVERSION !== `go${version}`) {
    throw new Error(
      `The tool cache slot for Go ${version} (${goroot}) holds ${probe.env.GOVERSION || 'a toolchain that names no version'}, ` +
        `not go${version}; refusing to use it. Remove ${goroot} so the release is installed afresh.`,
    );
  }
  const proof = proveNative({
    requested,
    machine,
    headerArch: probe.header.arch,
    goHostArch: probe.env.GOHOSTARCH ?? '',
    goHostOs: probe.env.GOHOSTOS ?? '',
  });
  return { probe, proof };
}
