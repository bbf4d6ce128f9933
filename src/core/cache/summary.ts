import { cell, humanBytes, humanDuration } from '../report/format.js';
import { describeKeyDifference } from './key-match.js';
import type { RestoreResult, SaveResult } from './outcomes.js';

const LABELS: Record<string, string> = { mod: 'GOMODCACHE', build: 'GOCACHE' };

function size(bytes: number | null): string {
  return bytes === null ? '—' : humanBytes(bytes);
}

/** The restore half of the cache story, for the job summary: what came back, and why it was not an exact hit. */
export function renderCacheRestoreSection(restored: RestoreResult, flagsDescription = ''): string {
  if (restored.status !== 'attempted') {
    return `### Caches\n\n${cell(restored.message ?? `Caching ${restored.status}.`)}\n`;
  }
  return [
    `### Caches: ${restored.cacheHit} hit`,
    '',
    '| Cache | Key | Restored from | Differs in | Restored | Archive | Time |',
    '| --- | --- | --- | --- | ---: | ---: | ---: |',
    ...restored.entries.map((entry) => {
      const from = entry.matchedKey ? `\`${cell(entry.matchedKey)}\` (${entry.hit})` : 'miss';
      const differs = entry.differences.length > 0 ? cell(describeKeyDifference(entry.differences)) : '—';
      const files = entry.matchedKey ? `${humanBytes(entry.entryBytes)} in ${entry.entryFiles} files` : '—';
      return `| ${LABELS[entry.kind] ?? entry.kind} | \`${cell(entry.key)}\` | ${from} | ${differs} | ${files} | ${size(entry.archiveBytes)} | ${humanDuration(entry.durationMs)} |`;
    }),
    ...(flagsDescription ? ['', `Builds use ${cell(flagsDescription)}.`] : []),
    '',
  ].join('\n');
}

/** The save half, written by the post step: what each entry holds, what it leaves out, and what was uploaded. */
export function renderCacheSaveSection(saved: SaveResult): string {
  return [
    '### Caches saved',
    '',
    '| Cache | Key | Outcome | Entry holds | Left out | Restored files used | Uploaded | Time |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...saved.entries.map((entry) => {
      const holds =
        entry.selectedFiles === null
          ? '—'
          : `${humanBytes(entry.selectedBytes ?? 0)} in ${entry.selectedFiles} files`;
      const used = entry.restoredUsed
        ? `${entry.restoredUsed.used} of ${entry.restoredUsed.restored} (${Math.round((100 * entry.restoredUsed.used) / Math.max(1, entry.restoredUsed.restored))}%)`
        : '—';
      const uploaded = entry.outcome === 'saved' ? size(entry.archiveBytes) : '0 B';
      return `| ${LABELS[entry.kind] ?? entry.kind} | \`${cell(entry.key)}\` | ${entry.outcome} | ${holds} | ${entry.leftOut ?? '—'} | ${used} | ${uploaded} | ${humanDuration(entry.durationMs)} |`;
    }),
    '',
  ].join('\n');
}
