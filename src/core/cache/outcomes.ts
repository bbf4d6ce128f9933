// What a restore and a save came to, as plain data: the results the main step keeps for the post step and the
// summary, what @actions/cache's log says happened to a call (it reports failures only there), and the words
// for the log. Pure: log lines and results in, data and text out.
import { humanBytes, humanDuration } from '../report/format.js';
import { describeKeyDifference, type CacheHit, type CacheOutputs, type KeyDifference } from './key-match.js';
import type { CacheEntryPlan, CacheKind } from './keys.js';

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

/** How the log names each cache. */
export const CACHE_LABELS: Record<CacheKind, string> = {
  mod: 'Go module cache (GOMODCACHE)',
  build: 'Go build cache (GOCACHE)',
};

/** One log line for an entry's restore: what came back and from which key, or what was looked for. */
export function describeRestore(planned: CacheEntryPlan, entry: RestoredEntry, flags: string): string {
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

/** How @actions/cache logs the size of an archive it downloaded; a save's log has the line too, at debug level. */
export const CACHE_SIZE_LINE = /Cache Size: ~\d+ MB \((\d+) B\)/;

/** What the log of one saveCache call says happened. */
export type UploadReading =
  | { outcome: 'saved' | 'skipped' | 'conflict'; archiveBytes: number | null }
  | { outcome: 'unavailable'; reason: string; archiveBytes: number | null }
  | {
      outcome: 'failed';
      reason: string | undefined;
      archiveBytes: number | null;
      /** The library warned or erred in its log already; a second warning would say it twice. */
      libraryWarned: boolean;
    };

/**
 * Reads a saveCache call's log: saved when it returned a cache id; skipped when the cache mode forbids writes;
 * a conflict when reserving the key failed with 409 (another job holds it); unavailable when the service is
 * unreachable; failed otherwise.
 */
export function readUploadLog(log: readonly string[], cacheId: number, saveKey: string): UploadReading {
  const archiveBytes = archiveSize(log, /File Size: (\d+)/) ?? archiveSize(log, CACHE_SIZE_LINE);
  if (cacheId > 0) return { outcome: 'saved', archiveBytes };
  if (log.some((line) => line.startsWith('Cache save skipped:'))) return { outcome: 'skipped', archiveBytes };
  const reserveFailed = log.some((line) => line.includes(`Unable to reserve cache with key ${saveKey}`));
  const reason = libraryFailure(log, 'Failed to reserve cache') ?? libraryFailure(log, 'Failed to save');
  if (reserveFailed && reason?.includes('(409)')) return { outcome: 'conflict', archiveBytes };
  if (reason && serviceUnreachable(reason)) return { outcome: 'unavailable', reason, archiveBytes };
  const libraryWarned = log.some((line) => line.startsWith('::warning::') || line.startsWith('::error::'));
  return { outcome: 'failed', reason, archiveBytes, libraryWarned };
}

/** The message of the library's last log line (plain, warning, error or debug) that starts with `prefix`. */
export function libraryFailure(log: readonly string[], prefix: string): string | undefined {
  const lines = log
    .map((line) => line.replace(/^::(warning|error|debug)::/, ''))
    .filter((line) => line.startsWith(prefix));
  const last = lines[lines.length - 1];
  return last === undefined ? undefined : last.slice(prefix.length).replace(/^:\s*/, '').replace(/%0A/g, ' ');
}

/** Failures that mean the service itself is unreachable or broken, not this one entry. */
export function serviceUnreachable(reason: string): boolean {
  return /Unable to make request|Failed to make request after|Failed to GetCacheEntryDownloadURL/.test(
    reason,
  );
}

/** The number the first log line matching `pattern` captures. */
export function archiveSize(log: readonly string[], pattern: RegExp): number | null {
  for (const line of log) {
    const match = pattern.exec(line);
    if (match?.[1]) return Number(match[1]);
  }
  return null;
}
