import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { VerificationError } from '../../core/errors.js';
import { downloadFile, type DownloadOptions } from '../net/download.js';
import type { ReleaseFile } from '../../core/version/resolve.js';
import { MAX_ARCHIVE_ENTRIES } from '../../core/toolchain/archive-paths.js';
import { selectGoDevArchive } from '../../core/toolchain/godev-archive.js';
import { hashGoArchiveAsModule } from './dirhash.js';
import { extractReleaseArchive } from './extract-release-archive.js';
import { installAtomically, type ToolchainSlot } from './install.js';
import { goBinaryPath, goEnv } from './probe.js';

/** Where go.dev publishes release archives; the go-download-base-url input names a mirror of it. */
export const GO_DEV_DOWNLOAD_BASE = 'https://go.dev/dl';

export interface InstallFromGoDevOptions {
  /** The directory the archives are under; default go.dev/dl, or a mirror (go-download-base-url). */
  baseUrl?: string;
  /** The release, as the index lists it (`1.25.4` or `go1.25.4`). */
  release: { version: string; files: ReleaseFile[] };
  goos: string;
  goarch: string;
  slot: ToolchainSlot;
  /** Where the archive is downloaded to (RUNNER_TEMP); it is deleted afterwards. */
  temp: string;
  log: (message: string) => void;
  /** Set false only to install from an index that publishes no sha256; a published one is always checked. */
  verify?: boolean;
  /**
   * For a mirror: the golang.org/toolchain module made from the same release, and the h1: hash a source the
   * mirror does not control (the checksum database, a pinned toolchain-sum) gives it. The archive's files must
   * hash to it before anything is extracted.
   */
  independent?: { module: { path: string; version: string }; hash: string; via: string };
  /** Retry and timeout tuning for the download. */
  download?: Pick<
    DownloadOptions,
    'attempts' | 'stallTimeoutMs' | 'backoffMs' | 'maxRetryAfterMs' | 'headers'
  >;
}

export interface GoDevInstall {
  url: string;
  /** SHA-256 of the downloaded archive (equal to the index's, when it publishes one). */
  sha256: string;
  goroot: string;
  /** False when a concurrent install of the same version finished first; its copy is used. */
  installedByUs: boolean;
}

/** Real archives expand about 3×; a gzip or zip bomb expands hundreds of times. */
const EXPANSION_FACTOR = 8;
/** The download cap when the index gives no size. */
const MAX_ARCHIVE_BYTES = 512 * 1024 * 1024;
/** A plain file name: the index must not steer the URL or the temporary path elsewhere. */
const PLAIN_ARCHIVE_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]*\.(tar\.gz|zip)$/;

/** Runs the staged bin/go and checks it names the release it was downloaded as. */
async function checkGoVersion(goroot: string, goVersion: string, filename: string): Promise<void> {
  let reported: string | undefined;
  try {
    // GOROOT pinned to the staging directory: an inherited one would make bin/go describe another toolchain.
    reported = (await goEnv(goBinaryPath(goroot), ['GOVERSION'], { ...process.env, GOROOT: goroot }))
      .GOVERSION;
  } catch (error) {
    throw new Error(
      `bin/go from ${filename} does not run on this machine: ${(error as Error).message.split('\n')[0]}`,
      { cause: error },
    );
  }
  if (reported !== goVersion) {
    throw new Error(`bin/go from ${filename} reports ${reported ?? 'no version'}, not ${goVersion}`);
  }
}

/**
 * Installs a release from go.dev (or a mirror of it) into the tool cache: downloads the platform's archive,
 * compares its SHA-256 and size with the index before anything is extracted, extracts it into a staging
 * directory (capped at 8× the archive's size), checks that bin/go runs and reports the release's version, and
 * only then renames it into place. Any failure leaves the slot as it was.
 */
export async function installFromGoDev(options: InstallFromGoDevOptions): Promise<GoDevInstall> {
  const { version, file, expected } = archiveToInstall(options);
  const url = `${(options.baseUrl ?? GO_DEV_DOWNLOAD_BASE).replace(/\/+$/, '')}/${file.filename}`;
  const archivePath = path.join(
    options.temp,
    `${process.pid}-${randomBytes(4).toString('hex')}-${file.filename}`,
  );
  try {
    options.log(`Downloading ${url}`);
    const download = await downloadFile({
      ...options.download,
      url,
      destination: archivePath,
      log: options.log,
      maxBytes: file.size ?? MAX_ARCHIVE_BYTES,
    });
    checkAgainstIndex(file, url, download, expected, options.log);
    if (options.independent)
      await checkAsModule(archivePath, file.filename, url, download.bytes, options.independent, options.log);

    const provenance = {
      source: 'go.dev',
      version: `go${version}`,
      url,
      sha256: download.sha256,
      verified: !!expected,
      ...(options.independent ? { h1: options.independent.hash, h1By: options.independent.via } : {}),
    };
    const installed = await installAtomically(options.slot, provenance, async (staging) => {
      await extractReleaseArchive({
        archivePath,
        destination: staging,
        topDirectory: 'go',
        maxExtractedBytes: download.bytes * EXPANSION_FACTOR,
      });
      await checkGoVersion(staging, `go${version}`, file.filename);
    });
    return { url, sha256: download.sha256, goroot: installed.goroot, installedByUs: installed.installedByUs };
  } finally {
    await rm(archivePath, { force: true });
  }
}

/** The index's archive for the platform, refused when its name is not plain or, with verify on, it has no sha256. */
function archiveToInstall(options: InstallFromGoDevOptions): {
  version: string;
  file: ReturnType<typeof selectGoDevArchive>;
  expected: string | undefined;
} {
  const version = options.release.version.replace(/^go/, '');
  const file = selectGoDevArchive(options.release, options.goos, options.goarch);
  if (!PLAIN_ARCHIVE_NAME.test(file.filename)) {
    throw new Error(
      `The release index names the go${version} archive ${JSON.stringify(file.filename)}, which is not a plain ` +
        '.tar.gz or .zip file name; refusing to download it.',
    );
  }
  const expected = file.sha256?.toLowerCase();
  if (!expected && options.verify !== false) {
    throw new Error(
      `The release index publishes no sha256 for ${file.filename}, so the download could not be verified; ` +
        'nothing was installed. Use an index that publishes hashes (go.dev does), or turn verification off.',
    );
  }
  return { version, file, expected };
}

/** The download against the index: its SHA-256 (when published) and its size (when listed). */
function checkAgainstIndex(
  file: ReturnType<typeof selectGoDevArchive>,
  url: string,
  download: { sha256: string; bytes: number },
  expected: string | undefined,
  log: (message: string) => void,
): void {
  if (expected && download.sha256 !== expected) {
    throw new VerificationError(
      `Checksum mismatch for ${file.filename} from ${url}: the download hashes to ${download.sha256}, the ` +
        `release index says ${expected}. The server sent a corrupt or tampered file; nothing was installed.`,
    );
  }
  if (file.size !== undefined && download.bytes !== file.size) {
    throw new VerificationError(
      `Size mismatch for ${file.filename} from ${url}: ${download.bytes} bytes, the release index says ` +
        `${file.size}; nothing was installed.`,
    );
  }
  const indexHost = new URL(url).host;
  log(
    expected
      ? `sha256 ${download.sha256} of ${file.filename} matches the release index at ${indexHost}`
      : `Not verified: the release index publishes no sha256 for ${file.filename} (sha256 ${download.sha256})`,
  );
}

/** A mirror's archive against what the checksum database says of the same release as a toolchain module. */
async function checkAsModule(
  archivePath: string,
  filename: string,
  url: string,
  bytes: number,
  independent: NonNullable<InstallFromGoDevOptions['independent']>,
  log: (message: string) => void,
): Promise<void> {
  const { module, hash, via } = independent;
  const actual = await hashGoArchiveAsModule(archivePath, module, {
    maxInflatedBytes: bytes * EXPANSION_FACTOR,
    maxEntries: MAX_ARCHIVE_ENTRIES,
  });
  if (actual !== hash) {
    throw new VerificationError(
      `Checksum mismatch for ${filename} from ${url}: its files hash to ${actual} as ` +
        `${module.path}@${module.version}, ${via} says ${hash}. The mirror served a tampered or corrupt ` +
        'archive (its own index agreeing proves nothing); nothing was installed.',
    );
  }
  log(
    `Verified ${filename}: its files hash to ${actual} as ${module.path}@${module.version}, as ${via} says`,
  );
}
