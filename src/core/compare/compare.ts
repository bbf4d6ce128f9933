// Compares two Reports (the pull request's base and head) target by target. Plain data in, plain data out.
import { targetName } from '../build/targets.js';
import { humanBytes } from '../report/format.js';
import { targetKey, type PackageSize, type Report, type TargetResult } from '../report/report.js';
import { buildInfoChanges, type BuildInfoChanges } from './build-info-changes.js';
import {
  buildDifferences,
  buildTimeComparability,
  storedBaseBuild,
  type BaseBuild,
  type BuildTimeComparability,
} from './like-for-like.js';

/** A target as a Report carries it, its size attribution included when it has one. */
export type ComparableTarget = TargetResult;

/** `changed` and `unchanged` rows exist in both reports; `added` only in head, `removed` only in base. */
export type RowStatus = 'changed' | 'unchanged' | 'added' | 'removed';

/** One package's growth inside a target, from the two reports' attributions. */
export interface PackageGrowth {
  package: string;
  baseBytes: number;
  headBytes: number;
  deltaBytes: number;
}

/** One main package built for one target, in base and/or head. */
export interface SizeRow {
  /** `<package> <goos/goarch[/variant]>`: unique within a report. */
  key: string;
  package: string;
  /** `linux/arm/7`, as users write targets. */
  target: string;
  goos: string;
  goarch: string;
  variant?: string;
  status: RowStatus;
  baseBytes: number | null;
  headBytes: number | null;
  /** head − base; the whole size for an added target, minus the whole size for a removed one. */
  deltaBytes: number;
  /** Relative to base; null when there is no base size (added) or it is 0. */
  deltaPercent: number | null;
  baseBuildMs: number | null;
  headBuildMs: number | null;
  /** null unless the target was built in both and the build times compare (see `buildTimes`). */
  buildMsDelta: number | null;
  /** The packages that grew most, when the target grew and both reports carry attribution. */
  grewMost?: PackageGrowth[];
  /** The modules, Go version and build settings that changed, when the target grew and both files' build info says. */
  buildChanges?: BuildInfoChanges;
}

/** Sums over a set of rows. */
export interface SizeTotals {
  baseBytes: number;
  headBytes: number;
  deltaBytes: number;
  deltaPercent: number | null;
  baseBuildMs: number;
  headBuildMs: number;
  /** null when the build times do not compare (see `buildTimes`). */
  buildMsDelta: number | null;
}

/** What a report says about the build that produced it, for the comment's header line. */
export interface ReportSide {
  commit: string | null;
  goVersion: string;
  flags: Report['flags'];
}

/** The whole comparison; also the `size-delta` output (JSON). */
export interface SizeComparison {
  base: ReportSide;
  head: ReportSide;
  /** Sorted by absolute size delta, largest first; ties by key. */
  rows: SizeRow[];
  /** Over the targets built in both: what `fail-on-total-increase` judges. */
  commonTotals: SizeTotals;
  /** Over every target of each report, added and removed ones included. */
  allTotals: SizeTotals;
  /** True when any size moved or any target came or went. */
  changed: boolean;
  /** Differences in how the two sides were built that may explain part of the change. */
  caveats: string[];
  /** How the base was built relative to head; thresholds are judged only when it is not `unlike`. */
  baseBuild: BaseBuild;
  /** False when the sizes mix the code's change with a toolchain's or flags' change. */
  likeForLike: boolean;
  /** Whether the build-time deltas mean anything; they are null when not. */
  buildTimes: BuildTimeComparability;
}

/** How many growing packages to name per target. */
export const GREW_MOST_LIMIT = 5;

/** The key rows are matched by: the target's identity within a Report, main package plus GOOS/GOARCH/variant. */
export const rowKey = targetKey;

function labelOf(target: Pick<TargetResult, 'goos' | 'goarch' | 'variant'>): string {
  return targetName({
    goos: target.goos,
    goarch: target.goarch,
    ...(target.variant ? { variant: target.variant } : {}),
  });
}

function percentOf(delta: number, base: number | null): number | null {
  return base === null || base === 0 ? null : (delta / base) * 100;
}

function attributionGrowth(base: PackageSize[], head: PackageSize[]): PackageGrowth[] {
  const sizes = new Map<string, { baseBytes: number; headBytes: number }>();
  const entry = (name: string) => {
    let found = sizes.get(name);
    if (!found) sizes.set(name, (found = { baseBytes: 0, headBytes: 0 }));
    return found;
  };
  for (const p of base) entry(p.package).baseBytes += p.sizeBytes;
  for (const p of head) entry(p.package).headBytes += p.sizeBytes;
  return [...sizes.entries()]
    .map(([name, s]) => ({ package: name, ...s, deltaBytes: s.headBytes - s.baseBytes }))
    .filter((g) => g.deltaBytes > 0)
    .sort((a, b) => b.deltaBytes - a.deltaBytes || a.package.localeCompare(b.package))
    .slice(0, GREW_MOST_LIMIT);
}

function compareRow(base: ComparableTarget | undefined, head: ComparableTarget | undefined): SizeRow {
  const either = (head ?? base) as ComparableTarget;
  const baseBytes = base ? base.sizeBytes : null;
  const headBytes = head ? head.sizeBytes : null;
  const deltaBytes = (headBytes ?? 0) - (baseBytes ?? 0);
  const status: RowStatus = !base ? 'added' : !head ? 'removed' : deltaBytes === 0 ? 'unchanged' : 'changed';
  const row: SizeRow = {
    key: rowKey(either),
    package: either.package,
    target: labelOf(either),
    goos: either.goos,
    goarch: either.goarch,
    ...(either.variant ? { variant: either.variant } : {}),
    status,
    baseBytes,
    headBytes,
    deltaBytes,
    deltaPercent: status === 'added' ? null : percentOf(deltaBytes, baseBytes),
    baseBuildMs: base ? base.buildMs : null,
    headBuildMs: head ? head.buildMs : null,
    buildMsDelta: base && head ? head.buildMs - base.buildMs : null,
  };
  if (deltaBytes > 0 && base?.attribution && head?.attribution) {
    row.grewMost = attributionGrowth(base.attribution, head.attribution);
  }
  const buildChanges =
    deltaBytes > 0 && base?.buildInfo && head?.buildInfo && buildInfoChanges(base.buildInfo, head.buildInfo);
  if (buildChanges) row.buildChanges = buildChanges;
  return row;
}

function totalsOf(rows: SizeRow[]): SizeTotals {
  const baseBytes = rows.reduce((sum, r) => sum + (r.baseBytes ?? 0), 0);
  const headBytes = rows.reduce((sum, r) => sum + (r.headBytes ?? 0), 0);
  const baseBuildMs = rows.reduce((sum, r) => sum + (r.baseBuildMs ?? 0), 0);
  const headBuildMs = rows.reduce((sum, r) => sum + (r.headBuildMs ?? 0), 0);
  return {
    baseBytes,
    headBytes,
    deltaBytes: headBytes - baseBytes,
    deltaPercent: percentOf(headBytes - baseBytes, baseBytes),
    baseBuildMs,
    headBuildMs,
    buildMsDelta: headBuildMs - baseBuildMs,
  };
}

function sideOf(report: Report): ReportSide {
  return { commit: report.commit, goVersion: report.go.version, flags: report.flags };
}

function withoutBuildTimes(row: SizeRow): SizeRow {
  return { ...row, buildMsDelta: null };
}

/**
 * Compares base and head target by target (package + GOOS/GOARCH/variant). `baseBuild` says how the base was
 * built; without it, a base built otherwise than head counts as `unlike`.
 */
export function compareReports(
  base: Report,
  head: Report,
  baseBuild: BaseBuild = storedBaseBuild(base, head, 'it was compared as given, without a rebuild'),
): SizeComparison {
  const buildTimes = buildTimeComparability(base, head, baseBuild);
  const baseByKey = new Map<string, ComparableTarget>(base.targets.map((t) => [rowKey(t), t]));
  const headByKey = new Map<string, ComparableTarget>(head.targets.map((t) => [rowKey(t), t]));
  const keys = [...new Set([...baseByKey.keys(), ...headByKey.keys()])];
  const rows = keys
    .map((key) => compareRow(baseByKey.get(key), headByKey.get(key)))
    .map((row) => (buildTimes.comparable ? row : withoutBuildTimes(row)))
    .sort((a, b) => Math.abs(b.deltaBytes) - Math.abs(a.deltaBytes) || a.key.localeCompare(b.key));
  const totals = (of: SizeRow[]) => {
    const sums = totalsOf(of);
    return buildTimes.comparable ? sums : { ...sums, buildMsDelta: null };
  };
  return {
    base: sideOf(base),
    head: sideOf(head),
    rows,
    commonTotals: totals(rows.filter((r) => r.status === 'changed' || r.status === 'unchanged')),
    allTotals: totals(rows),
    changed: rows.some((r) => r.status !== 'unchanged'),
    caveats: buildDifferences(base, head).map((d) => d.caveat),
    baseBuild,
    likeForLike: baseBuild.kind !== 'unlike',
    buildTimes,
  };
}

/** `+1.4 MiB`, `-12.0 KiB`, `0 B`: a size change with its sign. */
export function formatDeltaBytes(delta: number): string {
  return delta > 0 ? `+${humanBytes(delta)}` : humanBytes(delta);
}

/** `+8.1%`, `-0.3%`, `0.0%`, `n/a` when there was nothing to compare with. */
export function formatDeltaPercent(percent: number | null): string {
  if (percent === null) return 'n/a';
  if (!Number.isFinite(percent)) return percent > 0 ? '+∞%' : '-∞%';
  const text = Math.abs(percent).toFixed(percent !== 0 && Math.abs(percent) < 0.1 ? 2 : 1);
  return `${percent > 0 ? '+' : percent < 0 ? '-' : ''}${text}%`;
}
