// Plans what to delete from GOMODCACHE and GOCACHE before saving, so a cache entry holds what the current
// build needs and not everything every earlier run ever downloaded or compiled ("no snowball").
// Pure: listings and build lists in, relative paths to delete out (`/`-separated).
import { escapeModulePath } from '../toolchain/goproxy.js';

/** A module at a version, as the go command names it (`Path`, `Version`). */
export interface ModuleVersion {
  path: string;
  version: string;
}

/** One thing the module-cache walk found: a file, or a directory it did not enter (see {@link modCacheWalk}). */
export interface ModCacheEntry {
  /** Relative to GOMODCACHE, `/`-separated. */
  path: string;
  isDirectory: boolean;
}

/** One file of a GOCACHE listing. */
export interface BuildCacheFile {
  /** Relative to GOCACHE, `/`-separated. */
  path: string;
  mtimeMs: number;
}

/**
 * Go bumps a build-cache entry's mtime when it uses it only if the mtime is over an hour old. Backdating every
 * restored file by this much makes every use visible; after the build, files still older than
 * {@link BUILD_CACHE_UNUSED_MARGIN_MS} past the backdated time were not used.
 */
export const BUILD_CACHE_BACKDATE_MS = 2 * 60 * 60 * 1000;
/** Half of the backdating: a used file is at least this much newer than the backdated mtime. */
export const BUILD_CACHE_UNUSED_MARGIN_MS = 60 * 60 * 1000;

const DOWNLOAD = 'cache/download';
const VERSION_FILE = /^(.+)\.(info|mod|zip|ziphash|lock|partial)$/;
const BUILD_CACHE_ENTRY = /^[0-9a-f]{2}\/[^/]+$/;

/**
 * Where the module-cache walk goes: `descend` into a directory, or report it whole as a `leaf`. Leaves are the
 * extracted module trees (`<module>@<version>`), the checksum database cache and anything under `cache/`
 * other than the download tree; those are kept or deleted whole, never looked into.
 */
export function modCacheWalk(relativeDir: string): 'descend' | 'leaf' {
  if (relativeDir === '' || relativeDir === 'cache' || relativeDir === DOWNLOAD) return 'descend';
  if (relativeDir === `${DOWNLOAD}/sumdb`) return 'leaf';
  if (relativeDir.startsWith(`${DOWNLOAD}/`)) return 'descend';
  if (relativeDir.startsWith('cache/')) return 'leaf';
  return baseName(relativeDir).includes('@') ? 'leaf' : 'descend';
}

/**
 * Reads the stream of JSON objects `go list -m -json all` prints: the module versions the build uses. A replaced
 * module counts as its replacement (nothing, when that is a local directory); main modules have no version.
 */
export function parseModuleList(output: string): ModuleVersion[] {
  const modules: ModuleVersion[] = [];
  for (const value of parseJsonStream(output)) {
    const listed = value as {
      Path?: unknown;
      Version?: unknown;
      Replace?: { Path?: unknown; Version?: unknown };
    };
    const used = listed.Replace ?? listed;
    if (typeof used.Path === 'string' && typeof used.Version === 'string' && used.Version !== '') {
      modules.push({ path: used.Path, version: used.Version });
    }
  }
  return modules;
}

/** Every module version a go.sum (or go.work.sum) lists, whether for its zip or only its go.mod. */
export function parseGoSum(text: string): ModuleVersion[] {
  const modules: ModuleVersion[] = [];
  for (const line of text.split('\n')) {
    const [path, version] = line.trim().split(/\s+/);
    if (path && version) modules.push({ path, version: version.replace(/\/go\.mod$/, '') });
  }
  return modules;
}

/**
 * What to delete from GOMODCACHE: every download file (`cache/download/<module>/@v/<version>.*`) and
 * extracted tree (`<module>@<version>`) of a module version that `needed` does not name. `cache/download/sumdb`
 * and everything else the walk found stays. A module's `list` files go with its last version. When everything
 * under a directory goes, the directory is named instead of its contents.
 */
export function planModCachePrune(
  entries: readonly ModCacheEntry[],
  needed: readonly ModuleVersion[],
): string[] {
  const keep = new Set(
    needed.map((module) => `${escapeModulePath(module.path)}@${escapeModulePath(module.version)}`),
  );
  const keptModules = new Set(needed.map((module) => escapeModulePath(module.path)));

  const doomed = new Set<string>();
  for (const entry of entries) {
    const download = downloadFile(entry);
    if (download) {
      const moduleKept = keptModules.has(download.module);
      const versionKept =
        download.version !== undefined && keep.has(`${download.module}@${download.version}`);
      if (!moduleKept || (download.version !== undefined && !versionKept)) doomed.add(entry.path);
      continue;
    }
    const extracted = extractedTree(entry);
    if (extracted && !keep.has(`${extracted.module}@${extracted.version}`)) doomed.add(entry.path);
  }
  return collapse(
    entries.map((entry) => entry.path),
    doomed,
    [DOWNLOAD],
  );
}

/**
 * What to delete from GOCACHE: the entry files (`<2 hex digits>/<name>`) whose mtime is still before
 * `unusedBefore`, i.e. that this run neither used nor wrote. Everything else (README, trim.txt, fuzz/) stays.
 */
export function planBuildCachePrune(files: readonly BuildCacheFile[], unusedBefore: number): string[] {
  return files
    .filter((file) => BUILD_CACHE_ENTRY.test(file.path) && file.mtimeMs < unusedBefore)
    .map((file) => file.path)
    .sort();
}

/** A file under `cache/download/<module>/@v/`: its module, and its version unless it is module-wide (`list`). */
function downloadFile(entry: ModCacheEntry): { module: string; version?: string } | undefined {
  if (entry.isDirectory || !entry.path.startsWith(`${DOWNLOAD}/`)) return undefined;
  const marker = entry.path.lastIndexOf('/@v/');
  if (marker < 0) return undefined;
  const module = entry.path.slice(DOWNLOAD.length + 1, marker);
  const file = entry.path.slice(marker + 4);
  if (module === '' || file.includes('/')) return undefined;
  const version = VERSION_FILE.exec(file)?.[1];
  return version === undefined ? { module } : { module, version };
}

/** An extracted module tree, `<module>@<version>`, outside `cache/`. */
function extractedTree(entry: ModCacheEntry): { module: string; version: string } | undefined {
  if (!entry.isDirectory || entry.path.startsWith('cache/')) return undefined;
  const at = entry.path.lastIndexOf('@');
  if (at <= 0 || entry.path.indexOf('/', at) >= 0) return undefined;
  return { module: entry.path.slice(0, at), version: entry.path.slice(at + 1) };
}

/**
 * Replaces doomed leaves by their highest ancestor directory whose leaves are all doomed, never going up to
 * the root or to one of the `stopAt` directories (nor above them).
 */
function collapse(
  leaves: readonly string[],
  doomed: ReadonlySet<string>,
  stopAt: readonly string[],
): string[] {
  const total = new Map<string, number>();
  const dying = new Map<string, number>();
  for (const leaf of leaves) {
    for (const dir of ancestors(leaf)) {
      total.set(dir, (total.get(dir) ?? 0) + 1);
      if (doomed.has(leaf)) dying.set(dir, (dying.get(dir) ?? 0) + 1);
    }
  }
  const blocked = (dir: string) => stopAt.some((stop) => stop === dir || stop.startsWith(`${dir}/`));
  const result = new Set<string>();
  for (const leaf of doomed) {
    const whole = ancestors(leaf).find((dir) => !blocked(dir) && total.get(dir) === dying.get(dir));
    result.add(whole ?? leaf);
  }
  return [...result].sort();
}

/** Proper ancestor directories of a relative path, outermost first (`a/b/c` → `a`, `a/b`). */
function ancestors(relativePath: string): string[] {
  const parts = relativePath.split('/');
  return parts.slice(1).map((_, index) => parts.slice(0, index + 1).join('/'));
}

function baseName(relativePath: string): string {
  return relativePath.slice(relativePath.lastIndexOf('/') + 1);
}

/** Splits concatenated JSON values (`{…}{…}` with any whitespace between) and parses each. */
function parseJsonStream(text: string): unknown[] {
  const values: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === '{') {
      if (depth++ === 0) start = i;
    } else if (char === '}' && --depth === 0) {
      values.push(JSON.parse(text.slice(start, i + 1)));
    }
  }
  return values;
}
