// What the key a restore matched means against the planned one: whether it names the same entry, how much of
// the plan it hit, the action's cache outputs, and which key parts differ and why. Pure: keys in, data out.
import type { CacheEntryPlan, CacheKind, CachePlan, KeyPart } from './keys.js';

/**
 * How much of the planned caches a restore found, over all planned entries together: `exact` when every
 * entry matched its primary key, `none` when no entry restored anything, `partial` otherwise (some entry came
 * from a restore key, or one entry hit and the other missed).
 */
export type CacheHit = 'exact' | 'partial' | 'none';

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

/** One part of the key that differs between the entry restored (or none) and the one asked for. */
export interface KeyDifference {
  part: KeyPart['name'] | 'layout';
  /** The part in the restored key; empty for a miss. */
  restored: string;
  wanted: string;
  /** What the difference means, e.g. `CGO_ENABLED 0 → 1`. */
  meaning: string;
}

/**
 * Whether two cache keys name one entry, as @actions/cache decides it (its isExactKeyMatch): letter case aside.
 * Cache servers may hand a matched key back in another case (act's lowercases it).
 */
export function sameKey(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}

/**
 * How one entry's restore went: `exact` when the matched key is its primary key (or, with cache-save: always,
 * one of the per-run keys saved for it), `partial` for any other match, `none` without one.
 */
export function entryHit(planned: CacheEntryPlan, matchedKey: string | null): CacheHit {
  if (matchedKey === null) return 'none';
  if (sameKey(matchedKey, planned.key)) return 'exact';
  const runKey = `${planned.key}-run`;
  return matchedKey.length > runKey.length && sameKey(matchedKey.slice(0, runKey.length), runKey)
    ? 'exact'
    : 'partial';
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
    return entryHit(planned, found?.matchedKey ?? null);
  });
  return {
    'cache-hit': combineCacheHits(hits),
    'cache-key': entry('mod')?.key ?? '',
    'cache-matched-key': matchedKey('mod'),
    'cache-build-key': entry('build')?.key ?? '',
    'cache-build-matched-key': matchedKey('build'),
  };
}

/**
 * Which parts of the key differ between the entry that was restored and the one asked for: on a miss every part
 * after the OS and GOARCH counts as differing from nothing; an exact hit differs in nothing. A matched key of
 * another layout (an older version of this action) is one `layout` difference.
 */
export function explainKeyDifference(
  planned: CacheEntryPlan,
  keyPrefix: string,
  matchedKey: string | null,
): KeyDifference[] {
  if (matchedKey !== null && entryHit(planned, matchedKey) === 'exact') return [];
  const wanted = planned.parts;
  if (matchedKey === null) {
    return wanted
      .filter((part) => part.name !== 'runner OS' && part.name !== 'GOARCH')
      .map((part) => ({ part: part.name, restored: '', wanted: part.value, meaning: 'no entry has it yet' }));
  }
  const base = `${keyPrefix}-${planned.kind}-`;
  const restored = sameKey(matchedKey.slice(0, base.length), base)
    ? matchedKey.slice(base.length).split('-')
    : [];
  if (restored.length < wanted.length) {
    return [
      { part: 'layout', restored: matchedKey, wanted: planned.key, meaning: 'a key of another layout' },
    ];
  }
  return wanted.flatMap((part, index) => {
    const old = restored[index] as string;
    if (sameKey(old, part.value)) return [];
    return [{ part: part.name, restored: old, wanted: part.value, meaning: meaningOf(part, old) }];
  });
}

/** One line for the log and the summary: `Go version go1.22.4 → go1.22.5; flags (CGO_ENABLED 0 → 1)`. */
export function describeKeyDifference(differences: readonly KeyDifference[]): string {
  return differences
    .map((difference) =>
      difference.restored === ''
        ? `${difference.part} ${difference.wanted} (${difference.meaning})`
        : `${difference.part} ${difference.restored} → ${difference.wanted}${difference.meaning ? ` (${difference.meaning})` : ''}`,
    )
    .join('; ');
}

function meaningOf(part: KeyPart, restored: string): string {
  if (part.name === 'dependencies') return 'go.sum or go.work.sum changed';
  if (part.name === 'targets') return 'another set of targets';
  if (part.name !== 'flags') return '';
  const [oldCgo, oldTrim, oldRest] = restored.toLowerCase().split('.');
  const [cgo, trim, rest] = part.value.split('.');
  const changes: string[] = [];
  if (oldCgo !== cgo) changes.push(`CGO_ENABLED ${oldCgo?.slice(3) ?? '?'} → ${cgo?.slice(3) ?? '?'}`);
  if (oldTrim !== trim)
    changes.push(`-trimpath ${oldTrim === 'trim1' ? 'on' : 'off'} → ${trim === 'trim1' ? 'on' : 'off'}`);
  if (oldRest !== rest) {
    changes.push(
      'build tags, build-flags, GOFLAGS, GOEXPERIMENT or an architecture level (GOARM, GOAMD64, …)',
    );
  }
  return changes.join(', ');
}
