// Turns measured series into row results (figure, verdict) and renders them as a markdown table.
import { cell } from '../../src/core/report/format.js';
import {
  figureOf,
  perRunFigures,
  runsStraddle,
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
  /** `4 zip`: the row number, and the variant when a row has several. */
  id: string;
  row: number;
  title: string;
  a: SideResult;
  /** What A is compared with; absent when the goal bounds A alone and nothing else was measured. */
  b?: SideResult;
  /** What the goal bounds (see Goal): A/B of the medians, their difference, or A's median. */
  figure: number;
  /** The same figure for each pair measured back to back. */
  perRunFigures: number[];
  goal: Goal;
  verdict: Verdict;
  /**
   * True when some runs' own figures meet the goal and others miss it: the verdict then rests on the medians of a
   * noisy machine, and another run may well turn it.
   */
  runsStraddleGoal: boolean;
  /** Conditions a reader needs to judge the figures (shared samples, constants, versions). */
  notes: string[];
  /** Further series measured alongside, for context (not part of the figure). */
  extra: Record<string, { unit: Unit; summary: SeriesSummary }>;
}

/** What a row compares, before it is measured. */
export interface RowSpec {
  id: string;
  row: number;
  title: string;
  a: { label: string; unit: Unit };
  b?: { label: string; unit: Unit };
  goal: Goal;
  notes?: string[];
}

export function rowResult(
  spec: RowSpec,
  aSamples: readonly number[],
  bSamples: readonly number[] | undefined,
  extra: Record<string, { unit: Unit; samples: readonly number[] }> = {},
): RowResult {
  if ((spec.b === undefined) !== (bSamples === undefined)) {
    throw new Error(`Row ${spec.id}: B's label and B's samples go together`);
  }
  if (bSamples === undefined && (spec.goal.kind === 'max' || spec.goal.kind === 'maxDifference')) {
    throw new Error(`Row ${spec.id}: a ${spec.goal.kind} goal needs a B side`);
  }
  const a = summarize(aSamples);
  const b = bSamples === undefined ? undefined : summarize(bSamples);
  // Without B there is nothing to divide by: the figure is A itself, whatever the goal.
  const figure = b ? figureOf(spec.goal, a.median, b.median) : a.median;
  const perRun = bSamples ? perRunFigures(spec.goal, aSamples, bSamples) : [...aSamples];
  return {
    id: spec.id,
    row: spec.row,
    title: spec.title,
    a: { ...spec.a, summary: a },
    ...(spec.b && b ? { b: { ...spec.b, summary: b } } : {}),
    figure,
    perRunFigures: perRun,
    goal: spec.goal,
    verdict: verdictFor(figure, spec.goal),
    runsStraddleGoal: runsStraddle(spec.goal, perRun),
    notes: spec.notes ?? [],
    extra: Object.fromEntries(
      Object.entries(extra).map(([name, series]) => [
        name,
        { unit: series.unit, summary: summarize(series.samples) },
      ]),
    ),
  };
}

/** How values of a series print: one scale for the median and its spread, chosen by the median's size. */
function scaleFor(unit: Unit, median: number): { divisor: number; suffix: string; digits: number } {
  const size = Math.abs(median);
  if (unit === 'bytes') {
    return size >= 1024 ** 2
      ? { divisor: 1024 ** 2, suffix: 'MiB', digits: 1 }
      : { divisor: 1024, suffix: 'KiB', digits: 1 };
  }
  if (size >= 120_000) return { divisor: 60_000, suffix: 'min', digits: 1 };
  if (size >= 10_000) return { divisor: 1000, suffix: 's', digits: 1 };
  if (size >= 1000) return { divisor: 1000, suffix: 's', digits: 2 };
  return { divisor: 1, suffix: 'ms', digits: 0 };
}

/** `412 ms`, `1.5 MiB`, `15.0 min`: one value in the scale its size calls for. */
export function formatValue(unit: Unit, value: number): string {
  const scale = scaleFor(unit, value);
  return `${(value / scale.divisor).toFixed(scale.digits)} ${scale.suffix}`;
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

/** A ratio bare, a difference or a value in the goal's unit (A's without B), a difference with its sign. */
function formatFigure(figure: number, goal: Goal, row: RowResult): string {
  if (goal.kind === 'report' && !row.b) return formatValue(row.a.unit, figure);
  if (goal.kind === 'max' || goal.kind === 'report') return formatRatioValue(figure, goal);
  const shown = formatValue(goal.unit, figure);
  return goal.kind === 'maxDifference' && figure >= 0 ? `+${shown}` : shown;
}

function formatFigureWithRange(row: RowResult): string {
  const figure = formatFigure(row.figure, row.goal, row);
  if (row.perRunFigures.length < 2) return figure;
  const low = formatFigure(Math.min(...row.perRunFigures), row.goal, row);
  const high = formatFigure(Math.max(...row.perRunFigures), row.goal, row);
  return `${figure} (${low} … ${high})`;
}

export function describeGoal(goal: Goal): string {
  switch (goal.kind) {
    case 'report':
      return 'report';
    case 'max':
      return `A/B ≤ ${goal.value}`;
    case 'maxDifference':
      return `A − B ≤ ${formatValue(goal.unit, goal.value)}`;
    case 'maxValue':
      return `A ≤ ${formatValue(goal.unit, goal.value)}`;
  }
}

/** The markdown table: row | A (median, spread) | B (median, spread) | figure | goal | verdict. */
export function renderTable(rows: readonly RowResult[]): string {
  const lines = [
    '| Row | A: median (min–max) | B: median (min–max) | Figure (per-run range) | Goal | Verdict |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of rows) {
    lines.push(
      `| ${[
        `${cell(row.id)}: ${cell(row.title)}`,
        `${cell(row.a.label)}: ${formatSeries(row.a.unit, row.a.summary)}`,
        row.b ? `${cell(row.b.label)}: ${formatSeries(row.b.unit, row.b.summary)}` : '—',
        formatFigureWithRange(row),
        describeGoal(row.goal),
        `${row.verdict === 'misses' ? '**misses**' : row.verdict}${row.runsStraddleGoal ? ' (runs straddle the goal)' : ''}`,
      ].join(' | ')} |`,
    );
  }
  return lines.join('\n') + '\n';
}
