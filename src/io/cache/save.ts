// Saves the planned entries in the post step: each entry is an archive of the files entry-files.ts and prune.ts
// choose, uploaded through @actions/cache; the cache directories are never changed. What the library's log
// says about an upload is outcomes.ts's to read.
import { actionsCache } from './actions-cache.js';
import * as core from '../log.js';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import * as tar from 'tar';
import { humanBytes, humanDuration } from '../../core/report/format.js';
import { selectEntryFiles } from './entry-files.js';
import { sameKey } from '../../core/cache/key-match.js';
import type { CacheEntryPlan, CachePlan } from '../../core/cache/keys.js';
import { readingLibraryLog } from './library-log.js';
import {
  CACHE_LABELS,
  libraryFailure,
  readUploadLog,
  serviceUnreachable,
  type RestoredEntry,
  type RestoreResult,
  type SavedEntry,
  type SaveOutcome,
  type SaveResult,
} from '../../core/cache/outcomes.js';
import type { EntrySelection } from '../../core/cache/prune.js';

/**
 * Saves each entry the `cache-save` mode allows: with `auto`, an entry that was not restored exactly; with
 * `always`, any entry; with `never`, none. The entry is an archive of the files this module needs (see
 * prune.ts), never more; nothing in the cache directories is changed. An entry whose selection is what was
 * restored is not uploaded again. A failed save is a warning, a save another job won is a notice; neither throws.
 */
export async function saveGoCaches(plan: CachePlan, restored: RestoreResult): Promise<SaveResult> {
  if (restored.status === 'disabled' || plan.entries.length === 0) return { entries: [] };
  if (restored.status === 'unavailable' || !(await actionsCache()).isFeatureAvailable()) {
    const message =
      restored.message ?? 'No cache service is configured for this job, so the Go caches are not saved.';
    core.info(message);
    return { entries: plan.entries.map((planned) => savedEntry(planned, 'unavailable', message)) };
  }

  const entries: SavedEntry[] = [];
  let unavailable: string | undefined;
  for (const planned of plan.entries) {
    if (unavailable) {
      entries.push(savedEntry(planned, 'unavailable', unavailable));
      continue;
    }
    core.startGroup(`Save ${CACHE_LABELS[planned.kind]}`);
    try {
      const saved = await saveAllowedEntry(plan, planned, restored);
      entries.push(saved);
      if (saved.outcome === 'unavailable') unavailable = saved.message;
    } finally {
      core.endGroup();
    }
  }
  return { entries };
}

/** What was chosen for an entry and when its save began: the figures a SavedEntry reports. */
interface Measured {
  selected: EntrySelection;
  started: number;
  archiveBytes?: number | null;
}

/** One entry's result; without `measured` (nothing was chosen) its figures are empty. */
function savedEntry(
  planned: CacheEntryPlan,
  outcome: SaveOutcome,
  message: string,
  measured?: Measured,
): SavedEntry {
  return {
    kind: planned.kind,
    key: planned.saveKey,
    outcome,
    durationMs: measured ? Date.now() - measured.started : 0,
    selectedFiles: measured ? measured.selected.paths.length : null,
    selectedBytes: measured ? measured.selected.bytes : null,
    leftOut: measured ? measured.selected.leftOut : null,
    restoredUsed: measured ? measured.selected.restoredUsed : null,
    archiveBytes: measured?.archiveBytes ?? null,
    message,
  };
}

/** Chooses the entry's files and saves them, unless the cache-save mode says not to. */
async function saveAllowedEntry(
  plan: CachePlan,
  planned: CacheEntryPlan,
  restored: RestoreResult,
): Promise<SavedEntry> {
  const before = restored.entries.find((entry) => entry.kind === planned.kind);
  const started = Date.now();
  const selected = await selectEntryFiles(plan, planned, before, restored);
  core.info(selected.summary);
  const label = CACHE_LABELS[planned.kind];
  if (plan.cacheSave === 'never') {
    const message = `${label} is not saved: cache-save is never.`;
    core.info(message);
    return savedEntry(planned, 'disabled', message, { selected, started });
  }
  if (plan.cacheSave === 'auto' && before?.hit === 'exact') {
    const message = `${label} was restored from its own key ${before.matchedKey ?? planned.key}; nothing to save (cache-save: auto).`;
    core.info(message);
    return savedEntry(planned, 'exact-hit', message, { selected, started });
  }
  return saveEntry(planned, before, { selected, started });
}

/**
 * Saves the chosen files, unless there are none, they are what was restored, or another job saved the key
 * already (the lookup is cheaper than the archive).
 */
async function saveEntry(
  planned: CacheEntryPlan,
  before: RestoredEntry | undefined,
  measured: Measured,
): Promise<SavedEntry> {
  const cache = await actionsCache();
  const { selected } = measured;
  if (selected.paths.length === 0) {
    const message = `${CACHE_LABELS[planned.kind]} has nothing this module needs; nothing to save.`;
    core.info(message);
    return savedEntry(planned, 'empty', message, measured);
  }
  if (before?.matchedKey && before.contentsDigest === selected.digest) {
    const message = `${CACHE_LABELS[planned.kind]} would hold what was restored from ${before.matchedKey}; not saving ${planned.saveKey}.`;
    core.info(message);
    return savedEntry(planned, 'unchanged', message, measured);
  }

  const lookup = await readingLibraryLog(() =>
    cache.restoreCache([planned.archiveFile], planned.saveKey, [], { lookupOnly: true }),
  );
  if (lookup.value !== undefined && sameKey(lookup.value, planned.saveKey)) {
    const message = `Another job already saved ${planned.saveKey}; not saving it again.`;
    core.notice(message);
    return savedEntry(planned, 'conflict', message, measured);
  }
  const lookupFailure =
    lookup.value === undefined ? libraryFailure(lookup.log, 'Failed to restore') : undefined;
  if (lookupFailure && serviceUnreachable(lookupFailure))
    return unreachable(planned, lookupFailure, measured);
  return uploadEntry(planned, measured);
}

/** Archives the chosen files into the staging directory, uploads the archive, and says how it went. */
async function uploadEntry(planned: CacheEntryPlan, measured: Measured): Promise<SavedEntry> {
  const cache = await actionsCache();
  const { selected, started } = measured;
  await mkdir(path.dirname(planned.archiveFile), { recursive: true });
  let saving;
  try {
    await tar.c({ file: planned.archiveFile, cwd: planned.cacheDir, portable: true }, selected.paths);
    saving = await readingLibraryLog(() => cache.saveCache([planned.archiveFile], planned.saveKey));
  } finally {
    await rm(planned.archiveFile, { force: true });
  }
  const upload = readUploadLog(saving.log, saving.value, planned.saveKey);
  const label = CACHE_LABELS[planned.kind];
  switch (upload.outcome) {
    case 'saved': {
      const { archiveBytes } = upload;
      const message = `Saved ${label} as ${planned.saveKey}: ${humanBytes(selected.bytes)} in ${selected.paths.length} files${
        archiveBytes !== null ? `, archive ${humanBytes(archiveBytes)}` : ''
      }, in ${humanDuration(Date.now() - started)}.`;
      core.info(message);
      return savedEntry(planned, 'saved', message, { ...measured, archiveBytes });
    }
    case 'skipped':
      return savedEntry(
        planned,
        'skipped',
        `The cache mode does not allow saving ${planned.saveKey}.`,
        measured,
      );
    case 'conflict': {
      const message = `Another job is saving or has saved ${planned.saveKey}; not saving it again.`;
      core.notice(message);
      return savedEntry(planned, 'conflict', message, measured);
    }
    case 'unavailable':
      return unreachable(planned, upload.reason, measured);
    case 'failed': {
      const message = `Could not save ${label} as ${planned.saveKey}: ${upload.reason ?? 'see the log above'}. The next run restores an older entry or none.`;
      // @actions/cache warns about most failures itself; a second warning would say it twice.
      if (upload.libraryWarned) core.info(message);
      else core.warning(message);
      return savedEntry(planned, 'failed', message, { ...measured, archiveBytes: upload.archiveBytes });
    }
  }
}

function unreachable(planned: CacheEntryPlan, reason: string, measured: Measured): SavedEntry {
  const message = `The cache service stopped answering (${reason}); the Go caches are not saved in this run.`;
  core.notice(message);
  return savedEntry(planned, 'unavailable', message, measured);
}
