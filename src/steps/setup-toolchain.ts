import * as core from '@actions/core';
import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.js';
import { InputError } from '../errors.js';
import { DownloadError, downloadFile } from '../net/download.js';
import type { PlatformFacts } from '../platform/facts.js';
import { lookupModuleHash } from '../toolchain/checksum-db.js';
import { hashModuleZip } from '../toolchain/dirhash.js';
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
import { fetchToolchainModuleList } from '../version/fetch-releases.js';
import { parseVersionFile } from '../version/files.js';
import { exactVersion, resolveVersion } from '../version/resolve.js';
import { goToSemver, parseVersionSpec, type VersionSpec } from '../version/spec.js';

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

// The largest official toolchain expands to well under this; anything bigger is not a Go toolchain.
const MAX_TOOLCHAIN_BYTES = 1024 * 1024 * 1024;

async function readOptionalFile(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Which spec applies, and what decided it: the go-version input, a version file, go.work/go.mod, or stable. */
export async function decideVersionSpec(
  config: Config,
  workspace: string,
): Promise<{ spec: VersionSpec; decidedBy: string }> {
  if (config.goVersion) {
    if (config.goVersionFile) core.warning('Both go-version and go-version-file are set; go-version wins.');
    return {
      spec: parseVersionSpec(config.goVersion, 'go-version'),
      decidedBy: `input go-version: ${config.goVersion}`,
    };
  }
  const candidates = config.goVersionFile
    ? [config.goVersionFile]
    : [path.join(config.workingDirectory, 'go.work'), path.join(config.workingDirectory, 'go.mod')];
  for (const file of candidates) {
    const text = await readOptionalFile(file);
    if (text === undefined) continue;
    // Named relative to the workspace, so messages and annotations point at the file in the repository.
    const requirement = parseVersionFile(path.relative(workspace, file).split(path.sep).join('/'), text);
    return { spec: parseVersionSpec(requirement.spec, path.basename(file)), decidedBy: requirement.source };
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
  };
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
  verifiedHash: string;
  verifiedBy: string;
}

/** Downloads the toolchain module through the GOPROXY list, verifies its h1: hash, installs it atomically. */
async function fetchFromProxy(
  config: Config,
  slot: ToolchainSlot,
  module: { path: string; version: string },
  temp: string,
  timings: Record<string, number>,
): Promise<Fetched> {
  const proxies = parseGoproxy(config.goproxy);
  const usable = proxies.filter((entry) => entry.url !== 'direct' && entry.url !== 'off');
  let lastError: Error | undefined;
  for (const entry of proxies) {
    if (entry.url === 'off') break;
    if (entry.url === 'direct') {
      core.info('GOPROXY entry "direct" cannot serve toolchain modules; skipping it.');
      continue;
    }
    const url = moduleZipUrl(entry.url, module);
    const zipPath = path.join(temp, `${module.version}.${process.pid}.zip`);
    try {
      core.info(`Fetching ${module.path}@${module.version} from ${entry.url}`);
      await timed(timings, 'fetch', () => downloadFile({ url, destination: zipPath, log: core.info }));
      const trusted = await timed(timings, 'verify', () =>
        lookupModuleHash({ module: module.path, version: module.version, goproxy: usable.map((e) => e.url) }),
      );
      const actual = await timed(timings, 'verify', () => hashModuleZip(zipPath));
      if (actual !== trusted.hash) {
        throw new Error(
          `Checksum mismatch for ${module.path}@${module.version} from ${entry.url}: the zip hashes to ${actual}, ` +
            `the checksum database says ${trusted.hash}. The proxy served a tampered or corrupt file; nothing was installed`,
        );
      }
      core.info(
        `Verified ${module.path}@${module.version}: ${actual} (checksum database via ${trusted.via})`,
      );
      await timed(timings, 'install', () =>
        installAtomically(
          slot,
          { module: `${module.path}@${module.version}`, hash: actual, from: url },
          async (staging) => {
            await extractZip({
              zipPath,
              destination: staging,
              topDirectory: `${module.path}@${module.version}`,
              maxExtractedBytes: MAX_TOOLCHAIN_BYTES,
              moduleFixups: true,
            });
            // Proves it runs before it becomes visible in the tool cache.
            await probeToolchain(staging);
          },
        ),
      );
      return { source: entry.url, verifiedHash: actual, verifiedBy: `sum.golang.org via ${trusted.via}` };
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

  const { spec, decidedBy } = await timed(timings, 'resolve', () =>
    decideVersionSpec(config, runner.workspace),
  );
  let version = exactVersion(spec);
  if (!version) {
    const proxy = parseGoproxy(config.goproxy).find((entry) => /^https?:/.test(entry.url));
    if (!proxy)
      throw new InputError(
        'goproxy',
        'No proxy URL to list toolchain releases from',
        'use e.g. https://proxy.golang.org',
      );
    const releases = await timed(timings, 'resolve', () => fetchToolchainModuleList(proxy.url));
    version = resolveVersion(spec, releases, { os: goos, arch: goarch }, 'go-version').version;
  }
  core.info(`Go ${version} for ${goos}/${goarch}, decided by ${decidedBy}`);

  const slot: ToolchainSlot = {
    toolCache: runner.toolCache,
    version: goToSemver(version),
    arch: toolCacheArch(goarch),
  };
  let goroot = await findInstalledToolchain(slot);
  let fetched: Fetched | undefined;
  if (goroot) {
    core.info(`Using Go ${version} already in the tool cache: ${goroot}`);
  } else {
    const module = toolchainModule(version, goos, goarch);
    fetched = await fetchFromProxy(config, slot, module, runner.temp, timings);
    goroot = path.join(slot.toolCache, 'go', slot.version, slot.arch);
    await stat(goroot);
  }

  const probe = await timed(timings, 'prove', () => probeToolchain(goroot as string));
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
    source: fetched ? `${fetched.source} (golang.org/toolchain module)` : 'tool cache',
    decidedBy,
    ...(fetched ? { verifiedHash: fetched.verifiedHash, verifiedBy: fetched.verifiedBy } : {}),
    timings,
  };
}
