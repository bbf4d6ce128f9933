// Plans what goes into the GOMODCACHE and GOCACHE entries, so an entry holds what this module's build needs and
// not everything the machine ever downloaded or compiled ("no snowball"). Nothing is ever deleted from the runner:
// an entry is an archive of the files chosen here, and whatever is not chosen is simply left out of it.
// A selection also gets a digest (a save of what was restored is skipped) and a line for the log.
// Pure: listings and go.sum text in, relative paths (`/`-separated), the digest and the line out.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { humanBytes } from '../report/format.js';
import { escapeModulePath } from '../toolchain/goproxy.js';
import type { RestoredEntry, RestoreResult } from './outcomes.js';
import { compareCodeUnits } from '../order.js';

/** A module at a version, as the go command names it (`Path`, `Version`). */
export interface ModuleVersion {
  path: string;
  version: string;
}

/** What one go.sum names: the module versions whose zips it pins, and those whose go.mod alone it pins. */
export interface GoSumModules {
  zips: ModuleVersion[];
  goMods: ModuleVersion[];
}

/** One file of a GOMODCACHE or GOCACHE listing. */
export interface CacheFile {
  /** Relative to the cache directory, `/`-separated. */
  path: string;
  sizeBytes: number;
  mtimeMs: number;
}

/** What the module-cache entry holds, and how many module versions the machine had that it leaves out. */
export interface ModCacheSelection {
  paths: string[];
  bytes: number;
  /** Module versions (`path@version`) whose files are in the entry. */
  modulesKept: number;
  /** Module versions found in the download cache that this module's go.sum files do not name. */
  modulesLeftOut: number;
}

/** What the build-cache entry holds, and how the restored entries were used. */
export interface BuildCacheSelection {
  paths: string[];
  bytes: number;
  /** Entry files this run did not use, so left out. */
  leftOut: number;
  /** Of the files the restore wrote, how many this run used (null without a restore). */
  restoredUsed: number | null;
}

/**
 * Go bumps a build-cache entry's mtime when it uses it only if the mtime is over an hour old. The restore sets
 * every file it writes this much before the run started, so every use of a restored entry moves its mtime past
 * the run's start.
 */
export const BUILD_CACHE_BACKDATE_MS = 2 * 60 * 60 * 1000;
/** How old an entry must be before go moves its mtime on use. */
export const GO_MTIME_INTERVAL_MS = 60 * 60 * 1000;

const DOWNLOAD = 'cache/download';
const SUMDB = `${DOWNLOAD}/sumdb`;
const ZIP_FILES = ['zip', 'ziphash', 'mod', 'info'] as const;
const GO_MOD_FILES = ['mod', 'info'] as const;
const BUILD_CACHE_ENTRY = /^[0-9a-f]{2}\/[0-9a-f]+-[ad]$/;

/**
 * Reads a go.sum (or go.work.sum): `<module> <version> h1:…` pins a zip, `<module> <version>/go.mod h1:…` a
 * go.mod only. Lines that are neither are skipped (go itself refuses such a file, with a better message).
 */
export function parseGoSum(text: string): GoSumModules {
  const zips: ModuleVersion[] = [];
  const goMods: ModuleVersion[] = [];
  for (const line of text.split('\n')) {
    const [path, version, hash] = line.trim().split(/\s+/);
    if (!path || !version || !hash || !/^h\d+:/.test(hash)) continue;
    if (version.endsWith('/go.mod')) goMods.push({ path, version: version.slice(0, -'/go.mod'.length) });
    else zips.push({ path, version });
  }
  return { zips, goMods };
}

/**
 * The module-cache files this module's go commands can use offline: for every version whose zip go.sum pins,
 * `cache/download/<module>/@v/<version>.{zip,ziphash,mod,info}`; for a version pinned by its go.mod alone, the
 * `.mod` and `.info`; for either, the checksum database's `lookup/<module>@<version>` record; and the database's
 * tiles (shared by every lookup, and needed to check one). go refuses a module file whose hash go.sum lacks (with
 * -mod=readonly, its default in CI), so nothing else in the cache can serve this module. Extracted source trees
 * (`<module>@<version>/`) are left out: go extracts them again from the zip, offline, and they double the entry.
 */
export function selectModCache(
  files: readonly CacheFile[],
  sums: readonly GoSumModules[],
): ModCacheSelection {
  const wanted = new Map<string, ReadonlySet<string>>();
  const want = (module: ModuleVersion, extensions: readonly string[]) => {
    const base = `${escapeModulePath(module.path)}/@v/${escapeModulePath(module.version)}`;
    wanted.set(base, new Set([...(wanted.get(base) ?? []), ...extensions]));
    wanted.set(`sumdb:${escapeModulePath(module.path)}@${escapeModulePath(module.version)}`, new Set());
  };
  for (const sum of sums) {
    for (const module of sum.goMods) want(module, GO_MOD_FILES);
    for (const module of sum.zips) want(module, ZIP_FILES);
  }

  const paths: string[] = [];
  const kept = new Set<string>();
  const seen = new Set<string>();
  let bytes = 0;
  for (const file of files) {
    let keep = false;
    if (file.path.startsWith(`${SUMDB}/`)) {
      const [host, kind, ...rest] = file.path.slice(SUMDB.length + 1).split('/');
      keep =
        host !== undefined &&
        (kind === 'tile' || (kind === 'lookup' && wanted.has(`sumdb:${rest.join('/')}`)));
    } else if (file.path.startsWith(`${DOWNLOAD}/`)) {
      const download = parseDownloadPath(file.path);
      if (download) {
        seen.add(download.base);
        keep = wanted.get(download.base)?.has(download.extension) ?? false;
        if (keep) kept.add(download.base);
      }
    }
    if (keep) {
      paths.push(file.path);
      bytes += file.sizeBytes;
    }
  }
  return {
    paths: paths.sort(compareCodeUnits),
    bytes,
    modulesKept: kept.size,
    modulesLeftOut: [...seen].filter((base) => !kept.has(base)).length,
  };
}

/**
 * The build-cache files this run used: entry files (`<2 hex digits>/<hash>-a|-d`) whose mtime is at or after
 * `usedSince` (the run's start), because go wrote them or bumped them on use. README, trim.txt and fuzz corpora
 * are left out (go writes the first two again). `backdatedTo` is the mtime the restore gave the files it wrote:
 * those still at it were restored and not used. Files of the restored entry that the runner already had are
 * never re-dated, and go does not mark a use of one younger than an hour: those stay in the entry.
 */
export function selectBuildCache(
  files: readonly CacheFile[],
  usedSince: number,
  restore: { backdatedTo: number; files: number; alreadyPresent: ReadonlySet<string> } | null,
): BuildCacheSelection {
  const paths: string[] = [];
  let bytes = 0;
  let leftOut = 0;
  let restoredUnused = 0;
  for (const file of files) {
    if (!BUILD_CACHE_ENTRY.test(file.path)) continue;
    const unmarkedUse =
      restore?.alreadyPresent.has(file.path) === true && file.mtimeMs >= usedSince - GO_MTIME_INTERVAL_MS;
    if (file.mtimeMs >= usedSince || unmarkedUse) {
      paths.push(file.path);
      bytes += file.sizeBytes;
    } else {
      leftOut++;
      if (restore && Math.abs(file.mtimeMs - restore.backdatedTo) < 1000) restoredUnused++;
    }
  }
  return {
    paths: paths.sort(compareCodeUnits),
    bytes,
    leftOut,
    restoredUsed: restore && restore.files > 0 ? Math.max(0, restore.files - restoredUnused) : null,
  };
}

/**
 * Splits `cache/download/<module>/@v/<version>.<extension>` into `<module>/@v/<version>` and the extension;
 * undefined for any other path (`@v/list`, for one).
 */
function parseDownloadPath(relative: string): { base: string; extension: string } | undefined {
  const inDownload = relative.slice(DOWNLOAD.length + 1);
  const marker = inDownload.lastIndexOf('/@v/');
  if (marker <= 0) return undefined;
  const file = inDownload.slice(marker + 4);
  const dot = file.lastIndexOf('.');
  if (file.includes('/') || dot <= 0) return undefined;
  return { base: `${inDownload.slice(0, marker)}/@v/${file.slice(0, dot)}`, extension: file.slice(dot + 1) };
}

/** What one entry will hold, with the figures the save reports and one line for the log. */
export interface EntrySelection {
  paths: string[];
  bytes: number;
  leftOut: string;
  restoredUsed: { used: number; restored: number } | null;
  /** {@link contentsDigest} of the chosen files. */
  digest: string;
  /** One line for the log. */
  summary: string;
}

/** The module-cache entry: what {@link selectModCache} keeps of a listing of `cache/download`. */
export function modCacheEntry(
  files: readonly CacheFile[],
  sums: readonly GoSumModules[],
  sumFiles: readonly string[],
  cacheDir: string,
): EntrySelection {
  const chosen = selectModCache(files, sums);
  const digest = digestOf(files, chosen.paths);
  const leftOut = `${chosen.modulesLeftOut} module version(s)`;
  return {
    paths: chosen.paths,
    bytes: chosen.bytes,
    leftOut,
    restoredUsed: null,
    digest,
    summary: `GOMODCACHE entry: ${chosen.modulesKept} module version(s) that ${sumFiles.length > 0 ? sumFiles.map((file) => path.basename(file)).join(', ') : 'no go.sum'} name, ${humanBytes(chosen.bytes)} in ${chosen.paths.length} files; left out ${leftOut} found in ${cacheDir} (nothing is deleted there).`,
  };
}

/**
 * The build-cache entry: what {@link selectBuildCache} keeps of a listing of GOCACHE, given the restore
 * (`before`, this entry's part of it) and the restored files the runner already had.
 */
export function buildCacheEntry(
  files: readonly CacheFile[],
  restored: RestoreResult,
  before: RestoredEntry | undefined,
  alreadyPresent: readonly string[],
  cacheDir: string,
): EntrySelection {
  const restoredFiles = before?.restoredFiles ?? 0;
  const chosen = selectBuildCache(
    files,
    // Whole seconds: some file systems keep mtimes in seconds.
    Math.floor(restored.runStartedAt / 1000) * 1000,
    before?.matchedKey
      ? {
          backdatedTo: restored.buildCacheBackdatedTo,
          files: restoredFiles,
          alreadyPresent: new Set(alreadyPresent),
        }
      : null,
  );
  const restoredUsed =
    chosen.restoredUsed === null ? null : { used: chosen.restoredUsed, restored: restoredFiles };
  const usedShare = restoredUsed
    ? `; this run used ${restoredUsed.used} of the ${restoredUsed.restored} restored files (${Math.round((100 * restoredUsed.used) / restoredUsed.restored)}%)`
    : '';
  return {
    paths: chosen.paths,
    bytes: chosen.bytes,
    leftOut: `${chosen.leftOut} file(s)`,
    restoredUsed,
    digest: digestOf(files, chosen.paths),
    summary: `GOCACHE entry: the ${chosen.paths.length} files this run used or wrote, ${humanBytes(chosen.bytes)}; left out ${chosen.leftOut} file(s) of ${cacheDir} it did not use (nothing is deleted there)${usedShare}.`,
  };
}

/** SHA-256 over sorted `name size` lines: the same set of files, as far as a cache entry can tell. */
export function contentsDigest(files: readonly { path: string; sizeBytes: number }[]): string {
  const hash = createHash('sha256');
  for (const line of files.map((file) => `${file.path} ${file.sizeBytes}`).sort()) hash.update(`${line}\n`);
  return hash.digest('hex');
}

function digestOf(files: readonly CacheFile[], chosen: readonly string[]): string {
  const picked = new Set(chosen);
  return contentsDigest(files.filter((file) => picked.has(file.path)));
}
