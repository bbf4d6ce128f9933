import semver from 'semver';
import { InputError } from '../errors.js';
import {
  compareGoVersions,
  describeSpec,
  goLanguageLine,
  goToSemver,
  isGoPrerelease,
  isValidGoVersion,
  semverToGo,
  type VersionSpec,
} from './spec.js';

/** One downloadable file of a release. `module` files are Go module proxy zips of golang.org/toolchain. */
export interface ReleaseFile {
  /** go.dev: the file name under the download base (`go1.25.4.linux-arm64.tar.gz`); proxy: `<module version>.zip`. */
  filename: string;
  /** GOOS; empty for the source archive. */
  os: string;
  /** GOARCH as the index spells it (`armv6l` for linux/arm); empty for the source archive. */
  arch: string;
  kind: 'archive' | 'installer' | 'source' | 'module';
  /** Lower-case hex SHA-256 of the file, when the index publishes it (go.dev does; the proxy list does not). */
  sha256?: string;
  size?: number;
}

/** One Go release as an index lists it. */
export interface Release {
  /** Go's spelling without the `go` prefix: `1.25.4`, `1.23rc2`, `1.20`. */
  version: string;
  /** Not an alpha, beta or release candidate. */
  stable: boolean;
  files: ReleaseFile[];
}

/** The platform a toolchain must run on, in Go's spelling (`linux`/`arm64`). */
export interface Platform {
  os: string;
  arch: string;
}

/** How many candidates an error lists: enough to pick from, few enough to read. */
const SHOWN_CANDIDATES = 5;

/** The exact version a spec names without needing an index (`1.25.4`, `1.23rc2`), else undefined. */
export function exactVersion(spec: VersionSpec): string | undefined {
  return spec.kind === 'exact' ? spec.version : undefined;
}

/** Whether a release can be installed on the platform: an archive or toolchain module built for it. */
function runsOn(release: Release, platform: Platform): boolean {
  return release.files.some(
    (file) =>
      (file.kind === 'archive' || file.kind === 'module') &&
      file.os === platform.os &&
      file.arch === platform.arch,
  );
}

function newestFirst(releases: Release[]): Release[] {
  return [...releases].sort((a, b) => compareGoVersions(b.version, a.version));
}

function listVersions(releases: Release[]): string {
  return releases
    .slice(0, SHOWN_CANDIDATES)
    .map((release) => release.version)
    .join(', ');
}

/** Normalizes what a tool cache or caller hands in: a Go spelling, or semver such as `1.23.0-rc.2`. */
function toGoSpelling(version: string): string | undefined {
  const bare = version.trim().replace(/^go/, '');
  if (isValidGoVersion(bare)) return bare;
  try {
    return semverToGo(bare);
  } catch {
    return undefined;
  }
}

function matchesRange(
  version: string,
  spec: Extract<VersionSpec, { kind: 'range' }>,
  stable: boolean,
): boolean {
  if (!spec.includePrerelease && (!stable || isGoPrerelease(version))) return false;
  return semver.satisfies(goToSemver(version), spec.range);
}

/**
 * Resolves a spec against an index for one platform: only releases with an archive or toolchain module for
 * `platform` count. `stable` is the newest stable release; `oldstable` the newest patch of the minor line before
 * it; a range the newest release in range (pre-releases only if the range names one). Throws an InputError
 * naming `inputName` and the newest candidates when nothing matches.
 */
export function resolveVersion(
  spec: VersionSpec,
  releases: Release[],
  platform: Platform,
  inputName: string,
): Release {
  const where = `${platform.os}/${platform.arch}`;
  const usable = newestFirst(
    releases.filter((release) => runsOn(release, platform) && isValidGoVersion(release.version)),
  );
  const stable = usable.filter((release) => release.stable);
  const asked = `${inputName} ${JSON.stringify(describeSpec(spec))}`;
  const none = (message: string, candidates: Release[]): never => {
    throw new InputError(
      inputName,
      message,
      candidates.length > 0
        ? `use one of the newest that fit: ${listVersions(candidates)}`
        : `no Go release in the index runs on ${where}; check the platform, or the index the action reads`,
    );
  };

  if (spec.kind === 'exact') {
    const found = usable.find((release) => compareGoVersions(release.version, spec.version) === 0);
    if (found) return found;
    const line = goLanguageLine(spec.version);
    const sameLine = usable.filter((release) => goLanguageLine(release.version) === line);
    const listed = releases.some((release) => compareGoVersions(release.version, spec.version) === 0);
    return none(
      listed
        ? `${asked}: Go ${spec.version} has no download for ${where}`
        : `${asked}: the index has no Go ${spec.version}`,
      sameLine.length > 0 ? sameLine : stable,
    );
  }

  if (spec.kind === 'alias') {
    const newest = stable[0];
    if (!newest) return none(`${asked}: no stable Go release for ${where}`, usable);
    if (spec.alias === 'stable') return newest;
    const newestLine = goLanguageLine(newest.version);
    const previous = stable.find(
      (release) => compareGoVersions(goLanguageLine(release.version), newestLine) < 0,
    );
    if (previous) return previous;
    return none(`${asked}: no release older than the ${newestLine} line for ${where}`, stable);
  }

  const inRange = usable.find((release) => matchesRange(release.version, spec, release.stable));
  if (inRange) return inRange;
  return none(`${asked} matches no Go release for ${where}`, spec.includePrerelease ? usable : stable);
}

/**
 * Whether an already installed version satisfies the spec without asking an index: an exact spec needs that
 * release, a range any release in it (a cached 1.25.3 satisfies `1.25.x` even if 1.25.4 is out). Aliases move
 * with each release, so they are never satisfied without the index. `version` may be Go's spelling
 * (`1.23rc2`, `go1.25.4`) or semver (`1.23.0-rc.2`).
 */
export function satisfies(version: string, spec: VersionSpec): boolean {
  const go = toGoSpelling(version);
  if (go === undefined) return false;
  if (spec.kind === 'exact') return compareGoVersions(go, spec.version) === 0;
  if (spec.kind === 'alias') return false;
  return matchesRange(go, spec, !isGoPrerelease(go));
}
