import { cell, humanBytes, humanDuration } from '../report/format.js';
import type { RestoreResult, SaveResult } from './go-caches.js';

const LABELS: Record<string, string> = { mod: 'GOMODCACHE', build: 'GOCACHE' };

function size(bytes: number | null): string {
  return bytes === null ? '—' : humanBytes(bytes);
}

/** The restore half of the cache story, for the job summary. */
export function renderCacheRestoreSection(restored: RestoreResult): string {
  if (restored.status !== 'attempted') {
    return `### Caches\n\n${cell(restored.message ?? `Caching ${restored.status}.`)}\n`;
  }
  return [
    `### Caches: ${restored.cacheHit} hit`,
    '',
    '| Cache | Key | Restored from | Archive | Time |',
    '| --- | --- | --- | ---: | ---: |',
    ...restored.entries.map(
      (entry) =>
        `| ${LABELS[entry.kind] ?? entry.kind} | \`${cell(entry.key)}\` | ${entry.matchedKey ? `\`${cell(entry.matchedKey)}\` (${entry.hit})` : 'miss'} | ${size(entry.archiveBytes)} | ${humanDuration(entry.durationMs)} |`,
    ),
    '',
  ].join('\n');
}

/** The save half, written by the post step. */
export function renderCacheSaveSection(saved: SaveResult): string {
  return [
    '### Caches saved',
    '',
    '| Cache | Key | Outcome | Pruned | Archive | Time |',
    '| --- | --- | --- | ---: | ---: | ---: |',
    ...saved.entries.map(
      (entry) =>
        `| ${LABELS[entry.kind] ?? entry.kind} | \`${cell(entry.key)}\` | ${entry.outcome} | ${entry.prunedPaths} paths, ${humanBytes(entry.prunedBytes)} | ${size(entry.archiveBytes)} | ${humanDuration(entry.durationMs)} |`,
    ),
    '',
  ].join('\n');
}
