// What every toolchain source shares: the timings of a run's phases, the job it is given, what an install
// reports, and the h1: hash a toolchain module must match (the checksum database's answer, a toolchain-sum pin,
// or both).
import type { Config } from '../core/config.js';
import { InputError, VerificationError } from '../core/errors.js';
import { lookupModuleHash } from '../io/toolchain/sumdb-client.js';
import { parseGoSumLine } from '../core/toolchain/module-hash.js';
import { parseGoproxy } from '../core/toolchain/goproxy.js';
import type { Release } from '../core/version/resolve.js';
import type { ToolchainSlot } from '../io/toolchain/install.js';

/** Adds the time `work` takes to `timings[phase]`, for the job summary's phase split. */
export async function timed<T>(
  timings: Record<string, number>,
  phase: string,
  work: () => Promise<T>,
): Promise<T> {
  const started = Date.now();
  try {
    return await work();
  } finally {
    timings[phase] = (timings[phase] ?? 0) + (Date.now() - started);
  }
}

/** One toolchain to install: the release, the slot it goes into, and what the run has gathered so far. */
export interface InstallJob {
  config: Config;
  slot: ToolchainSlot;
  version: string;
  platform: { goos: string; goarch: string };
  /** Release indexes fetched earlier in the run, by source; a source that needs one adds it. */
  indexes: Map<string, Release[]>;
  temp: string;
  timings: Record<string, number>;
}

/** Where an install came from and what vouched for it. */
export interface Installed {
  source: string;
  verifiedHash?: string;
  verifiedBy?: string;
}

/**
 * The h1: hash to trust for a toolchain module. go asks the checksum database for golang.org/toolchain even
 * when go.sum has the line, so a toolchain-sum pin only adds a constraint: the database's answer must equal it.
 * With checksum-database off (an air-gapped runner), the pin is the one source of trust.
 */
export async function trustedModuleHash(
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
