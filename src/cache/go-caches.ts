// The shell around the cache plan: finds and hashes the dependency files, restores and saves GOMODCACHE and
// GOCACHE through @actions/cache, and prunes them on disk before a save. Every decision lives in keys.ts and
// prune.ts; this module only does the I/O.
import * as cache from '@actions/cache';
import * as core from '../log.js';
import * as glob from '@actions/glob';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, lstat, lutimes, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { InputError } from '../errors.js';
import { humanBytes, humanDuration } from '../report/format.js';
import {
  cacheOutputs,
  dependencyFilePatterns,
  entryHit,
  planGoCaches,
  type CacheEntryPlan,
  type CacheHit,
  type CacheKind,
  type CacheOutputs,
  type CachePlan,
  type CachePlanInput,
  type DependencyFile,
} from './keys.js';
import {
  BUILD_CACHE_BACKDATE_MS,
  BUILD_CACHE_UNUSED_MARGIN_MS,
  modCacheWalk,
  parseGoSum,
  parseModuleList,
  planBuildCachePrune,
  planModCachePrune,
  type ModuleVersion,
} from './prune.js';
import { childEnv } from '../platform/child-env.js';

const execFileAsync = promisify(execFile);

/** File count, total bytes and newest mtime of a directory tree: cheap to take, and it moves on any change. */
export interface DirFingerprint {
  files: number;
  bytes: number;
  newestMtimeMs: number;
}

/** How one entry's restore went. */
export interface RestoredEntry {
  kind: CacheKind;
  key: string;
  matchedKey: string | null;
  hit: CacheHit;
  durationMs: number;
  /** Size of the downloaded archive, as @actions/cache reported it. */
  archiveBytes: number | null;
  /** The directory right after the restore (for GOCACHE: after backdating). */
  fingerprint: DirFingerprint;
  /** What went wrong, when the restore failed rather than missed. */
  error?: string;
}

/**
 * What the main step found; plain JSON, kept in the action's state for the post step.
 * `status` is `attempted` when the service was asked, `disabled` when the `cache` input is off, `unavailable`
 * when there is no cache service or it stopped answering (remaining entries are then not tried).
 */
export interface RestoreResult {
  status: 'attempted' | 'disabled' | 'unavailable';
  cacheHit: CacheHit;
  entries: RestoredEntry[];
  outputs: CacheOutputs;
  /** GOCACHE files whose mtime is still before this at save time were not used by the run; null when not backdated. */
  buildCacheUnusedBefore: number | null;
  message?: string;
}

/**
 * Why an entry was or was not saved: `saved`; `exact-hit` (restored from its own key); `unchanged` (the
 * directory is as restored); `empty`; `conflict` (another job saved the key first); `failed` (a warning);
 * `unavailable` (no cache service, or it stopped answering); `skipped` (the cache mode forbids writes).
 */
export type SaveOutcome =
  'saved' | 'exact-hit' | 'unchanged' | 'empty' | 'conflict' | 'failed' | 'unavailable' | 'skipped';

/** How one entry's save went. */
export interface SavedEntry {
  kind: CacheKind;
  key: string;
  outcome: SaveOutcome;
  durationMs: number;
  /** Paths pruned before saving, and the bytes they held. */
  prunedPaths: number;
  prunedBytes: number;
  fingerprint: DirFingerprint | null;
  /** Size of the uploaded archive, as @actions/cache reported it. */
  archiveBytes: number | null;
  message?: string;
}

/** What the post step did, one entry per planned cache. */
export interface SaveResult {
  entries: SavedEntry[];
}

/** The cache inputs and toolchain facts, before the dependency files are found. */
export interface GoCacheInputs extends Omit<CachePlanInput, 'dependencyFiles'> {
  /** The `cache-dependency-path` input; empty for every go.sum and go.work.sum under the working directory. */
  dependencyPath: string;
}

const LABELS: Record<CacheKind, string> = {
  mod: 'Go module cache (GOMODCACHE)',
  build: 'Go build cache (GOCACHE)',
};

/** Finds the files `cache-dependency-path` names and hashes them; an explicit path that matches nothing is an error. */
export async function prepareGoCaches(inputs: GoCacheInputs): Promise<CachePlan> {
  const { dependencyPath, ...rest } = inputs;
  if (!inputs.cache) return planGoCaches({ ...rest, dependencyFiles: [] });
  const dependencyFiles = await dependencyFilesFor(dependencyPath, inputs.workingDirectory, [
    inputs.modCacheDir,
    inputs.buildCacheDir,
  ]);
  return planGoCaches({ ...rest, dependencyFiles });
}

/**
 * The files `cache-dependency-path` names (every go.sum and go.work.sum under `workingDirectory` when it is
 * empty), hashed, leaving out files inside `cacheDirs`; an explicit path that matches nothing is an InputError.
 */
export async function dependencyFilesFor(
  dependencyPath: string,
  workingDirectory: string,
  cacheDirs: readonly string[] = [],
): Promise<DependencyFile[]> {
  const patterns = dependencyFilePatterns(dependencyPath, workingDirectory, cacheDirs);
  const dependencyFiles = await findDependencyFiles(patterns, workingDirectory);
  if (dependencyFiles.length === 0 && dependencyPath.trim() !== '') {
    throw new InputError(
      'cache-dependency-path',
      `Input cache-dependency-path is ${JSON.stringify(dependencyPath)}, which matches no file under ${workingDirectory}`,
      'name your go.sum files, e.g. go.sum or **/go.sum (relative to working-directory)',
    );
  }
  return dependencyFiles;
}

/** The files the glob patterns match, each with the SHA-256 of its contents, paths relative to `workingDirectory`. */
export async function findDependencyFiles(
  patterns: string[],
  workingDirectory: string,
): Promise<DependencyFile[]> {
  const globber = await glob.create(patterns.join('\n'), { matchDirectories: false });
  const files = [...new Set(await globber.glob())].sort();
  const hashed: DependencyFile[] = [];
  for (const file of files) {
    const hash = createHash('sha256');
    await pipeline(createReadStream(file), hash);
    hashed.push({ path: toSlashes(path.relative(workingDirectory, file)), sha256: hash.digest('hex') });
  }
  return hashed;
}

/**
 * Restores each planned entry (module cache, then build cache), then backdates the build cache so the save step
 * can tell which entries the run used. Never throws for cache trouble: a missing or unreachable service is a
 * notice, a failed download a warning (from @actions/cache), and the run goes on.
 */
export async function restoreGoCaches(plan: CachePlan): Promise<RestoreResult> {
  const finish = (
    status: RestoreResult['status'],
    entries: RestoredEntry[],
    buildCacheUnusedBefore: number | null,
    message?: string,
  ): RestoreResult => {
    const outputs = cacheOutputs(plan, entries);
    return {
      status,
      cacheHit: outputs['cache-hit'],
      entries,
      outputs,
      buildCacheUnusedBefore,
      ...(message ? { message } : {}),
    };
  };
  if (plan.entries.length === 0) return finish('disabled', [], null);
  if (!cache.isFeatureAvailable()) {
    const message =
      'No cache service is configured for this job, so the Go caches are neither restored nor saved.';
    core.notice(message);
    return finish('unavailable', [], null, message);
  }

  const entries: RestoredEntry[] = [];
  let buildCacheUnusedBefore: number | null = null;
  for (const planned of plan.entries) {
    core.startGroup(`Restore ${LABELS[planned.kind]}`);
    try {
      const started = Date.now();
      const beforeRestore = await fingerprintPaths(planned.paths);
      const { value, log } = await readingLibraryLog(() =>
        cache.restoreCache([...planned.paths], planned.key, [...planned.restoreKeys]),
      );
      const matchedKey = value ?? null;
      const failure = value === undefined ? libraryFailure(log, 'Failed to restore') : undefined;
      if (failure && serviceUnreachable(failure)) {
        const message = `The cache service stopped answering (${failure}); the Go caches are not restored or saved in this run.`;
        core.notice(message);
        return finish('unavailable', entries, null, message);
      }
      if (failure && !sameFingerprint(beforeRestore, await fingerprintPaths(planned.paths))) {
        // A broken archive stops tar part-way: what it wrote is part of an entry, and go trusts an extracted
        // module directory without checking it again. A cache is only an optimisation, so it starts empty.
        for (const dir of planned.paths) await removeTree(dir);
        core.info(`Removed what the failed restore wrote into ${planned.paths.join(', ')}; it starts empty.`);
      }
      // Backdated, every build-cache entry the run uses gets a fresh mtime (see BUILD_CACHE_BACKDATE_MS).
      const backdatedTo = planned.kind === 'build' ? Date.now() - BUILD_CACHE_BACKDATE_MS : undefined;
      const fingerprint = await fingerprintPaths(planned.paths, backdatedTo);
      if (backdatedTo !== undefined) buildCacheUnusedBefore = backdatedTo + BUILD_CACHE_UNUSED_MARGIN_MS;
      const entry: RestoredEntry = {
        kind: planned.kind,
        key: planned.key,
        matchedKey,
        hit: entryHit(planned.key, matchedKey),
        durationMs: Date.now() - started,
        archiveBytes: archiveSize(log, /Cache Size: ~\d+ MB \((\d+) B\)/),
        fingerprint,
        ...(failure ? { error: failure } : {}),
      };
      entries.push(entry);
      core.info(describeRestore(planned, entry));
    } finally {
      core.endGroup();
    }
  }
  return finish('attempted', entries, buildCacheUnusedBefore);
}

/**
 * Saves each entry that was not restored exactly, after pruning what the run no longer needs; an entry restored
 * through a restore key is saved only when its directory changed since (file count, bytes, newest mtime). A failed
 * save is a warning, a save another job won is a notice; neither throws.
 */
export async function saveGoCaches(plan: CachePlan, restored: RestoreResult): Promise<SaveResult> {
  const entries: SavedEntry[] = [];
  const skip = (planned: CacheEntryPlan, outcome: SaveOutcome, message: string): SavedEntry => ({
    kind: planned.kind,
    key: planned.key,
    outcome,
    durationMs: 0,
    prunedPaths: 0,
    prunedBytes: 0,
    fingerprint: null,
    archiveBytes: null,
    message,
  });
  if (restored.status === 'disabled' || plan.entries.length === 0) return { entries };
  if (restored.status === 'unavailable' || !cache.isFeatureAvailable()) {
    const message =
      restored.message ?? 'No cache service is configured for this job, so the Go caches are not saved.';
    core.info(message);
    return { entries: plan.entries.map((planned) => skip(planned, 'unavailable', message)) };
  }

  let unavailable: string | undefined;
  for (const planned of plan.entries) {
    const before = restored.entries.find((entry) => entry.kind === planned.kind);
    if (unavailable) {
      entries.push(skip(planned, 'unavailable', unavailable));
    } else if (before?.hit === 'exact') {
      const message = `${LABELS[planned.kind]} was restored from its own key ${planned.key}; nothing to save.`;
      core.info(message);
      entries.push(skip(planned, 'exact-hit', message));
    } else {
      core.startGroup(`Save ${LABELS[planned.kind]}`);
      try {
        const saved = await saveEntry(plan, planned, before, restored.buildCacheUnusedBefore);
        entries.push(saved);
        if (saved.outcome === 'unavailable') unavailable = saved.message;
      } finally {
        core.endGroup();
      }
    }
  }
  return { entries };
}

async function saveEntry(
  plan: CachePlan,
  planned: CacheEntryPlan,
  before: RestoredEntry | undefined,
  buildCacheUnusedBefore: number | null,
): Promise<SavedEntry> {
  const started = Date.now();
  const pruned =
    planned.kind === 'mod'
      ? await pruneModuleCache(plan)
      : await pruneBuildCache(plan, buildCacheUnusedBefore);
  const fingerprint = await fingerprintPaths(planned.paths);
  const result = (outcome: SaveOutcome, message: string, archiveBytes: number | null = null): SavedEntry => ({
    kind: planned.kind,
    key: planned.key,
    outcome,
    durationMs: Date.now() - started,
    prunedPaths: pruned.paths,
    prunedBytes: pruned.bytes,
    fingerprint,
    archiveBytes,
    message,
  });

  if (fingerprint.files === 0) {
    const message = `${LABELS[planned.kind]} is empty; nothing to save.`;
    core.info(message);
    return result('empty', message);
  }
  if (before?.matchedKey && sameFingerprint(before.fingerprint, fingerprint)) {
    const message = `${LABELS[planned.kind]} did not change since it was restored from ${before.matchedKey}; not saving ${planned.key}.`;
    core.info(message);
    return result('unchanged', message);
  }

  const lookup = await readingLibraryLog(() =>
    cache.restoreCache([...planned.paths], planned.key, [], { lookupOnly: true }),
  );
  if (lookup.value === planned.key) {
    const message = `Another job already saved ${planned.key}; not saving it again.`;
    core.notice(message);
    return result('conflict', message);
  }
  const lookupFailure =
    lookup.value === undefined ? libraryFailure(lookup.log, 'Failed to restore') : undefined;
  if (lookupFailure && serviceUnreachable(lookupFailure)) return unreachable(lookupFailure);

  const { value: cacheId, log } = await readingLibraryLog(() =>
    cache.saveCache([...planned.paths], planned.key),
  );
  const archiveBytes = archiveSize(log, /File Size: (\d+)/);
  if (cacheId > 0) {
    const message = `Saved ${LABELS[planned.kind]} as ${planned.key}: ${describeFingerprint(fingerprint)}${
      archiveBytes !== null ? `, archive ${humanBytes(archiveBytes)}` : ''
    }, in ${humanDuration(Date.now() - started)}.`;
    core.info(message);
    return result('saved', message, archiveBytes);
  }
  if (log.some((line) => line.startsWith('Cache save skipped:'))) {
    return result('skipped', `The cache mode does not allow saving ${planned.key}.`);
  }
  const reserveFailed = log.some((line) => line.includes(`Unable to reserve cache with key ${planned.key}`));
  const reason = libraryFailure(log, 'Failed to reserve cache') ?? libraryFailure(log, 'Failed to save');
  if (reserveFailed && reason?.includes('(409)')) {
    const message = `Another job is saving or has saved ${planned.key}; not saving it again.`;
    core.notice(message);
    return result('conflict', message);
  }
  if (reason && serviceUnreachable(reason)) return unreachable(reason);
  const message = `Could not save ${LABELS[planned.kind]} as ${planned.key}: ${reason ?? 'see the log above'}. The next run restores an older entry or none.`;
  if (log.some((line) => line.startsWith('::warning::') || line.startsWith('::error::'))) core.info(message);
  else core.warning(message);
  return result('failed', message, archiveBytes);

  function unreachable(reason: string): SavedEntry {
    const message = `The cache service stopped answering (${reason}); the Go caches are not saved in this run.`;
    core.notice(message);
    return result('unavailable', message);
  }
}

/** Deletes module versions neither the build list nor the go.sum files name. */
async function pruneModuleCache(plan: CachePlan): Promise<{ paths: number; bytes: number }> {
  const needed = await neededModules(plan);
  if (typeof needed === 'string') {
    core.info(`Not pruning GOMODCACHE: ${needed}`);
    return { paths: 0, bytes: 0 };
  }
  const listing: { path: string; isDirectory: boolean }[] = [];
  for await (const entry of walk(plan.modCacheDir, (relative) => modCacheWalk(relative) === 'descend')) {
    listing.push({ path: entry.relative, isDirectory: entry.isDirectory });
  }
  return removeAndMeasure(plan.modCacheDir, planModCachePrune(listing, needed), {
    what: 'module versions the build no longer needs',
    listPaths: true,
  });
}

/** Deletes GOCACHE entries the run did not use (their mtime is still the backdated one). */
async function pruneBuildCache(
  plan: CachePlan,
  unusedBefore: number | null,
): Promise<{ paths: number; bytes: number }> {
  if (unusedBefore === null) {
    core.info(
      'Not pruning GOCACHE: it was not backdated when restored, so its unused entries cannot be told apart.',
    );
    return { paths: 0, bytes: 0 };
  }
  const files: { path: string; mtimeMs: number }[] = [];
  for await (const entry of walk(plan.buildCacheDir, () => true)) {
    if (!entry.isDirectory)
      files.push({ path: entry.relative, mtimeMs: (await lstat(entry.absolute)).mtimeMs });
  }
  return removeAndMeasure(plan.buildCacheDir, planBuildCachePrune(files, unusedBefore), {
    what: 'entries this run did not use',
    listPaths: false,
  });
}

/** Deletes the planned paths and logs what went; only module paths are worth listing (cache entries are hashes). */
async function removeAndMeasure(
  root: string,
  relativePaths: string[],
  report: { what: string; listPaths: boolean },
) {
  if (relativePaths.length === 0) {
    core.info(`Nothing to prune in ${root}.`);
    return { paths: 0, bytes: 0 };
  }
  const before = await fingerprintPaths([root]);
  for (const relative of relativePaths) await removeTree(path.join(root, relative));
  const after = await fingerprintPaths([root]);
  const bytes = before.bytes - after.bytes;
  core.info(`Pruned ${relativePaths.length} path(s), ${humanBytes(bytes)}, from ${root}: ${report.what}.`);
  if (report.listPaths) {
    for (const relative of relativePaths.slice(0, 20)) core.info(`  - ${relative}`);
    if (relativePaths.length > 20) core.info(`  … and ${relativePaths.length - 20} more`);
  }
  return { paths: relativePaths.length, bytes };
}

/**
 * The module versions to keep: the build list of every module directory (`go list -m -json all`, offline), plus
 * every version the go.sum files name (go.mod-only entries too, so the next run resolves the graph offline).
 * A directory whose build list cannot be had (a broken testdata module, say) counts by its go.sum alone; a reason
 * string when no build list can be had at all.
 */
async function neededModules(plan: CachePlan): Promise<ModuleVersion[] | string> {
  if (plan.moduleDirs.length === 0) return 'no go.sum or go.work.sum names the modules the build needs';
  const needed: ModuleVersion[] = [];
  const failures: string[] = [];
  for (const dir of plan.moduleDirs) {
    try {
      const { stdout } = await execFileAsync(plan.goBinary, ['list', '-m', '-json', 'all'], {
        cwd: dir,
        env: {
          ...childEnv(process.env),
          GOFLAGS: '-mod=readonly',
          GOPROXY: 'off',
          GOTOOLCHAIN: 'local',
          GOMODCACHE: plan.modCacheDir,
        },
        maxBuffer: 256 * 1024 * 1024,
        timeout: 120_000,
      });
      needed.push(...parseModuleList(stdout));
    } catch (error) {
      const detail = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
      failures.push(`\`go list -m all\` failed in ${dir}: ${detail.split('\n')[0]}`);
    }
  }
  if (failures.length === plan.moduleDirs.length) return failures.join('; ');
  for (const failure of failures) core.info(`${failure}; keeping what its go.sum names.`);
  for (const file of plan.dependencyFiles.filter((name) => /go\.(work\.)?sum$/.test(path.basename(name)))) {
    needed.push(...parseGoSum(await readFile(file, 'utf8')));
  }
  return needed;
}

interface WalkEntry {
  relative: string;
  absolute: string;
  isDirectory: boolean;
}

/** Files (and directories `descend` refuses) under `root`, relative paths `/`-separated; nothing when `root` is missing. */
async function* walk(
  root: string,
  descend: (relativeDir: string) => boolean,
  relativeDir = '',
): AsyncGenerator<WalkEntry> {
  let names;
  try {
    names = await readdir(path.join(root, relativeDir), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const dirent of names) {
    const relative = relativeDir ? `${relativeDir}/${dirent.name}` : dirent.name;
    const absolute = path.join(root, relative);
    if (dirent.isDirectory() && descend(relative)) yield* walk(root, descend, relative);
    else yield { relative, absolute, isDirectory: dirent.isDirectory() };
  }
}

/** Walks the trees and fingerprints them; with `backdateTo`, first sets every file's times to it. */
async function fingerprintPaths(paths: readonly string[], backdateTo?: number): Promise<DirFingerprint> {
  const fingerprint: DirFingerprint = { files: 0, bytes: 0, newestMtimeMs: 0 };
  const when = backdateTo === undefined ? undefined : new Date(backdateTo);
  for (const root of paths) {
    for await (const entry of walk(root, () => true)) {
      if (when) await lutimes(entry.absolute, when, when);
      const stats = await lstat(entry.absolute);
      fingerprint.files++;
      fingerprint.bytes += stats.size;
      fingerprint.newestMtimeMs = Math.max(fingerprint.newestMtimeMs, stats.mtimeMs);
    }
  }
  return fingerprint;
}

function sameFingerprint(a: DirFingerprint, b: DirFingerprint): boolean {
  return a.files === b.files && a.bytes === b.bytes && a.newestMtimeMs === b.newestMtimeMs;
}

/** Removes a file or tree; Go makes extracted modules read-only, so on a permission error it makes them writable first. */
async function removeTree(target: string): Promise<void> {
  try {
    await rm(target, { recursive: true, force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM') throw error;
    await makeDirectoriesWritable(target);
    await rm(target, { recursive: true, force: true });
  }
}

async function makeDirectoriesWritable(target: string): Promise<void> {
  const stats = await lstat(target);
  if (!stats.isDirectory()) return;
  await chmod(target, stats.mode | 0o700);
  for (const dirent of await readdir(target, { withFileTypes: true })) {
    if (dirent.isDirectory()) await makeDirectoriesWritable(path.join(target, dirent.name));
  }
}

// @actions/cache reports why a restore or save did not happen only in its log (it catches the errors), so the
// lines it writes while we wait on it are the one place to tell "another job saved it" from "the service is down".
type LogListener = (text: string) => void;
const logListeners = new Set<LogListener>();
let passThroughWrite: typeof process.stdout.write | undefined;

async function readingLibraryLog<T>(run: () => Promise<T>): Promise<{ value: T; log: string[] }> {
  let text = '';
  const listener: LogListener = (chunk) => {
    text += chunk;
  };
  logListeners.add(listener);
  if (!passThroughWrite) {
    const original = process.stdout.write;
    passThroughWrite = original;
    process.stdout.write = function (this: unknown, chunk: unknown, ...rest: unknown[]) {
      const piece = typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
      for (const notify of logListeners) notify(piece);
      return (original as (...args: unknown[]) => boolean).call(process.stdout, chunk, ...rest);
    } as typeof process.stdout.write;
  }
  try {
    const value = await run();
    return { value, log: text.split(/\r?\n/) };
  } finally {
    logListeners.delete(listener);
    if (logListeners.size === 0 && passThroughWrite) {
      process.stdout.write = passThroughWrite;
      passThroughWrite = undefined;
    }
  }
}

/** The message of the library's last log line (plain, warning, error or debug) that starts with `prefix`. */
function libraryFailure(log: readonly string[], prefix: string): string | undefined {
  const lines = log
    .map((line) => line.replace(/^::(warning|error|debug)::/, ''))
    .filter((line) => line.startsWith(prefix));
  const last = lines[lines.length - 1];
  return last === undefined ? undefined : last.slice(prefix.length).replace(/^:\s*/, '').replace(/%0A/g, ' ');
}

/** Failures that mean the service itself is unreachable or broken, not this one entry. */
function serviceUnreachable(reason: string): boolean {
  return /Unable to make request|Failed to make request after|Failed to GetCacheEntryDownloadURL/.test(
    reason,
  );
}

function archiveSize(log: readonly string[], pattern: RegExp): number | null {
  for (const line of log) {
    const match = pattern.exec(line);
    if (match?.[1]) return Number(match[1]);
  }
  return null;
}

function describeRestore(planned: CacheEntryPlan, entry: RestoredEntry): string {
  const took = `in ${humanDuration(entry.durationMs)}`;
  if (entry.matchedKey === null) {
    return `No entry for ${planned.key} or ${planned.restoreKeys.join(', ')}${entry.error ? ` (${entry.error})` : ''}; looked ${took}. ${LABELS[planned.kind]} now holds ${describeFingerprint(entry.fingerprint)}.`;
  }
  const how = entry.hit === 'exact' ? 'exact hit' : `partial hit for ${planned.key}`;
  const archive = entry.archiveBytes !== null ? ` from a ${humanBytes(entry.archiveBytes)} archive` : '';
  return `Restored ${entry.matchedKey} (${how}): ${describeFingerprint(entry.fingerprint)}${archive}, ${took}.`;
}

function describeFingerprint(fingerprint: DirFingerprint): string {
  return `${humanBytes(fingerprint.bytes)} in ${fingerprint.files} files`;
}

function toSlashes(relative: string): string {
  return relative.split(path.sep).join('/');
}
