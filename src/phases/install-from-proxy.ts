// The goproxy source: the golang.org/toolchain module zip from the first GOPROXY entry that has it, checked
// against the checksum database (or a toolchain-sum pin) in the same pass that extracts it.
import * as core from '../io/log.js';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../core/config.js';
import { VerificationError } from '../core/errors.js';
import { DownloadError } from '../core/net/attempts.js';
import { downloadFile } from '../io/net/download.js';
import { extractZip } from '../io/toolchain/extract-zip.js';
import { mayFallThrough, moduleZipUrl, parseGoproxy } from '../core/toolchain/goproxy.js';
import { installAtomically, type ToolchainSlot } from '../io/toolchain/install.js';
import { probeToolchain } from '../io/toolchain/probe.js';
import { timed, trustedModuleHash, type Installed } from './toolchain-trust.js';

/** A toolchain module: `golang.org/toolchain` at `v0.0.1-go1.25.4.linux-amd64`. */
type ToolchainModule = { path: string; version: string };

/** Go's own cap on a module zip (cmd/go's modfetch.MaxZipFile): no proxy may send a bigger toolchain module. */
const MAX_MODULE_ZIP_BYTES = 500 * 1024 * 1024;
// The largest official toolchain expands to well under this; anything bigger is not a Go toolchain.
const MAX_TOOLCHAIN_BYTES = 1024 * 1024 * 1024;

/** Downloads the toolchain module through the GOPROXY list, verifies its h1: hash, installs it atomically. */
export async function installFromProxy(
  config: Config,
  slot: ToolchainSlot,
  module: ToolchainModule,
  temp: string,
  timings: Record<string, number>,
): Promise<Installed> {
  let lastError: Error | undefined;
  for (const entry of parseGoproxy(config.goproxy)) {
    if (entry.url === 'off') break;
    if (entry.url === 'direct') {
      core.info('GOPROXY entry "direct" cannot serve toolchain modules; skipping it.');
      continue;
    }
    try {
      return await installFromProxyEntry(config, slot, module, entry.url, temp, timings);
    } catch (error) {
      lastError = error as Error;
      const status = error instanceof DownloadError ? error.status : undefined;
      if (!(error instanceof DownloadError) || !mayFallThrough(entry, status)) throw error;
      core.info(
        `${entry.url} does not have ${module.version} (HTTP ${status ?? 'error'}); trying the next GOPROXY entry.`,
      );
    }
  }
  throw new Error(
    `No GOPROXY entry in "${config.goproxy}" could serve ${module.path}@${module.version}` +
      (lastError ? `: ${lastError.message}` : '') +
      '. Check the goproxy input, or pick a version the proxy has.',
  );
}

/** One GOPROXY entry's try: the trusted hash first, then the download, then one pass that hashes and extracts. */
async function installFromProxyEntry(
  config: Config,
  slot: ToolchainSlot,
  module: ToolchainModule,
  proxyUrl: string,
  temp: string,
  timings: Record<string, number>,
): Promise<Installed> {
  const url = moduleZipUrl(proxyUrl, module);
  const zipPath = path.join(temp, `${module.version}.${process.pid}.zip`);
  try {
    // Known before the download, so a pin for another version or an unreachable database costs no download.
    const trusted = await timed(timings, 'verify', () => trustedModuleHash(config, module));
    core.info(`Fetching ${module.path}@${module.version} from ${proxyUrl}`);
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
        provenance.hash = extracted.h1 ?? '';
        checkModuleHash(module, proxyUrl, provenance.hash, trusted);
        // Proves it runs before it becomes visible in the tool cache.
        await probeToolchain(staging);
      }),
    );
    return {
      source: `${proxyUrl} (golang.org/toolchain module)`,
      ...(trusted ? { verifiedHash: provenance.hash, verifiedBy: trusted.via } : {}),
    };
  } finally {
    await rm(zipPath, { force: true });
  }
}

/** Compares the zip's h1: hash with the trusted one; without one (verify: false) it only warns. */
function checkModuleHash(
  module: ToolchainModule,
  proxyUrl: string,
  actual: string,
  trusted: { hash: string; via: string } | undefined,
): void {
  if (!trusted) {
    core.warning(
      `verify is false: installing ${module.path}@${module.version} (${actual}) without checking it against a trusted hash.`,
    );
  } else if (actual !== trusted.hash) {
    throw new VerificationError(
      `Checksum mismatch for ${module.path}@${module.version} from ${proxyUrl}: the zip hashes to ${actual}, ` +
        `${trusted.via} says ${trusted.hash}. The proxy served a tampered or corrupt file; nothing was installed`,
    );
  } else {
    core.info(`Verified ${module.path}@${module.version}: ${actual} (${trusted.via})`);
  }
}
