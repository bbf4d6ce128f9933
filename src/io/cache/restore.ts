// Restores the planned entries in the main step: the cache service hands back one archive per entry, and its
// files are written into the cache directory where they are missing. Which key matched and what that means is
// key-match.ts's to say, what the library's log means outcomes.ts's.
import { actionsCache } from './actions-cache.js';
import * as core from '../log.js';
import { existsSync } from 'node:fs';
import { lutimes, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import * as tar from 'tar';
import { noteAlreadyPresent } from './entry-files.js';
import { cacheOutputs, entryHit, explainKeyDifference } from '../../core/cache/key-match.js';
import type { CacheEntryPlan, CachePlan } from '../../core/cache/keys.js';
import { readingLibraryLog } from './library-log.js';
import {
  archiveSize,
  CACHE_LABELS,
  CACHE_SIZE_LINE,
  describeRestore,
  libraryFailure,
  serviceUnreachable,
  type RestoredEntry,
  type RestoreResult,
} from '../../core/cache/outcomes.js';
import { BUILD_CACHE_BACKDATE_MS, contentsDigest } from '../../core/cache/prune.js';

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
  const cache = await actionsCache();
  if (!cache.isFeatureAvailable()) {
    const message =
      'No cache service is configured for this job, so the Go caches are neither restored nor saved.';
    core.notice(message);
    return finish('unavailable', [], message);
  }

  const entries: RestoredEntry[] = [];
  for (const planned of plan.entries) {
    core.startGroup(`Restore ${CACHE_LABELS[planned.kind]}`);
    try {
      const entry = await restoreEntry(plan, planned, buildCacheBackdatedTo);
      if ('unreachable' in entry) {
        const message = `The cache service stopped answering (${entry.unreachable}); the Go caches are not restored or saved in this run.`;
        core.notice(message);
        return finish('unavailable', entries, message);
      }
      entries.push(entry);
      core.info(describeRestore(planned, entry, plan.flagsDescription));
    } finally {
      core.endGroup();
    }
  }
  return finish('attempted', entries);
}

/**
 * Downloads one entry's archive and unpacks it; an unreadable archive is a warning and counts as a miss. When
 * the service itself failed, says why instead, and the restore stops.
 */
async function restoreEntry(
  plan: CachePlan,
  planned: CacheEntryPlan,
  buildCacheBackdatedTo: number,
): Promise<RestoredEntry | { unreachable: string }> {
  const cache = await actionsCache();
  const started = Date.now();
  await mkdir(path.dirname(planned.archiveFile), { recursive: true });
  await rm(planned.archiveFile, { force: true });
  const { value, log } = await readingLibraryLog(() =>
    cache.restoreCache([planned.archiveFile], planned.lookupKey, [...planned.restoreKeys]),
  );
  let matchedKey = value ?? null;
  let failure = value === undefined ? libraryFailure(log, 'Failed to restore') : undefined;
  if (failure && serviceUnreachable(failure)) return { unreachable: failure };
  let unpacked: Unpacked = { files: 0, bytes: 0, written: 0, digest: null };
  if (matchedKey !== null) {
    try {
      unpacked = await unpackEntry(planned, planned.kind === 'build' ? buildCacheBackdatedTo : undefined);
    } catch (error) {
      failure = `the archive of ${matchedKey} is unreadable: ${(error as Error).message}`;
      core.warning(
        `Could not restore ${CACHE_LABELS[planned.kind]}: ${failure}. The build starts without it.`,
      );
      matchedKey = null;
    }
  }
  await rm(planned.archiveFile, { force: true });
  return {
    kind: planned.kind,
    key: planned.key,
    matchedKey,
    hit: entryHit(planned, matchedKey),
    differences: explainKeyDifference(planned, plan.keyPrefix, matchedKey),
    durationMs: Date.now() - started,
    archiveBytes: matchedKey === null ? null : archiveSize(log, CACHE_SIZE_LINE),
    entryFiles: unpacked.files,
    entryBytes: unpacked.bytes,
    restoredFiles: unpacked.written,
    contentsDigest: unpacked.digest,
    ...(failure ? { error: failure } : {}),
  };
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
    await noteAlreadyPresent(
      planned,
      listed.map((file) => file.path).filter((name) => !fresh.has(name)),
    );
  }
  return {
    files: listed.length,
    bytes: listed.reduce((sum, file) => sum + file.sizeBytes, 0),
    written: written.length,
    digest: listed.length > 0 ? contentsDigest(listed) : null,
  };
}
