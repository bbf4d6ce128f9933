// The shell around the cache plan: finds and hashes the dependency files, restores and saves GOMODCACHE and
// GOCACHE through @actions/cache. An entry is one archive of the files prune.ts chooses; restoring writes only
// files that are missing, and saving never changes the cache directories. Every decision lives in keys.ts and
// prune.ts; this module only does the I/O.
import * as cache from '@actions/cache';
import * as core from '../log.js';
import * as glob from '@actions/glob';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { lstat, lutimes, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar';
import { InputError } from '../errors.js';
import { humanBytes, humanDuration } from '../report/format.js';
import {
  BUILD_KEY_ENV,
  cacheOutputs,
  dependencyFilePatterns,
  describeKeyDifference,
  entryHit,
  explainKeyDifference,
  planGoCaches,
  sameKey,
  type CacheEntryPlan,
  type CacheHit,
  type CacheKind,
  type CacheOutputs,
  type CachePlan,
  type CachePlanInput,
  type DependencyFile,
  type KeyDifference,
} from './keys.js';
import {
  BUILD_CACHE_BACKDATE_MS,
  parseGoSum,
  selectBuildCache,
  selectModCache,
  type CacheFile,
} from './prune.js';
import { runChecked } from '../platform/process.js';

/** How one entry's restore went. */
export interface RestoredEntry {
  kind: CacheKind;
  key: string;
  matchedKey: string | null;
  hit: CacheHit;
  /** Which parts of the key differ from the restored entry's (empty on an exact hit). */
  differences: KeyDifference[];
  durationMs: number;
  /** Size of the downloaded (compressed) archive, as @actions/cache reported it. */
  archiveBytes: number | null;
  /** Files the entry held, and the bytes of their contents. */
  entryFiles: number;
  entryBytes: number;
  /** Files written into the cache directory; the others were there already and were left alone. */
  restoredFiles: number;
  /** SHA-256 over the entry's file names and sizes: a save of the same selection is skipped. */
  contentsDigest: string | null;
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
  /** When the run started (before the restore): build-cache files with an mtime since then were used or written by it. */
  runStartedAt: number;
  /** The mtime the restore gave the build-cache files it wrote. */
  buildCacheBackdatedTo: number;
  message?: string;
}

/**
 * Why an entry was or was not saved: `saved`; `exact-hit` (restored from its own key); `unchanged` (the
 * selection is what was restored); `empty`; `conflict` (another job saved the key first); `failed` (a warning);
 * `unavailable` (no cache service, or it stopped answering); `skipped` (the cache mode forbids writes);
 * `disabled` (cache-save: never).
 */
export type SaveOutcome =
  | 'saved'
  | 'exact-hit'
  | 'unchanged'
  | 'empty'
  | 'conflict'
  | 'failed'
  | 'unavailable'
  | 'skipped'
  | 'disabled';

/** How one entry's save went. */
export interface SavedEntry {
  kind: CacheKind;
  /** The key the entry was (or would have been) saved under. */
  key: string;
  outcome: SaveOutcome;
  durationMs: number;
  /** Files chosen for the entry and the bytes of their contents; null when nothing was chosen. */
  selectedFiles: number | null;
  selectedBytes: number | null;
  /** What the cache directory held that the entry leaves out: module versions, or build-cache files. */
  leftOut: string | null;
  /** For the build cache: how many of the restored files this run used. */
  restoredUsed: { used: number; restored: number } | null;
  /** Size of the uploaded (compressed) archive, as @actions/cache reported it. */
  archiveBytes: number | null;
  message?: string;
}

/** What the post step did, one entry per planned cache. */
export interface SaveResult {
  entries: SavedEntry[];
}

/** The cache inputs and toolchain facts, before the dependency files are found. */
export interface GoCacheInputs extends Omit<CachePlanInput, 'dependencyFiles' | 'sumFiles'> {
  /** The `cache-dependency-path` input; empty for every go.sum and go.work.sum under the working directory. */
  dependencyPath: string;
}

const LABELS: Record<CacheKind, string> = {
  mod: 'Go module cache (GOMODCACHE)',
  build: 'Go build cache (GOCACHE)',
};

/**
 * Finds the files `cache-dependency-path` names and hashes them; an explicit path that matches nothing is an
 * error. The module-cache entry keeps what the matched go.sum / go.work.sum files name, and always what the
 * working directory's own go.sum and go.work.sum name.
 */
export async function prepareGoCaches(inputs: GoCacheInputs): Promise<CachePlan> {
  const { dependencyPath, ...rest } = inputs;
  if (!inputs.cache) return planGoCaches({ ...rest, dependencyFiles: [], sumFiles: [] });
  const dependencyFiles = await dependencyFilesFor(dependencyPath, inputs.workingDirectory, [
    inputs.modCacheDir,
    inputs.buildCacheDir,
  ]);
  const sumFiles = dependencyFiles
    .filter((file) => /(^|\/)go\.(work\.)?sum$/.test(file.path))
    .map((file) => path.resolve(inputs.workingDirectory, file.path));
  for (const name of ['go.sum', 'go.work.sum']) {
    const own = path.join(inputs.workingDirectory, name);
    // Only a regular file: a committed link to a device would be read forever.
    const info = await lstat(own).catch(() => undefined);
    if (info?.isFile() && !sumFiles.includes(own)) sumFiles.push(own);
  }
  return planGoCaches({ ...rest, dependencyFiles, sumFiles });
}

/**
 * The flags that decide what go compiles besides the inputs: GOFLAGS and GOEXPERIMENT as the toolchain sees them
 * (`go env` also reads `go env -w` settings), and the architecture levels set in the environment.
 */
export async function buildKeyEnvironment(goBinary: string): Promise<Record<string, string>> {
  const env: Record<string, string> = {};
  for (const name of BUILD_KEY_ENV) {
    const value = process.env[name]?.trim();
    if (value) env[name] = value;
  }
  const { stdout } = await runChecked(goBinary, ['env', '-json', 'GOFLAGS', 'GOEXPERIMENT'], {
    env: { ...process.env, GOTOOLCHAIN: 'local' },
    timeoutMs: 60_000,
  });
  for (const [name, value] of Object.entries(JSON.parse(stdout) as Record<string, string>)) {
    if (value.trim()) env[name] = value.trim();
    else delete env[name];
  }
  return env;
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

/** A go.sum of 150,000 modules is under 20 MiB; a dependency file larger than this is not one to hash. */
export const MAX_DEPENDENCY_FILE_BYTES = 64 * 1024 * 1024;

/**
 * The files the glob patterns match, each with the SHA-256 of its contents, paths relative to `workingDirectory`.
 * The glob does not follow symlinks (a committed `rootfs -> /` would send `**\/go.sum` through the whole file
 * system), and only regular files are hashed: a `go.sum -> /dev/zero` would never end. Those are left out of the
 * key with a warning; a file over {@link MAX_DEPENDENCY_FILE_BYTES} is an InputError.
 */
export async function findDependencyFiles(
  patterns: string[],
  workingDirectory: string,
): Promise<DependencyFile[]> {
  const globber = await glob.create(patterns.join('\n'), {
    matchDirectories: false,
    followSymbolicLinks: false,
  });
  const files = [...new Set(await globber.glob())].sort();
  const hashed: DependencyFile[] = [];
  for (const file of files) {
    const relative = toSlashes(path.relative(workingDirectory, file));
    const info = await lstat(file);
    if (!info.isFile()) {
      core.warning(
        `Leaving ${relative} out of the cache key: it is ${info.isSymbolicLink() ? 'a symlink' : 'not a regular file'}.`,
      );
      continue;
    }
    if (info.size > MAX_DEPENDENCY_FILE_BYTES) {
      throw new InputError(
        'cache-dependency-path',
        `${relative} is ${info.size} bytes, over the ${MAX_DEPENDENCY_FILE_BYTES}-byte limit for a dependency file`,
        'point cache-dependency-path at your go.sum and go.work.sum files',
      );
    }
    const hash = createHash('sha256');
    await pipeline(createReadStream(file), hash);
    hashed.push({ path: relative, sha256: hash.digest('hex') });
  }
  return hashed;
}

/**
 * Restores each planned entry (module cache, then build cache): the cache service hands back one archive, whose
 * files are written into the cache directory where they are missing; files already there are left as they are.
 * Build-cache files written are dated before the run, so the save step can tell which ones the run used. Never
 * throws for cache trouble: a missing or unreachable service is a notice, a failed download a warning (from
 * @actions/cache), and the run goes on.
 */
export async function restoreGoCaches(plan: CachePlan): Promise<RestoreResult> {
  const runStartedAt = Date.now();
  const buildCacheBackdatedTo = runStartedAt - BUILD_CACHE_BACKDATE_MS;
  const finish = (
    status: RestoreResult['status'],
    entries: RestoredEntry[],
    message?: string,
  ): RestoreResult => {
    const outputs = cacheOutputs(plan, entries);
    return {
      status,
      cacheHit: outputs['cache-hit'],
      entries,
      outputs,
      runStartedAt,
      buildCacheBackdatedTo,
      ...(message ? { message } : {}),
    };
  };
  if (plan.entries.length === 0) return finish('disabled', []);
  if (!cache.isFeatureAvailable()) {
    const message =
      'No cache service is configured for this job, so the Go caches are neither restored nor saved.';
    core.notice(message);
    return finish('unavailable', [], message);
  }

  const entries: RestoredEntry[] = [];
  for (const planned of plan.entries) {
    core.startGroup(`Restore ${LABELS[planned.kind]}`);
    try {
      const started = Date.now();
      await mkdir(path.dirname(planned.archiveFile), { recursive: true });
      await rm(planned.archiveFile, { force: true });
      const { value, log } = await readingLibraryLog(() =>
        cache.restoreCache([planned.archiveFile], planned.lookupKey, [...planned.restoreKeys]),
      );
      let matchedKey = value ?? null;
      let failure = value === undefined ? libraryFailure(log, 'Failed to restore') : undefined;
      if (failure && serviceUnreachable(failure)) {
        const message = `The cache service stopped answering (${failure}); the Go caches are not restored or saved in this run.`;
        core.notice(message);
        return finish('unavailable', entries, message);
      }
      let unpacked: Unpacked = { files: 0, bytes: 0, written: 0, digest: null };
      if (matchedKey !== null) {
        try {
          unpacked = await unpackEntry(planned, planned.kind === 'build' ? buildCacheBackdatedTo : undefined);
        } catch (error) {
          failure = `the archive of ${matchedKey} is unreadable: ${(error as Error).message}`;
          core.warning(`Could not restore ${LABELS[planned.kind]}: ${failure}. The build starts without it.`);
          matchedKey = null;
        }
      }
      await rm(planned.archiveFile, { force: true });
      const entry: RestoredEntry = {
        kind: planned.kind,
        key: planned.key,
        matchedKey,
        hit: entryHit(planned, matchedKey),
        differences: explainKeyDifference(planned, plan.keyPrefix, matchedKey),
        durationMs: Date.now() - started,
        archiveBytes: matchedKey === null ? null : archiveSize(log, /Cache Size: ~\d+ MB \((\d+) B\)/),
        entryFiles: unpacked.files,
        entryBytes: unpacked.bytes,
        restoredFiles: unpacked.written,
        contentsDigest: unpacked.digest,
        ...(failure ? { error: failure } : {}),
      };
      entries.push(entry);
      core.info(describeRestore(planned, entry, plan.flagsDescription));
    } finally {
      core.endGroup();
    }
  }
  return finish('attempted', entries);
}

interface Unpacked {
  files: number;
  bytes: number;
  /** Files written; the others already existed. */
  written: number;
  digest: string | null;
}

/**
 * Writes the archive's files into the entry's cache directory where they are missing. Entries that would leave
 * the directory (absolute paths, `..`) are refused by tar itself. When the archive breaks part-way, the files
 * this restore wrote are removed again (go trusts what it finds in its caches), and the error is thrown.
 */
async function unpackEntry(planned: CacheEntryPlan, backdateTo: number | undefined): Promise<Unpacked> {
  const listed: { path: string; sizeBytes: number }[] = [];
  const written: string[] = [];
  await mkdir(planned.cacheDir, { recursive: true });
  try {
    await tar.x({
      file: planned.archiveFile,
      cwd: planned.cacheDir,
      strict: true,
      keep: true,
      filter: (name, entry) => {
        if (!('type' in entry) || entry.type !== 'File') return false;
        listed.push({ path: name, sizeBytes: entry.size ?? 0 });
        if (existsSync(path.join(planned.cacheDir, name))) return false;
        written.push(name);
        return true;
      },
    });
  } catch (error) {
    for (const name of written) await rm(path.join(planned.cacheDir, name), { force: true });
    throw error;
  }
  if (backdateTo !== undefined) {
    const when = new Date(backdateTo);
    for (const name of written) await lutimes(path.join(planned.cacheDir, name), when, when);
    const fresh = new Set(written);
    await writeFile(
      alreadyPresentFile(planned),
      JSON.stringify(listed.map((file) => file.path).filter((name) => !fresh.has(name))),
    );
  }
  return {
    files: listed.length,
    bytes: listed.reduce((sum, file) => sum + file.sizeBytes, 0),
    written: written.length,
    digest: listed.length > 0 ? contentsDigest(listed) : null,
  };
}

/**
 * Saves each entry the `cache-save` mode allows: with `auto`, an entry that was not restored exactly; with
 * `always`, any entry; with `never`, none. The entry is an archive of the files this module needs (see
 * prune.ts), never more; nothing in the cache directories is changed. An entry whose selection is what was
 * restored is not uploaded again. A failed save is a warning, a save another job won is a notice; neither throws.
 */
export async function saveGoCaches(plan: CachePlan, restored: RestoreResult): Promise<SaveResult> {
  const skip = (planned: CacheEntryPlan, outcome: SaveOutcome, message: string): SavedEntry => ({
    kind: planned.kind,
    key: planned.saveKey,
    outcome,
    durationMs: 0,
    selectedFiles: null,
    selectedBytes: null,
    leftOut: null,
    restoredUsed: null,
    archiveBytes: null,
    message,
  });
  if (restored.status === 'disabled' || plan.entries.length === 0) return { entries: [] };
  if (restored.status === 'unavailable' || !cache.isFeatureAvailable()) {
    const message =
      restored.message ?? 'No cache service is configured for this job, so the Go caches are not saved.';
    core.info(message);
    return { entries: plan.entries.map((planned) => skip(planned, 'unavailable', message)) };
  }

  const entries: SavedEntry[] = [];
  let unavailable: string | undefined;
  for (const planned of plan.entries) {
    const before = restored.entries.find((entry) => entry.kind === planned.kind);
    if (unavailable) {
      entries.push(skip(planned, 'unavailable', unavailable));
      continue;
    }
    core.startGroup(`Save ${LABELS[planned.kind]}`);
    try {
      const started = Date.now();
      const selected = await selectEntryFiles(plan, planned, before, restored);
      core.info(selected.summary);
      const decided = (outcome: SaveOutcome, message: string): SavedEntry => {
        core.info(message);
        return {
          ...skip(planned, outcome, message),
          ...selectionFigures(selected),
          durationMs: Date.now() - started,
        };
      };
      if (plan.cacheSave === 'never') {
        entries.push(decided('disabled', `${LABELS[planned.kind]} is not saved: cache-save is never.`));
      } else if (plan.cacheSave === 'auto' && before?.hit === 'exact') {
        entries.push(
          decided(
            'exact-hit',
            `${LABELS[planned.kind]} was restored from its own key ${before.matchedKey ?? planned.key}; nothing to save (cache-save: auto).`,
          ),
        );
      } else {
        const saved = await saveEntry(planned, before, selected, started);
        entries.push(saved);
        if (saved.outcome === 'unavailable') unavailable = saved.message;
      }
    } finally {
      core.endGroup();
    }
  }
  return { entries };
}

function selectionFigures(selected: EntrySelection) {
  return {
    selectedFiles: selected.paths.length,
    selectedBytes: selected.bytes,
    leftOut: selected.leftOut,
    restoredUsed: selected.restoredUsed,
  };
}

async function saveEntry(
  planned: CacheEntryPlan,
  before: RestoredEntry | undefined,
  selected: EntrySelection,
  started: number,
): Promise<SavedEntry> {
  const result = (outcome: SaveOutcome, message: string, archiveBytes: number | null = null): SavedEntry => ({
    kind: planned.kind,
    key: planned.saveKey,
    outcome,
    durationMs: Date.now() - started,
    ...selectionFigures(selected),
    archiveBytes,
    message,
  });

  if (selected.paths.length === 0) {
    const message = `${LABELS[planned.kind]} has nothing this module needs; nothing to save.`;
    core.info(message);
    return result('empty', message);
  }
  if (before?.matchedKey && before.contentsDigest === selected.digest) {
    const message = `${LABELS[planned.kind]} would hold what was restored from ${before.matchedKey}; not saving ${planned.saveKey}.`;
    core.info(message);
    return result('unchanged', message);
  }

  const lookup = await readingLibraryLog(() =>
    cache.restoreCache([planned.archiveFile], planned.saveKey, [], { lookupOnly: true }),
  );
  if (lookup.value !== undefined && sameKey(lookup.value, planned.saveKey)) {
    const message = `Another job already saved ${planned.saveKey}; not saving it again.`;
    core.notice(message);
    return result('conflict', message);
  }
  const lookupFailure =
    lookup.value === undefined ? libraryFailure(lookup.log, 'Failed to restore') : undefined;
  if (lookupFailure && serviceUnreachable(lookupFailure)) return unreachable(lookupFailure);

  await mkdir(path.dirname(planned.archiveFile), { recursive: true });
  let saving;
  try {
    await tar.c({ file: planned.archiveFile, cwd: planned.cacheDir, portable: true }, selected.paths);
    saving = await readingLibraryLog(() => cache.saveCache([planned.archiveFile], planned.saveKey));
  } finally {
    await rm(planned.archiveFile, { force: true });
  }
  const { value: cacheId, log } = saving;
  const archiveBytes =
    archiveSize(log, /File Size: (\d+)/) ?? archiveSize(log, /Cache Size: ~\d+ MB \((\d+) B\)/);
  if (cacheId > 0) {
    const message = `Saved ${LABELS[planned.kind]} as ${planned.saveKey}: ${humanBytes(selected.bytes)} in ${selected.paths.length} files${
      archiveBytes !== null ? `, archive ${humanBytes(archiveBytes)}` : ''
    }, in ${humanDuration(Date.now() - started)}.`;
    core.info(message);
    return result('saved', message, archiveBytes);
  }
  if (log.some((line) => line.startsWith('Cache save skipped:'))) {
    return result('skipped', `The cache mode does not allow saving ${planned.saveKey}.`);
  }
  const reserveFailed = log.some((line) =>
    line.includes(`Unable to reserve cache with key ${planned.saveKey}`),
  );
  const reason = libraryFailure(log, 'Failed to reserve cache') ?? libraryFailure(log, 'Failed to save');
  if (reserveFailed && reason?.includes('(409)')) {
    const message = `Another job is saving or has saved ${planned.saveKey}; not saving it again.`;
    core.notice(message);
    return result('conflict', message);
  }
  if (reason && serviceUnreachable(reason)) return unreachable(reason);
  const message = `Could not save ${LABELS[planned.kind]} as ${planned.saveKey}: ${reason ?? 'see the log above'}. The next run restores an older entry or none.`;
  if (log.some((line) => line.startsWith('::warning::') || line.startsWith('::error::'))) core.info(message);
  else core.warning(message);
  return result('failed', message, archiveBytes);

  function unreachable(reason: string): SavedEntry {
    const message = `The cache service stopped answering (${reason}); the Go caches are not saved in this run.`;
    core.notice(message);
    return result('unavailable', message);
  }
}

interface EntrySelection {
  paths: string[];
  bytes: number;
  leftOut: string;
  restoredUsed: { used: number; restored: number } | null;
  /** {@link contentsDigest} of the chosen files. */
  digest: string;
  /** One line for the log. */
  summary: string;
}

/** Chooses the files of the entry (see prune.ts) from a listing of its cache directory. */
async function selectEntryFiles(
  plan: CachePlan,
  planned: CacheEntryPlan,
  before: RestoredEntry | undefined,
  restored: RestoreResult,
): Promise<EntrySelection> {
  if (planned.kind === 'mod') {
    const sums = [];
    for (const file of plan.sumFiles) sums.push(parseGoSum(await readFile(file, 'utf8')));
    const files = await listFiles(path.join(planned.cacheDir, 'cache', 'download'), 'cache/download');
    const chosen = selectModCache(files, sums);
    const digest = digestOf(files, chosen.paths);
    const leftOut = `${chosen.modulesLeftOut} module version(s)`;
    return {
      paths: chosen.paths,
      bytes: chosen.bytes,
      leftOut,
      restoredUsed: null,
      digest,
      summary: `GOMODCACHE entry: ${chosen.modulesKept} module version(s) that ${plan.sumFiles.length > 0 ? plan.sumFiles.map((file) => path.basename(file)).join(', ') : 'no go.sum'} name, ${humanBytes(chosen.bytes)} in ${chosen.paths.length} files; left out ${leftOut} found in ${planned.cacheDir} (nothing is deleted there).`,
    };
  }
  const files = await listFiles(planned.cacheDir, '');
  const restoredFiles = before?.restoredFiles ?? 0;
  const alreadyPresent = before?.matchedKey ? await readAlreadyPresent(planned) : [];
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
    summary: `GOCACHE entry: the ${chosen.paths.length} files this run used or wrote, ${humanBytes(chosen.bytes)}; left out ${chosen.leftOut} file(s) of ${planned.cacheDir} it did not use (nothing is deleted there)${usedShare}.`,
  };
}

/** Where the restore notes the build-cache files of the entry that the runner already had (see selectBuildCache). */
function alreadyPresentFile(planned: CacheEntryPlan): string {
  return `${planned.archiveFile}.present.json`;
}

async function readAlreadyPresent(planned: CacheEntryPlan): Promise<string[]> {
  try {
    return JSON.parse(await readFile(alreadyPresentFile(planned), 'utf8')) as string[];
  } catch {
    return [];
  } finally {
    await rm(alreadyPresentFile(planned), { force: true });
  }
}

/** Every file under `root` with its size and mtime, paths relative to `root` and prefixed by `prefix`; none when missing. */
async function listFiles(root: string, prefix: string): Promise<CacheFile[]> {
  const files: CacheFile[] = [];
  for await (const entry of walk(root)) {
    if (entry.isDirectory) continue;
    const stats = await lstat(entry.absolute);
    if (!stats.isFile()) continue;
    files.push({
      path: prefix ? `${prefix}/${entry.relative}` : entry.relative,
      sizeBytes: stats.size,
      mtimeMs: stats.mtimeMs,
    });
  }
  return files;
}

function digestOf(files: readonly CacheFile[], chosen: readonly string[]): string {
  const picked = new Set(chosen);
  return contentsDigest(files.filter((file) => picked.has(file.path)));
}

/** SHA-256 over sorted `name size` lines: the same set of files, as far as a cache entry can tell. */
function contentsDigest(files: readonly { path: string; sizeBytes: number }[]): string {
  const hash = createHash('sha256');
  for (const line of files.map((file) => `${file.path} ${file.sizeBytes}`).sort()) hash.update(`${line}\n`);
  return hash.digest('hex');
}

interface WalkEntry {
  relative: string;
  absolute: string;
  isDirectory: boolean;
}

/** Everything under `root`, relative paths `/`-separated; nothing when `root` is missing. */
async function* walk(root: string, relativeDir = ''): AsyncGenerator<WalkEntry> {
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
    yield { relative, absolute, isDirectory: dirent.isDirectory() };
    if (dirent.isDirectory()) yield* walk(root, relative);
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

function describeRestore(planned: CacheEntryPlan, entry: RestoredEntry, flags: string): string {
  const took = `in ${humanDuration(entry.durationMs)}`;
  const why = entry.differences.length > 0 ? ` Differs in: ${describeKeyDifference(entry.differences)}.` : '';
  const builtWith = planned.kind === 'build' ? ` Builds use ${flags}.` : '';
  if (entry.matchedKey === null) {
    return `No entry for ${planned.key} or ${planned.restoreKeys.join(', ')}${entry.error ? ` (${entry.error})` : ''}; looked ${took}.${why}${builtWith}`;
  }
  const how = entry.hit === 'exact' ? 'exact hit' : `partial hit for ${planned.key}`;
  const archive = entry.archiveBytes !== null ? ` from a ${humanBytes(entry.archiveBytes)} archive` : '';
  const kept = entry.entryFiles - entry.restoredFiles;
  return `Restored ${entry.matchedKey} (${how}): ${humanBytes(entry.entryBytes)} in ${entry.entryFiles} files${archive}, ${took}; wrote ${entry.restoredFiles} file(s)${kept > 0 ? `, ${kept} were already in ${planned.cacheDir} and were left as they are` : ''}.${why}${builtWith}`;
}

function toSlashes(relative: string): string {
  return relative.split(path.sep).join('/');
}
