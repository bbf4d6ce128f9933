// The baselines a pull request is compared with besides its base commit: the newest release's Report, and the
// sizes of the last Reports the default branch saved. Which runs save them, under which cache keys, and how the
// saved sizes become a per-target trend. Plain data in, plain data out.
import { targetName } from '../build/targets.js';
import type { Report } from '../report/report.js';
import { rowKey } from './compare.js';
import type { Verdict } from './thresholds.js';

/**
 * Release entries must not start with the base reports' prefix (`go-size-report-`): a pull request whose base
 * commit saved nothing falls back to the newest entry of that prefix, which must stay a default-branch Report.
 */
export const RELEASE_KEY_PREFIX = 'go-size-release-';
export const HISTORY_KEY_PREFIX = 'go-size-history-';

/**
 * How many default-branch sizes the history keeps. The cache service answers one entry per lookup and cannot
 * list them, so each default-branch run carries the sizes forward in one small entry: a pull request reads the
 * whole trend with a single restore. Ten points fit a comment row.
 */
export const MAX_HISTORY_POINTS = 10;

/** Characters a cache key keeps from a tag name: GitHub refuses commas, and the key is shown in logs. */
const TAG_KEY_CHARACTER = /[A-Za-z0-9._+/-]/;
const MAX_TAG_KEY_CHARS = 200;

/** The cache key a release's Report is saved under; a pull request finds the newest with the bare prefix. */
export function releaseReportKey(tag: string): string {
  const safe = [...tag].map((c) => (TAG_KEY_CHARACTER.test(c) ? c : '_')).join('');
  return `${RELEASE_KEY_PREFIX}${safe.slice(0, MAX_TAG_KEY_CHARS)}`;
}

/** The tag a matched release key names (its characters as the key kept them). */
export function releaseTagOfKey(key: string): string {
  return key.startsWith(RELEASE_KEY_PREFIX) ? key.slice(RELEASE_KEY_PREFIX.length) : key;
}

export function historyKey(commit: string): string {
  return `${HISTORY_KEY_PREFIX}${commit}`;
}

/** A run for a release tag, and whether pull requests can restore what it saves. */
export interface ReleaseRun {
  tag: string;
  /**
   * GitHub scopes a cache entry to the ref whose run saved it, and a pull request restores only entries of its
   * own branch, its base branch and the default branch: a tag's own run saves where no pull request looks.
   * A workflow_run run (which runs on the default branch) after the release's workflow saves where they do.
   */
  visibleToPullRequests: boolean;
}

interface RunPayload {
  ref?: string;
  release?: { tag_name?: string };
  workflow_run?: { event?: string; head_branch?: string | null };
}

/**
 * The release a run is for: a push of a tag, a `release` event, or a `workflow_run` that follows a workflow
 * triggered by a `release` event (its head_branch is the release's tag). Undefined for any other run. Pure.
 */
export function readReleaseRun(eventName: string, payload: unknown): ReleaseRun | undefined {
  const event = (payload ?? {}) as RunPayload;
  if (eventName === 'push' && event.ref?.startsWith('refs/tags/'))
    return { tag: event.ref.slice('refs/tags/'.length), visibleToPullRequests: false };
  if (eventName === 'release' && event.release?.tag_name)
    return { tag: event.release.tag_name, visibleToPullRequests: false };
  const run = event.workflow_run;
  if (eventName === 'workflow_run' && run?.event === 'release' && run.head_branch)
    return { tag: run.head_branch, visibleToPullRequests: true };
  return undefined;
}

/** One default-branch Report's sizes: bytes per target row (see `rowKey`). */
export interface HistoryPoint {
  commit: string | null;
  sizes: Record<string, number>;
}

export const HISTORY_SCHEMA = 'setup-go-arm64/size-history';

/** The cached history: oldest point first. */
export interface SizeHistory {
  schema: typeof HISTORY_SCHEMA;
  version: 1;
  points: HistoryPoint[];
}

export function historyPoint(report: Report): HistoryPoint {
  return {
    commit: report.commit,
    sizes: Object.fromEntries(report.targets.map((t) => [rowKey(t), t.sizeBytes])),
  };
}

/**
 * Adds a Report's sizes as the newest point, keeping the last `MAX_HISTORY_POINTS`. A commit seen before (a
 * re-run) is moved to the end with its new sizes rather than counted twice.
 */
export function appendToHistory(previous: SizeHistory | undefined, report: Report): SizeHistory {
  const point = historyPoint(report);
  const kept = (previous?.points ?? []).filter((p) => point.commit === null || p.commit !== point.commit);
  return { schema: HISTORY_SCHEMA, version: 1, points: [...kept, point].slice(-MAX_HISTORY_POINTS) };
}

const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/** Checks a history read from the cache; throws naming `source` and the first problem. */
export function parseHistory(json: unknown, source: string): SizeHistory {
  const bad = (why: string): never => {
    throw new Error(`${source} is not a size history: ${why}`);
  };
  const history = json as Partial<SizeHistory> | null;
  if (typeof history !== 'object' || history === null) return bad('it is not a JSON object');
  if (history.schema !== HISTORY_SCHEMA || history.version !== 1)
    bad(`its schema is not ${HISTORY_SCHEMA} v1`);
  if (!Array.isArray(history.points) || history.points.length > MAX_HISTORY_POINTS)
    bad(`points is not a list of at most ${MAX_HISTORY_POINTS}`);
  const points = (history.points as unknown[]).map((raw, i): HistoryPoint => {
    const point = raw as Partial<HistoryPoint> | null;
    if (typeof point !== 'object' || point === null) return bad(`points[${i}] is not an object`);
    if (point.commit !== null && (typeof point.commit !== 'string' || !FULL_SHA.test(point.commit)))
      bad(`points[${i}].commit is not a full commit SHA or null`);
    const sizes = point.sizes as unknown;
    if (typeof sizes !== 'object' || sizes === null || Array.isArray(sizes))
      bad(`points[${i}].sizes is not an object`);
    for (const [key, bytes] of Object.entries(sizes as object))
      if (!Number.isSafeInteger(bytes) || (bytes as number) < 0)
        bad(`points[${i}].sizes[${JSON.stringify(key)}] is not a size in bytes`);
    return { commit: point.commit as string | null, sizes: sizes as Record<string, number> };
  });
  return { schema: HISTORY_SCHEMA, version: 1, points };
}

/** One head target's sizes over the history, oldest first, then head's own. */
export interface TargetTrend {
  key: string;
  target: string;
  package: string;
  /** One per history point; null where that Report did not build the target. */
  history: (number | null)[];
  head: number;
}

/** The trend of each head target the history knows, in head's order. */
export function targetTrends(history: SizeHistory, head: Report): TargetTrend[] {
  return head.targets.flatMap((t) => {
    const key = rowKey(t);
    const sizes = history.points.map((p) => p.sizes[key] ?? null);
    if (sizes.every((s) => s === null)) return [];
    const target = targetName({
      goos: t.goos,
      goarch: t.goarch,
      ...(t.variant ? { variant: t.variant } : {}),
    });
    return [{ key, target, package: t.package, history: sizes, head: t.sizeBytes }];
  });
}

const SPARK_BARS = '▁▂▃▄▅▆▇█';

/** A bar per known size, scaled between the smallest and the largest; a gap (·) where a point lacks one. */
export function sparkline(values: (number | null)[]): string {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return '';
  const low = Math.min(...known);
  const span = Math.max(...known) - low;
  return values
    .map((v) => {
      if (v === null) return '·';
      const level = span === 0 ? 0 : Math.round(((v - low) / span) * (SPARK_BARS.length - 1));
      return SPARK_BARS[level];
    })
    .join('');
}

/**
 * One verdict for both baselines: a regression against either fails, the worst breach first, and the message
 * names the base's verdict and then the release's when that one failed. With limits against the release alone,
 * the release's verdict speaks.
 */
export function combineVerdicts(
  base: Verdict,
  release: Verdict | undefined,
  baseHasLimits: boolean,
): Verdict {
  if (!release) return base;
  if (!release.regression) return baseHasLimits || base.regression ? base : release;
  if (!base.regression) return release;
  return {
    regression: true,
    breaches: [...base.breaches, ...release.breaches].sort((a, b) => b.overBy - a.overBy),
    message: `${base.message} Against the release: ${release.message}`,
  };
}
