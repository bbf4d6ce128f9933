// Turns measured series into row results (ratio, verdict) and renders them as a markdown table.
import { cell } from '../../src/report/format.js';
import {
  describeGoal,
  pairedRatios,
  summarize,
  verdictFor,
  type Goal,
  type SeriesSummary,
  type Unit,
  type Verdict,
} from './stats.js';

/** One side of a row: what was measured, and its samples. */
export interface SideResult {
  label: string;
  unit: Unit;
  summary: SeriesSummary;
}

/** A row of the table, as written to results.json. */
export interface RowResult {
  /** `3 gojq`: the row number, and the workload or variant when a row has several. */
  id: string;
  row: number;
  title: string;
  a: SideResult;
  b: SideResult;
  /** median(A) / median(B). */
  ratio: number;
  /** A/B of each pair measured back to back. */
  pairedRatios: number[];
  goal: Goal;
  verdict: Verdict;
  /**
   * True when some runs' own ratios meet the goal and others miss it: the verdict then rests on the medians of a
   * noisy machine, and another run may well turn it.
   */
  runsStraddleGoal: boolean;
  /** Conditions a reader needs to judge the figures (shared samples, constants, versions). */
  notes: string[];
  /** Further series measured alongside, for context (not part of the ratio). */
  extra: Record<string, { unit: Unit; summary: SeriesSummary }>;
}

/** What a row compares, before it is measured. */
export interface RowSpec {
  id: string;
  row: number;
  title: string;
  a: { label: string; unit: Unit };
  b: { label: string; unit: Unit };
  goal: Goal;
  notes?: string[];
}

export function rowResult(
  spec: RowSpec,
  aSamples: readonly number[],
  bSamples: readonly number[],
  extra: Record<string, { unit: Unit; samples: readonly number[] }> = {},
): RowResult {
  const a = summarize(aSamples);
  const b = summarize(bSamples);
  const ratio = a.median / b.median;
  const perRun = pairedRatios(aSamples, bSamples);
  return {
    id: spec.id,
    row: spec.row,
    title: spec.title,
    a: { ...spec.a, summary: a },
    b: { ...spec.b, summary: b },
    ratio,
    pairedRatios: perRun,
    goal: spec.goal,
    verdict: verdictFor(ratio, spec.goal),
    runsStraddleGoal:
      spec.goal.kind === 'max' &&
      Math.min(...perRun) <= spec.goal.value &&
      Math.max(...perRun) > spec.goal.value,
    notes: spec.notes ?? [],
    extra: Object.fromEntries(
      Object.entries(extra).map(([name, series]) => [
        name,
        { unit: series.unit, summary: summarize(series.samples) },
      ]),
    ),
  };
}

/** How values of a series print: one scale for the median and its spread, chosen by the median. */
function scaleFor(unit: Unit, median: number): { divisor: number; suffix: string; digits: number } {
  if (unit === 'bytes') {
    return median >= 1024 ** 2
      ? { divisor: 1024 ** 2, suffix: 'MiB', digits: 1 }
      : { divisor: 1024, suffix: 'KiB', digits: 1 };
  }
  if (median >= 10_000) return { divisor: 1000, suffix: 's', digits: 1 };
  if (median >= 1000) return { divisor: 1000, suffix: 's', digits: 2 };
  return { divisor: 1, suffix: 'ms', digits: 0 };
}

/** `41.2 s (39.8–44.0)`: the median, then min–max in the same scale; a single sample has no spread. */
export function formatSeries(unit: Unit, summary: SeriesSummary): string {
  const scale = scaleFor(unit, summary.median);
  const show = (value: number) => (value / scale.divisor).toFixed(scale.digits);
  const median = `${show(summary.median)} ${scale.suffix}`;
  if (summary.samples.length === 1) return median;
  return `${median} (${show(summary.min)}–${show(summary.max)})`;
}

/** Two decimals, or three when two would round onto the goal and hide which side of it the ratio is. */
function formatRatioValue(ratio: number, goal: Goal): string {
  const short = ratio.toFixed(2);
  return goal.kind === 'max' && Number(short) === goal.value && ratio !== goal.value
    ? ratio.toFixed(3)
    : short;
}

function formatRatio(row: RowResult): string {
  const ratio = formatRatioValue(row.ratio, row.goal);
  if (row.pairedRatios.length < 2) return ratio;
  const low = formatRatioValue(Math.min(...row.pairedRatios), row.goal);
  const high = formatRatioValue(Math.max(...row.pairedRatios), row.goal);
  return `${ratio} (${low}–${high})`;
}

/** The markdown table: row | A (median, spread) | B (median, spread) | ratio | goal | verdict. */
export function renderTable(rows: readonly RowResult[]): string {
  const lines = [
    '| Row | A: median (min–max) | B: median (min–max) | A/B (per-run range) | Goal | Verdict |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of rows) {
    lines.push(
      `| ${[
        `${cell(row.id)}: ${cell(row.title)}`,
        `${cell(row.a.label)}: ${formatSeries(row.a.unit, row.a.summary)}`,
        `${cell(row.b.label)}: ${formatSeries(row.b.unit, row.b.summary)}`,
        formatRatio(row),
        describeGoal(row.goal),
        `${row.verdict === 'misses' ? '**misses**' : row.verdict}${row.runsStraddleGoal ? ' (runs straddle the goal)' : ''}`,
      ].join(' | ')} |`,
    );
  }
  return lines.join('\n') + '\n';
}
