// Cache keys for GOMODCACHE and GOCACHE, one entry each, named so that jobs on different operating systems,
// host architectures or Go versions can never restore each other's entries.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { InputError } from '../errors.js';

/** The two directories the action caches: the module cache and the build cache. */
export type CacheKind = 'mod' | 'build';

/**
 * How much of the planned caches a restore found, over all planned entries together: `exact` when every
 * entry matched its primary key, `none` when no entry restored anything, `partial` otherwise (some entry came
 * from a restore key, or one entry hit and the other missed).
 */
export type CacheHit = 'exact' | 'partial' | 'none';

export const DEFAULT_CACHE_KEY_PREFIX = 'setup-go-arm64';

/** Default `cache-dependency-path`: every go.sum and go.work.sum under the working directory. */
export const DEFAULT_DEPENDENCY_PATTERNS = ['**/go.sum', '**/go.work.sum'];

/** The dependency-hash part of a key when no dependency file exists (a module without requirements). */
export const NO_DEPENDENCIES = 'none';

/** The cache service rejects keys longer than this. */
const MAX_KEY_LENGTH = 512;
/** Leaves room in a key for the parts after the prefix (OS, arch, Go version, targets, a 64-digit hash). */
const MAX_PREFIX_LENGTH = 256;

/** One file that `cache-dependency-path` matched, with the SHA-256 of its contents. */
export interface DependencyFile {
  /** Relative to the working directory, `/`-separated. */
  path: string;
  sha256: string;
}

/** Everything a cache plan is made of: the cache inputs, facts about the installed toolchain, and the hashed files. */
export interface CachePlanInput {
  /** The `cache` input. */
  cache: boolean;
  /** The `cache-build` input: cache GOCACHE too. */
  cacheBuild: boolean;
  /** The `cache-key-prefix` input. */
  keyPrefix: string;
  /** RUNNER_OS: `Linux`, `macOS` or `Windows`. */
  runnerOs: string;
  /** What the installed toolchain's `go env GOHOSTARCH` said. */
  goHostArch: string;
  /** The installed Go version without the `go` prefix, e.g. `1.22.5`. */
  goVersion: string;
  /** Cross-build targets as `targetName` spells them (`linux/arm64`, `linux/arm/7`); empty for none. */
  targets: readonly string[];
  /** Absolute. */
  workingDirectory: string;
  /** What `cache-dependency-path` matched. */
  dependencyFiles: readonly DependencyFile[];
  /** `go env GOMODCACHE` of the installed toolchain. */
  modCacheDir: string;
  /** `go env GOCACHE` of the installed toolchain. */
  buildCacheDir: string;
  /** The installed `go` binary; the save step asks it for the build list. */
  goBinary: string;
}

/** One cache entry to restore and later save. */
export interface CacheEntryPlan {
  kind: CacheKind;
  key: string;
  /** Tried in order when `key` has no entry; each is a prefix that keeps the OS, GOARCH (and Go version). */
  restoreKeys: string[];
  /** The directories the entry holds. */
  paths: string[];
}

/** What to restore in main and save in post; plain JSON so it can travel in the action's state. */
export interface CachePlan {
  /** Module cache first, then the build cache (when `cache-build` is on). Empty when `cache` is off. */
  entries: CacheEntryPlan[];
  modCacheDir: string;
  buildCacheDir: string;
  goBinary: string;
  /** Directories of the matched go.sum / go.work.sum files: where the build list is asked for before pruning. */
  moduleDirs: string[];
  /** The matched dependency files, absolute. */
  dependencyFiles: string[];
}

/** The cache outputs the action sets. */
export interface CacheOutputs {
  'cache-hit': CacheHit;
  /** The module cache's primary key (empty when caching is off). */
  'cache-key': string;
  /** The key the module cache was restored from, or empty. */
  'cache-matched-key': string;
  /** The build cache's primary key (empty when `cache-build` is off). */
  'cache-build-key': string;
  /** The key the build cache was restored from, or empty. */
  'cache-build-matched-key': string;
}

/**
 * Turns `cache-dependency-path` into absolute glob patterns. Patterns are separated by newlines or commas;
 * relative ones are relative to the working directory; `!` excludes. Empty means every go.sum and go.work.sum
 * under the working directory. Cache directories that sit inside the working directory are excluded, so the
 * go.sum files of downloaded modules never count as the project's own.
 */
export function dependencyFilePatterns(
  input: string,
  workingDirectory: string,
  cacheDirs: readonly string[] = [],
): string[] {
  const given = input
    .split(/[\n,]/)
    .map((pattern) => pattern.trim())
    .filter(Boolean);
  const patterns = (given.length > 0 ? given : DEFAULT_DEPENDENCY_PATTERNS).map((pattern) => {
    const negated = pattern.startsWith('!');
    const body = negated ? pattern.slice(1) : pattern;
    return `${negated ? '!' : ''}${path.resolve(workingDirectory, body)}`;
  });
  for (const dir of cacheDirs) {
    const relative = path.relative(workingDirectory, dir);
    if (dir && relative && !relative.startsWith('..') && !path.isAbsolute(relative)) {
      patterns.push(`!${path.resolve(dir)}/**`);
    }
  }
  return patterns;
}

/**
 * One hash over the matched files, their names and their contents: sorted by path so the order the file
 * system lists them in does not matter; `none` when there are no files.
 */
export function digestDependencyFiles(files: readonly DependencyFile[]): string {
  if (files.length === 0) return NO_DEPENDENCIES;
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => compareStrings(a.path, b.path))) {
    hash.update(`${file.path}\0${file.sha256}\n`);
  }
  return hash.digest('hex');
}

/**
 * Names a set of cross-build targets briefly and stably: `t<count>-<first 8 hex digits of SHA-256 over the
 * sorted names>`, e.g. `t4-1a2b3c4d`, or `none`. Order and duplicates do not change it.
 */
export function targetsDigest(targets: readonly string[]): string {
  const unique = [...new Set(targets.map((target) => target.trim()).filter(Boolean))].sort(compareStrings);
  if (unique.length === 0) return 'none';
  const digest = createHash('sha256').update(unique.join('\n')).digest('hex').slice(0, 8);
  return `t${unique.length}-${digest}`;
}

/**
 * Plans the cache entries:
 * - module cache: `<prefix>-mod-<runner OS>-<GOHOSTARCH>-<dependency hash>`, restore key without the hash;
 * - build cache: `<prefix>-build-<runner OS>-<GOHOSTARCH>-go<version>-<targets>-<dependency hash>`, restore
 *   keys without the hash, then without the targets (Go's build cache is content-addressed, so entries from
 *   another target set are safe to reuse).
 * Every restore key ends in `-` right after a whole part, so `arm` never matches `arm64` nor `go1.2` `go1.22`.
 */
export function planGoCaches(input: CachePlanInput): CachePlan {
  const prefix = validateKeyPrefix(input.keyPrefix);
  const os = keyPart('runner OS', input.runnerOs);
  const arch = keyPart('GOHOSTARCH', input.goHostArch);
  const goVersion = keyPart('Go version', input.goVersion.replace(/^go/, ''));
  const hash = digestDependencyFiles(input.dependencyFiles);
  const targets = targetsDigest(input.targets);

  const entries: CacheEntryPlan[] = [];
  if (input.cache) {
    const modBase = `${prefix}-mod-${os}-${arch}-`;
    entries.push({ kind: 'mod', key: modBase + hash, restoreKeys: [modBase], paths: [input.modCacheDir] });
    if (input.cacheBuild) {
      const versionBase = `${prefix}-build-${os}-${arch}-go${goVersion}-`;
      const targetsBase = `${versionBase}${targets}-`;
      entries.push({
        kind: 'build',
        key: targetsBase + hash,
        restoreKeys: [targetsBase, versionBase],
        paths: [input.buildCacheDir],
      });
    }
  }
  for (const key of entries.flatMap((entry) => [entry.key, ...entry.restoreKeys])) {
    if (key.length > MAX_KEY_LENGTH)
      throw new Error(`Cache key ${key} is longer than ${MAX_KEY_LENGTH} characters`);
  }

  const sumFiles = input.dependencyFiles.filter((file) => /(^|\/)go\.(work\.)?sum$/.test(file.path));
  const moduleDirs = [
    ...new Set(sumFiles.map((file) => path.resolve(input.workingDirectory, path.dirname(file.path)))),
  ];
  return {
    entries,
    modCacheDir: input.modCacheDir,
    buildCacheDir: input.buildCacheDir,
    goBinary: input.goBinary,
    moduleDirs: moduleDirs.sort(compareStrings),
    dependencyFiles: input.dependencyFiles.map((file) => path.resolve(input.workingDirectory, file.path)),
  };
}

/** How one entry's restore went: its primary key, the key it matched (if any). */
export function entryHit(key: string, matchedKey: string | null): CacheHit {
  if (matchedKey === null) return 'none';
  return matchedKey === key ? 'exact' : 'partial';
}

/** Combines per-entry hits as {@link CacheHit} defines; no entries at all is `none`. */
export function combineCacheHits(hits: readonly CacheHit[]): CacheHit {
  if (hits.length === 0 || hits.every((hit) => hit === 'none')) return 'none';
  return hits.every((hit) => hit === 'exact') ? 'exact' : 'partial';
}

/** The action's cache outputs, from the plan and what each entry matched. */
export function cacheOutputs(
  plan: CachePlan,
  matched: readonly { kind: CacheKind; matchedKey: string | null }[],
): CacheOutputs {
  const entry = (kind: CacheKind) => plan.entries.find((candidate) => candidate.kind === kind);
  const matchedKey = (kind: CacheKind) =>
    matched.find((candidate) => candidate.kind === kind)?.matchedKey ?? '';
  const hits = plan.entries.map((planned) => {
    const found = matched.find((candidate) => candidate.kind === planned.kind);
    return entryHit(planned.key, found?.matchedKey ?? null);
  });
  return {
    'cache-hit': combineCacheHits(hits),
    'cache-key': entry('mod')?.key ?? '',
    'cache-matched-key': matchedKey('mod'),
    'cache-build-key': entry('build')?.key ?? '',
    'cache-build-matched-key': matchedKey('build'),
  };
}

/** The cache-key-prefix input, trimmed (the default when empty); one that cannot start a key is an InputError. */
export function validateKeyPrefix(prefix: string): string {
  const trimmed = prefix.trim();
  if (trimmed === '') return DEFAULT_CACHE_KEY_PREFIX;
  if (trimmed.length > MAX_PREFIX_LENGTH || /[,\s]/.test(trimmed)) {
    throw new InputError(
      'cache-key-prefix',
      `Input cache-key-prefix is ${JSON.stringify(prefix)}, which cannot start a cache key (keys allow no commas or spaces and at most ${MAX_KEY_LENGTH} characters)`,
      `use a short word without commas or spaces, e.g. ${DEFAULT_CACHE_KEY_PREFIX}-v2`,
    );
  }
  return trimmed;
}

function keyPart(name: string, value: string): string {
  if (!/^[A-Za-z0-9._+]+$/.test(value)) {
    throw new Error(`The ${name} ${JSON.stringify(value)} cannot be part of a cache key`);
  }
  return value;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
