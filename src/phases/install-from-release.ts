// The go.dev source: a release archive from go.dev or a mirror of it (go-download-base-url), checked against the
// release index's SHA-256 and, for a mirror, against what the checksum database says of the same release.
import * as core from '../io/log.js';
import type { Config } from '../core/config.js';
import { InputError } from '../core/errors.js';
import { parseGoproxy, toolchainModule } from '../core/toolchain/goproxy.js';
import { GO_DEV_DOWNLOAD_BASE, installFromGoDev } from '../io/toolchain/godev-source.js';
import { fetchGoDevIndex, fetchToolchainModuleList } from '../io/version/fetch-releases.js';
import type { Release } from '../core/version/resolve.js';
import { timed, trustedModuleHash, type InstallJob, type Installed } from './toolchain-trust.js';

/** The release index a source resolves versions against: go.dev's JSON, or the first proxy's toolchain list. */
export async function fetchReleaseIndex(config: Config, source: 'go.dev' | 'goproxy'): Promise<Release[]> {
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

/** Installs `version` from go.dev's (or a mirror's) release archive into the slot. */
export async function installFromReleaseArchive(job: InstallJob): Promise<Installed> {
  const { config, slot, version, platform, indexes, temp, timings } = job;
  const releases =
    indexes.get('go.dev') ?? (await timed(timings, 'resolve', () => fetchReleaseIndex(config, 'go.dev')));
  indexes.set('go.dev', releases);
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
  return {
    source: `${config.goDownloadBaseUrl} (release archive)`,
    ...whatVouched(installed, Boolean(file?.sha256), mirror, module, independent),
  };
}

/** What vouched for the archive: the checksum database (mirrors), else the release index's SHA-256, else nothing. */
function whatVouched(
  installed: { url: string; sha256: string },
  publishedSha256: boolean,
  mirror: boolean,
  module: { path: string; version: string },
  independent: { hash: string; via: string } | undefined,
): { verifiedHash?: string; verifiedBy?: string } {
  return independent
    ? {
        verifiedHash: independent.hash,
        verifiedBy: `${independent.via}, for the archive's files as ${module.path}@${module.version}; the sha256 matched ${new URL(installed.url).host}'s own index`,
      }
    : publishedSha256
      ? {
          verifiedHash: `sha256:${installed.sha256}`,
          verifiedBy: mirror
            ? `only the release index of ${new URL(installed.url).host}, the mirror that sent the archive`
            : 'the release index at go.dev',
        }
      : {};
}
