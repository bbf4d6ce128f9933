// Cache keys for GOMODCACHE and GOCACHE, one entry each, named so that jobs on different operating systems,
// host architectures or Go versions can never restore each other's entries. Pure: the inputs and facts about the
// toolchain in, the plan out; key-match.ts reads a restored key against it.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { DependencyFile } from './dependency-paths.js';
import { MAX_KEY_LENGTH, validateKeyPrefix, type CacheSaveMode } from './inputs.js';
import { compareCodeUnits } from '../order.js';

// config.ts and scripts/cache-sizes.ts import the cache inputs from the module that makes the keys.
export { parseCacheSave, validateKeyPrefix, type CacheSaveMode } from './inputs.js';

/** The two directories the action caches: the module cache and the build cache. */
export type CacheKind = 'mod' | 'build';

/** The dependency-hash part of a key when no dependency file exists (a module without requirements). */
export const NO_DEPENDENCIES = 'none';

/** What decides the bytes `go build` compiles, beyond the Go version and the targets. */
export interface BuildKeyFlags {
  cgo: boolean;
  trimpath: boolean;
  tags: readonly string[];
  /** The `build-flags` input, split into words. */
  buildFlags: readonly string[];
  /** GOFLAGS, GOEXPERIMENT and the architecture levels (GOARM, GOAMD64, …) the builds see; unset ones absent. */
  env: Readonly<Record<string, string>>;
}

/** Everything a cache plan is made of: the cache inputs, facts about the installed toolchain, and the hashed files. */
export interface CachePlanInput {
  /** The `cache` input. */
  cache: boolean;
  /** The `cache-build` input: cache GOCACHE too. */
  cacheBuild: boolean;
  /** The `cache-save` input. */
  cacheSave: CacheSaveMode;
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
  /** What the builds are compiled with. */
  flags: BuildKeyFlags;
  /** Names this run among the runs of one workflow (`<run id>.<attempt>`); with cache-save: always, each save's key ends in it. */
  runStamp: string;
  /** Absolute. */
  workingDirectory: string;
  /** What `cache-dependency-path` matched. */
  dependencyFiles: readonly DependencyFile[];
  /** The go.sum and go.work.sum files that say which module versions the module needs, absolute. */
  sumFiles: readonly string[];
  /** `go env GOMODCACHE` of the installed toolchain. */
  modCacheDir: string;
  /** `go env GOCACHE` of the installed toolchain. */
  buildCacheDir: string;
  /** A directory outside the workspace and the caches whose path is the same on every run of this machine image. */
  stagingDir: string;
}

/** One named part of a key, so that a restored key can be told apart from the one asked for part by part. */
export interface KeyPart {
  name: 'runner OS' | 'GOARCH' | 'Go version' | 'flags' | 'targets' | 'dependencies';
  value: string;
}

/** One cache entry to restore and later save. */
export interface CacheEntryPlan {
  kind: CacheKind;
  /** The entry's primary key (the `cache-key` / `cache-build-key` output). */
  key: string;
  /** The key the restore asks for; with cache-save: always it is this run's own save key, so never found. */
  lookupKey: string;
  /** Tried in order when `lookupKey` has no entry; each is a prefix that keeps the OS and GOARCH (and Go version). */
  restoreKeys: string[];
  /** The key a save uploads under. */
  saveKey: string;
  /** `key` after `<prefix>-<kind>-`, part by part. */
  parts: KeyPart[];
  /** The directory whose files the entry holds. */
  cacheDir: string;
  /**
   * The one file the cache service stores: an archive of the chosen files of `cacheDir`. Its path is part of
   * the entry's version, so it must be the same on every run.
   */
  archiveFile: string;
}

/** What to restore in main and save in post; plain JSON so it can travel in the action's state. */
export interface CachePlan {
  /** Module cache first, then the build cache (when `cache-build` is on). Empty when `cache` is off. */
  entries: CacheEntryPlan[];
  cacheSave: CacheSaveMode;
  keyPrefix: string;
  modCacheDir: string;
  buildCacheDir: string;
  /** The go.sum and go.work.sum files whose module versions the module-cache entry keeps, absolute. */
  sumFiles: string[];
  /** The matched dependency files, absolute. */
  dependencyFiles: string[];
  /** The build flags as the summary names them, e.g. `CGO_ENABLED=0 -trimpath -tags=netgo`. */
  flagsDescription: string;
}

/**
 * One hash over the matched files, their names and their contents: sorted by path so the order the file
 * system lists them in does not matter; `none` when there are no files.
 */
export function digestDependencyFiles(files: readonly DependencyFile[]): string {
  if (files.length === 0) return NO_DEPENDENCIES;
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => compareCodeUnits(a.path, b.path))) {
    hash.update(`${file.path}\0${file.sha256}\n`);
  }
  return hash.digest('hex');
}

/**
 * Names a set of cross-build targets briefly and stably: `t<count>.<first 8 hex digits of SHA-256 over the
 * sorted names>`, e.g. `t4.1a2b3c4d`, or `none`. Order and duplicates do not change it.
 */
export function targetsDigest(targets: readonly string[]): string {
  const unique = [...new Set(targets.map((target) => target.trim()).filter(Boolean))].sort(compareCodeUnits);
  if (unique.length === 0) return 'none';
  const digest = createHash('sha256').update(unique.join('\n')).digest('hex').slice(0, 8);
  return `t${unique.length}.${digest}`;
}

/** The environment variables besides CGO_ENABLED that change what go compiles; the build key names their values. */
export const BUILD_KEY_ENV = [
  'GOFLAGS',
  'GOEXPERIMENT',
  'GOARM',
  'GOARM64',
  'GOAMD64',
  'GO386',
  'GOMIPS',
  'GOMIPS64',
  'GOPPC64',
  'GORISCV64',
] as const;

/**
 * The flags part of a build key: `cgo<0|1>.trim<0|1>.<8 hex digits>`, the digits a SHA-256 over the build tags
 * (sorted), the build-flags words and the {@link BUILD_KEY_ENV} values. CGO_ENABLED and -trimpath are spelled out
 * because they are the usual reason one entry does not fit another job; ldflags are left out (they only change
 * the link, which go does not cache, and -X stamps change on every commit).
 */
export function buildFlagsDigest(flags: BuildKeyFlags): string {
  const env = BUILD_KEY_ENV.filter((name) => flags.env[name]).map((name) => `${name}=${flags.env[name]}`);
  const rest = JSON.stringify({
    tags: [...new Set(flags.tags)].sort(compareCodeUnits),
    flags: flags.buildFlags,
    env,
  });
  const digest = createHash('sha256').update(rest).digest('hex').slice(0, 8);
  return `cgo${flags.cgo ? 1 : 0}.trim${flags.trimpath ? 1 : 0}.${digest}`;
}

/** The build flags in words, for the log and the summary. */
export function describeBuildFlags(flags: BuildKeyFlags): string {
  const words = [`CGO_ENABLED=${flags.cgo ? 1 : 0}`];
  if (flags.trimpath) words.push('-trimpath');
  if (flags.tags.length > 0) words.push(`-tags=${flags.tags.join(',')}`);
  words.push(...flags.buildFlags);
  for (const name of BUILD_KEY_ENV) if (flags.env[name]) words.push(`${name}=${flags.env[name]}`);
  return words.join(' ');
}

/**
 * Plans the cache entries:
 * - module cache: `<prefix>-mod-<runner OS>-<GOHOSTARCH>-<dependency hash>`, restore key without the hash;
 * - build cache: `<prefix>-build-<runner OS>-<GOHOSTARCH>-go<version>-<flags>-<targets>-<dependency hash>`,
 *   restore keys dropping the hash, then the targets, then the flags (Go's build cache is content-addressed, so
 *   entries compiled for other targets or flags are safe to reuse: they only fit less).
 * Every restore key ends in `-` right after a whole part, so `arm` never matches `arm64` nor `go1.2` `go1.22`.
 * With cache-save: always every save gets a key of its own (`<key>-run<stamp>`), since a key once saved cannot
 * be saved again; the restore then asks for this run's key and takes the newest `<key>-run…` entry, else `<key>`.
 */
export function planGoCaches(input: CachePlanInput): CachePlan {
  const prefix = validateKeyPrefix(input.keyPrefix);
  const os = keyPart('runner OS', input.runnerOs);
  const arch = keyPart('GOHOSTARCH', input.goHostArch);
  const goVersion = keyPart('Go version', input.goVersion.replace(/^go/, ''));
  const hash = digestDependencyFiles(input.dependencyFiles);
  const targets = targetsDigest(input.targets);
  const flags = buildFlagsDigest(input.flags);
  const naming: EntryNaming = {
    prefix,
    stamp: keyPart('run stamp', input.runStamp),
    always: input.cacheSave === 'always',
    stagingDir: input.stagingDir,
  };

  const entries: CacheEntryPlan[] = [];
  if (input.cache) {
    const platform: KeyPart[] = [
      { name: 'runner OS', value: os },
      { name: 'GOARCH', value: arch },
    ];
    entries.push(
      planEntry(naming, 'mod', [...platform, { name: 'dependencies', value: hash }], input.modCacheDir),
    );
    if (input.cacheBuild) {
      const parts: KeyPart[] = [
        ...platform,
        { name: 'Go version', value: `go${goVersion}` },
        { name: 'flags', value: flags },
        { name: 'targets', value: targets },
        { name: 'dependencies', value: hash },
      ];
      entries.push(planEntry(naming, 'build', parts, input.buildCacheDir));
    }
  }
  for (const planned of entries) {
    for (const key of [planned.saveKey, ...planned.restoreKeys]) {
      if (key.length > MAX_KEY_LENGTH)
        throw new Error(`Cache key ${key} is longer than ${MAX_KEY_LENGTH} characters`);
    }
  }

  return {
    entries,
    cacheSave: input.cacheSave,
    keyPrefix: prefix,
    modCacheDir: input.modCacheDir,
    buildCacheDir: input.buildCacheDir,
    sumFiles: [...new Set(input.sumFiles)].sort(compareCodeUnits),
    dependencyFiles: input.dependencyFiles.map((file) => path.resolve(input.workingDirectory, file.path)),
    flagsDescription: describeBuildFlags(input.flags),
  };
}

/** What every entry's keys and archive path share: the validated prefix and run stamp, the save mode, the staging dir. */
interface EntryNaming {
  prefix: string;
  stamp: string;
  /** cache-save: always. */
  always: boolean;
  stagingDir: string;
}

/** One entry of the plan: `parts` make its key; see {@link planGoCaches} for the restore and save keys. */
function planEntry(naming: EntryNaming, kind: CacheKind, parts: KeyPart[], cacheDir: string): CacheEntryPlan {
  const base = `${naming.prefix}-${kind}-`;
  const values = parts.map((part) => part.value);
  const key = base + values.join('-');
  // Each restore key drops one more trailing part; the OS and GOARCH (and, for builds, the Go version) stay.
  const kept = kind === 'mod' ? 2 : 3;
  const restoreKeys: string[] = [];
  for (let length = values.length - 1; length >= kept; length--) {
    restoreKeys.push(`${base}${values.slice(0, length).join('-')}-`);
  }
  const saveKey = naming.always ? `${key}-run${naming.stamp}` : key;
  const archiveName = `${kind}-${createHash('sha256').update(cacheDir).digest('hex').slice(0, 16)}.tar`;
  return {
    kind,
    key,
    lookupKey: saveKey,
    // Servers prefer an entry whose key equals a restore key over newer ones it prefixes, so the per-run
    // entries are asked for first.
    restoreKeys: naming.always ? [`${key}-run`, key, ...restoreKeys] : restoreKeys,
    saveKey,
    parts,
    cacheDir,
    archiveFile: path.join(naming.stagingDir, archiveName),
  };
}

function keyPart(name: string, value: string): string {
  if (!/^[A-Za-z0-9._+]+$/.test(value)) {
    throw new Error(`The ${name} ${JSON.stringify(value)} cannot be part of a cache key`);
  }
  return value;
}
