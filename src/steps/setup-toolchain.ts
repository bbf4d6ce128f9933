import * as core from '../log.js';
import { lstat, readdir, readFile, rm } from 'node:fs/promises';
import { confinedFile } from '../platform/confine.js';
import path from 'node:path';
import type { Config } from '../config.js';
import { InputError, VerificationError } from '../errors.js';
import { downloadFile } from '../net/download.js';
import { DownloadError } from '../net/http.js';
import type { PlatformFacts } from '../platform/facts.js';
import { lookupModuleHash } from '../toolchain/checksum-db.js';
import { parseGoSumLine } from '../toolchain/dirhash.js';
import { GO_DEV_DOWNLOAD_BASE, installFromGoDev } from '../toolchain/godev-source.js';
import { extractZip } from '../toolchain/extract-zip.js';
import { mayFallThrough, moduleZipUrl, parseGoproxy, toolchainModule } from '../toolchain/goproxy.js';
import { findInstalledToolchain, installAtomically, type ToolchainSlot } from '../toolchain/install.js';
import {
  machineArchitecture,
  parseArchitectureInput,
  proveNative,
  toolchainArchFor,
} from '../toolchain/native.js';
import type { NativeProof } from '../toolchain/native.js';
import { probeToolchain, type ToolchainProbe } from '../toolchain/probe.js';
import { toolCacheArch } from '../toolchain/archive-paths.js';
import { fetchGoDevIndex, fetchToolchainModuleList } from '../version/fetch-releases.js';
import { parseVersionFile } from '../version/files.js';
import { checkSupportedVersion, plainSpecLine } from '../version/support.js';
import { checkIsVersionFile, workspaceFileCandidates } from '../version/workspace.js';
import { exactVersion, resolveVersion, satisfies, type Release } from '../version/resolve.js';
import {
  compareGoVersions,
  describeSpec,
  goToSemver,
  parseVersionSpec,
  semverToGo,
  type VersionSpec,
} from '../version/spec.js';

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

/** Go's own cap on a module zip (cmd/go's modfetch.MaxZipFile): no proxy may send a bigger toolchain module. */
const MAX_MODULE_ZIP_BYTES = 500 * 1024 * 1024;
// The largest official toolchain expands to well under this; anything bigger is not a Go toolchain.
const MAX_TOOLCHAIN_BYTES = 1024 * 1024 * 1024;

/**
 * A version file's text, or undefined when there is none. A pull request may commit it as a symlink: one that
 * leaves the workspace (a credentials file) or names no regular file (/dev/zero) is refused, never read.
 */
async function readOptionalFile(file: string, input: string, workspace: string): Promise<string | undefined> {
  if (!(await lstat(file).catch(() => undefined))) return undefined;
  return readFile(await confinedFile(file, { input, roots: [workspace] }), 'utf8');
}

/** Which spec applies and what decided it: the go-version input, a version file, go.work/go.mod, or stable. */
export interface VersionDecision {
  spec: VersionSpec;
  decidedBy: string;
  /** The input or file that holds the version, for messages about it. */
  inputName: string;
  /** The text as the input or file gave it (`1.2`), for the YAML float hint. */
  asWritten?: string;
}

/**
 * Decides the spec. go.work is found as go finds it (GOWORK from `env`: off, a path, or the nearest go.work at
 * or above working-directory), and a workspace's version wins over its member module's go.mod, as in go. A
 * plain version older than the action supports is refused here, before any index is fetched.
 */
export async function decideVersionSpec(
  config: Config,
  workspace: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<VersionDecision> {
  const building = config.targets.length > 0;
  if (config.goVersion) {
    if (config.goVersionFile) core.warning('Both go-version and go-version-file are set; go-version wins.');
    const decision = {
      spec: parseVersionSpec(config.goVersion, 'go-version'),
      decidedBy: `input go-version: ${config.goVersion}`,
      inputName: 'go-version',
      asWritten: config.goVersion,
    };
    checkPlainSpec(config.goVersion, decision, building);
    return decision;
  }
  if (config.goVersionFile) checkIsVersionFile(path.relative(workspace, config.goVersionFile));
  const work = config.goVersionFile
    ? { candidates: [], explicit: false }
    : workspaceFileCandidates(config.workingDirectory, env.GOWORK);
  const candidates = config.goVersionFile
    ? [config.goVersionFile]
    : [...work.candidates, path.join(config.workingDirectory, 'go.mod')];
  for (const file of candidates) {
    const text = await readOptionalFile(
      file,
      config.goVersionFile ? 'go-version-file' : path.basename(file),
      workspace,
    );
    if (text === undefined) {
      if (work.explicit && file === work.candidates[0]) {
        throw new InputError(
          'GOWORK',
          `The environment variable GOWORK names ${file}, which does not exist (go would fail to load the workspace)`,
          'set GOWORK to an existing go.work file, to off, or leave it unset',
        );
      }
      continue;
    }
    // Named relative to the workspace, so messages and annotations point at the file in the repository.
    const requirement = parseVersionFile(path.relative(workspace, file).split(path.sep).join('/'), text);
    const decision = {
      spec: parseVersionSpec(requirement.spec, path.basename(file)),
      decidedBy: requirement.source,
      inputName: path.basename(file),
    };
    checkPlainSpec(requirement.spec, decision, building);
    return decision;
  }
  if (config.goVersionFile) {
    throw new InputError(
      'go-version-file',
      `Input go-version-file names ${config.goVersionFile}, which does not exist`,
      'point it at a go.mod, go.work, .go-version or .tool-versions file, relative to the workspace',
    );
  }
  return {
    spec: { kind: 'alias', alias: 'stable' },
    decidedBy: 'no go-version, go-version-file, go.work or go.mod: stable',
    inputName: 'go-version',
  };
}

/** Refuses a plain spec (`1.2`, `1.16.x`) whose whole line is older than the action supports. */
function checkPlainSpec(text: string, decision: VersionDecision, building: boolean): void {
  const line = plainSpecLine(text);
  if (line) {
    checkSupportedVersion(line, {
      from: decision.decidedBy,
      inputName: decision.inputName,
      building,
      ...(decision.asWritten !== undefined ? { asWritten: decision.asWritten } : {}),
    });
  }
}

async function timed<T>(timings: Record<string, number>, phase: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await work();
  } finally {
    timings[phase] = (timings[phase] ?? 0) + (Date.now() - started);
  }
}

interface Fetched {
  source: string;
  verifiedHash?: string;
  verifiedBy?: string;
}

/**
 * The h1: hash to trust for a toolchain module. go asks the checksum database for golang.org/toolchain even
 * when go.sum has the line, so a toolchain-sum pin only adds a constraint: the database's answer must equal it.
 * With checksum-database off (an air-gapped runner), the pin is the one source of trust.
 */
async function trustedModuleHash(
  config: Config,
  module: { path: string; version: string },
): Promise<{ hash: string; via: string } | undefined> {
  const pinned = config.toolchainSum ? pinnedModuleHash(config.toolchainSum, module) : undefined;
  if (config.checksumDatabase === 'off') {
    if (pinned) return { hash: pinned, via: 'the toolchain-sum input (checksum-database: off)' };
    if (!config.verify) return undefined;
    throw new InputError(
      'checksum-database',
      `Input checksum-database is off and no toolchain-sum pins ${module.path}@${module.version}, so nothing could vouch for the download`,
      `pin its go.sum line with toolchain-sum, or use checksum-database: sum.golang.org`,
    );
  }
  let found: { hash: string; via: string };
  try {
    found = await lookupModuleHash({
      module: module.path,
      version: module.version,
      goproxy: parseGoproxy(config.goproxy).map((entry) => entry.url),
    });
  } catch (error) {
    if (config.verify) {
      throw new Error(
        `No trusted hash for ${module.path}@${module.version}: ${(error as Error).message}. ` +
          'Nothing was installed. Make the checksum database reachable (through a GOPROXY entry that serves ' +
          '/sumdb/sum.golang.org, or directly), or on an air-gapped runner pin the hash with toolchain-sum and set ' +
          'checksum-database: off',
        { cause: error },
      );
    }
    return pinned ? { hash: pinned, via: 'the toolchain-sum input' } : undefined;
  }
  if (pinned && pinned !== found.hash) {
    throw new VerificationError(
      `Input toolchain-sum pins ${module.path}@${module.version} to ${pinned}, but sum.golang.org (via ${found.via}) ` +
        `says ${found.hash}. Nothing was downloaded; take the line from the checksum database (or a go.sum that ` +
        `go wrote) and fix the pin`,
    );
  }
  const via = `sum.golang.org via ${found.via}`;
  return { hash: found.hash, via: pinned ? `${via} and the toolchain-sum input` : via };
}

/** The hash a toolchain-sum line pins, refused when it pins another module or version than this run installs. */
function pinnedModuleHash(line: string, module: { path: string; version: string }): string {
  const pinned = parseGoSumLine(line);
  if (pinned.module !== module.path || pinned.version !== module.version) {
    throw new InputError(
      'toolchain-sum',
      `Input toolchain-sum pins ${pinned.module}@${pinned.version}, but this run installs ${module.path}@${module.version}`,
      `pin the line for ${module.path} ${module.version} (from the go.sum of a module that requires it), or remove toolchain-sum`,
    );
  }
  return pinned.hash;
}

/** Downloads the toolchain module through the GOPROXY list, verifies its h1: hash, installs it atomically. */
async function fetchFromProxy(
  config: Config,
  slot: ToolchainSlot,
  module: { path: string; version: string },
  temp: string,
  timings: Record<string, number>,
): Promise<Fetched> {
  let lastError: Error | undefined;
  for (const entry of parseGoproxy(config.goproxy)) {
    if (entry.url === 'off') break;
    if (entry.url === 'direct') {
      core.info('GOPROXY entry "direct" cannot serve toolchain modules; skipping it.');
      continue;
    }
    const url = moduleZipUrl(entry.url, module);
    const zipPath = path.join(temp, `${module.version}.${process.pid}.zip`);
    try {
      // Known before the download, so a pin for another version or an unreachable database costs no download.
      const trusted = await timed(timings, 'verify', () => trustedModuleHash(config, module));
      core.info(`Fetching ${module.path}@${module.version} from ${entry.url}`);
      await timed(timings, 'fetch', () =>
        downloadFile({ url, destination: zipPath, log: core.info, maxBytes: MAX_MODULE_ZIP_BYTES }),
      );
      // One pass: the zip is hashed as it is extracted into staging; its go runs, and the staging directory is
      // renamed into the tool cache, only once the hash has matched.
      const provenance = { module: `${module.path}@${module.version}`, hash: '', from: url };
      await timed(timings, 'verify+install', () =>
        installAtomically(slot, provenance, async (staging) => {
          const extracted = await extractZip({
            zipPath,
            destination: staging,
            topDirectory: `${module.path}@${module.version}`,
            maxExtractedBytes: MAX_TOOLCHAIN_BYTES,
            moduleFixups: true,
            moduleHash: true,
          });
          const actual = extracted.h1 ?? '';
          provenance.hash = actual;
          if (!trusted) {
            core.warning(
              `verify is false: installing ${module.path}@${module.version} (${actual}) without checking it against a trusted hash.`,
            );
          } else if (actual !== trusted.hash) {
            throw new VerificationError(
              `Checksum mismatch for ${module.path}@${module.version} from ${entry.url}: the zip hashes to ${actual}, ` +
                `${trusted.via} says ${trusted.hash}. The proxy served a tampered or corrupt file; nothing was installed`,
            );
          } else {
            core.info(`Verified ${module.path}@${module.version}: ${actual} (${trusted.via})`);
          }
          // Proves it runs before it becomes visible in the tool cache.
          await probeToolchain(staging);
        }),
      );
      return {
        source: `${entry.url} (golang.org/toolchain module)`,
        ...(trusted ? { verifiedHash: provenance.hash, verifiedBy: trusted.via } : {}),
      };
    } catch (error) {
      lastError = error as Error;
      const status = error instanceof DownloadError ? error.status : undefined;
      if (!(error instanceof DownloadError) || !mayFallThrough(entry, status)) throw error;
      core.info(
        `${entry.url} does not have ${module.version} (HTTP ${status ?? 'error'}); trying the next GOPROXY entry.`,
      );
    } finally {
      await rm(zipPath, { force: true });
    }
  }
  throw new Error(
    `No GOPROXY entry in "${config.goproxy}" could serve ${module.path}@${module.version}` +
      (lastError ? `: ${lastError.message}` : '') +
      '. Check the goproxy input, or pick a version the proxy has.',
  );
}

/** The release index a source resolves versions against: go.dev's JSON, or the first proxy's toolchain list. */
async function fetchIndex(config: Config, source: 'go.dev' | 'goproxy'): Promise<Release[]> {
  if (source === 'go.dev') return fetchGoDevIndex(config.goDownloadBaseUrl, { log: core.info });
  const proxy = parseGoproxy(config.goproxy).find((entry) => /^https?:/.test(entry.url));
  if (!proxy) {
    throw new InputError(
      'goproxy',
      `Input goproxy (${config.goproxy}) has no proxy URL to list toolchains from`,
      'use e.g. https://proxy.golang.org,direct',
    );
  }
  return fetchToolchainModuleList(proxy.url, { log: core.info });
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

/** Installs `version` from one source into the slot. */
async function fetchFrom(
  source: 'go.dev' | 'goproxy',
  config: Config,
  slot: ToolchainSlot,
  version: string,
  platform: { goos: string; goarch: string },
  indexes: Map<string, Release[]>,
  temp: string,
  timings: Record<string, number>,
): Promise<Fetched> {
  if (source === 'goproxy') {
    return fetchFromProxy(
      config,
      slot,
      toolchainModule(version, platform.goos, platform.goarch),
      temp,
      timings,
    );
  }
  const releases = indexes.get(source) ?? (await timed(timings, 'resolve', () => fetchIndex(config, source)));
  indexes.set(source, releases);
  const release = releases.find((candidate) => candidate.version === version);
  if (!release)
    throw new Error(`The release index at ${config.goDownloadBaseUrl} does not list Go ${version}`);
  // go.dev's own index is go.dev's word; a mirror's index is only the mirror's, so the archive must also match
  // what the checksum database says of the toolchain module Go's release tooling makes from the same archive.
  const mirror = config.goDownloadBaseUrl !== GO_DEV_DOWNLOAD_BASE;
  const module = toolchainModule(version, platform.goos, platform.goarch);
  const independent = mirror
    ? await timed(timings, 'verify', () => trustedModuleHash(config, module))
    : undefined;
  if (mirror && !independent) {
    core.warning(
      `verify is false: the archive from ${config.goDownloadBaseUrl} is checked against that mirror's own index only.`,
    );
  }
  const installed = await timed(timings, 'fetch+verify+install', () =>
    installFromGoDev({
      baseUrl: config.goDownloadBaseUrl,
      release,
      goos: platform.goos,
      goarch: platform.goarch,
      slot,
      temp,
      log: core.info,
      verify: config.verify,
      ...(independent ? { independent: { module, ...independent } } : {}),
    }),
  );
  const file = release.files.find((f) => installed.url.endsWith(`/${f.filename}`));
  if (!file?.sha256)
    core.warning(
      `verify is false: Go ${version} from ${installed.url} was installed without a published SHA-256.`,
    );
  const verified = independent
    ? {
        verifiedHash: independent.hash,
        verifiedBy: `${independent.via}, for the archive's files as ${module.path}@${module.version}; the sha256 matched ${new URL(installed.url).host}'s own index`,
      }
    : file?.sha256
      ? {
          verifiedHash: `sha256:${installed.sha256}`,
          verifiedBy: mirror
            ? `only the release index of ${new URL(installed.url).host}, the mirror that sent the archive`
            : 'the release index at go.dev',
        }
      : {};
  return { source: `${config.goDownloadBaseUrl} (release archive)`, ...verified };
}

function sourcesFor(config: Config): ('go.dev' | 'goproxy')[] {
  return config.toolchainSource === 'auto' ? ['go.dev', 'goproxy'] : [config.toolchainSource];
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
  const { spec, decidedBy } = decision;
  const arch = toolCacheArch(goarch);
  let version = config.checkLatest
    ? undefined
    : (exactVersion(spec) ?? (await newestInstalled(runner.toolCache, arch, spec)));
  // Each source resolves against its own index; an index that cannot be had moves auto on to the next source.
  const indexes = new Map<string, Release[]>();
  const sources = sourcesFor(config);
  if (!version) {
    for (const source of sources) {
      try {
        const releases = await timed(timings, 'resolve', () => fetchIndex(config, source));
        indexes.set(source, releases);
        version = resolveVersion(spec, releases, { os: goos, arch: goarch }, 'go-version').version;
        break;
      } catch (error) {
        if (error instanceof InputError || source === sources.at(-1)) throw error;
        core.info(
          `Could not resolve against the ${source} index (${(error as Error).message}); trying the next source.`,
        );
      }
    }
  }
  if (!version) throw new Error(`Could not resolve ${describeSpec(spec)}`);
  // A range or alias may still land on a release older than the action supports; refuse it before download.
  checkSupportedVersion(version, {
    from: decidedBy,
    inputName: decision.inputName,
    building: config.targets.length > 0,
  });
  core.info(`Go ${version} for ${goos}/${goarch}, decided by ${decidedBy}`);

  const slot: ToolchainSlot = { toolCache: runner.toolCache, version: goToSemver(version), arch };
  let goroot = await findInstalledToolchain(slot);
  let fetched: Fetched | undefined;
  if (goroot) {
    core.info(`Using Go ${version} already in the tool cache: ${goroot}`);
  } else {
    for (const source of sources) {
      try {
        fetched = await fetchFrom(
          source,
          config,
          slot,
          version,
          { goos, goarch },
          indexes,
          runner.temp,
          timings,
        );
        break;
      } catch (error) {
        // A hash mismatch is a finding, never a reason to quietly try elsewhere.
        if (source === sources.at(-1) || error instanceof VerificationError || error instanceof InputError)
          throw error;
        core.warning(
          `Could not install Go ${version} from ${source}: ${(error as Error).message}. Trying ${sources.at(-1)}.`,
        );
      }
    }
    goroot = await findInstalledToolchain(slot);
    if (!goroot)
      throw new Error(`Go ${version} was installed but is not in the tool cache at ${slot.toolCache}`);
  }

  const probe = await timed(timings, 'prove', () => probeToolchain(goroot as string));
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
  return {
    version,
    goroot,
    probe,
    proof,
    source: fetched?.source ?? 'tool cache',
    decidedBy,
    ...(fetched?.verifiedHash ? { verifiedHash: fetched.verifiedHash, verifiedBy: fetched.verifiedBy } : {}),
    timings,
  };
}
