// Summaries of benchmark samples and the verdict of a row: plain numbers in, plain data out.

/** What a series of samples is measured in. */
export type Unit = 'ms' | 'bytes';

/** Samples of one side of a row, with the figures the table shows. */
export interface SeriesSummary {
  samples: number[];
  median: number;
  min: number;
  max: number;
  /** First and third quartiles (linear interpolation between order statistics). */
  q1: number;
  q3: number;
}

/**
 * A row's goal, and which figure of the row it bounds:
 * - `max`: the ratio of the medians, median(A) / median(B);
 * - `maxDifference`: median(A) − median(B), in `unit` (what A adds on top of B);
 * - `maxValue`: median(A) itself, in `unit` (B, when there is one, is context);
 * - `report`: no goal, the ratio is only reported.
 */
export type Goal =
  | { kind: 'max'; value: number }
  | { kind: 'maxDifference'; value: number; unit: Unit }
  | { kind: 'maxValue'; value: number; unit: Unit }
  | { kind: 'report' };

export type Verdict = 'meets' | 'misses' | 'report';

/** The `p` quantile (0…1) of ascending `sorted` values, interpolating between neighbours. */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('quantile of no samples');
  const at = (sorted.length - 1) * p;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  const lowValue = sorted[low] as number;
  return lowValue + ((sorted[high] as number) - lowValue) * (at - low);
}

export function summarize(samples: readonly number[]): SeriesSummary {
  if (samples.length === 0) throw new Error('no samples to summarize');
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    samples: [...samples],
    median: quantile(sorted, 0.5),
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
  };
}

/** Sample i of each side, a side measured once (a constant) pairing with every sample of the other. */
function pairs(a: readonly number[], b: readonly number[]): [number, number][] {
  const count = Math.max(a.length, b.length);
  const pick = (values: readonly number[], index: number) =>
    values.length === 1 ? (values[0] as number) : (values[index] as number);
  if ((a.length !== count && a.length !== 1) || (b.length !== count && b.length !== 1)) {
    throw new Error(`cannot pair ${a.length} samples with ${b.length}`);
  }
  return Array.from({ length: count }, (_, index) => [pick(a, index), pick(b, index)]);
}

/** The figure a goal bounds, from A and B (medians, or one pair of samples). */
export function figureOf(goal: Goal, a: number, b: number): number {
  if (goal.kind === 'maxDifference') return a - b;
  if (goal.kind === 'maxValue') return a;
  return a / b;
}

/**
 * The row's figure for each pair taken in the same run (sample i of A with sample i of B): their range says how
 * much the figure itself moved, which the figure of the medians hides.
 */
export function perRunFigures(goal: Goal, a: readonly number[], b: readonly number[]): number[] {
  return pairs(a, b).map(([aValue, bValue]) => figureOf(goal, aValue, bValue));
}

export function verdictFor(figure: number, goal: Goal): Verdict {
  if (goal.kind === 'report') return 'report';
  return figure <= goal.value ? 'meets' : 'misses';
}

/** True when some runs' own figures meet the goal and others miss it: the verdict rests on noisy medians. */
export function runsStraddle(goal: Goal, perRun: readonly number[]): boolean {
  if (goal.kind === 'report' || perRun.length < 2) return false;
  return Math.min(...perRun) <= goal.value && Math.max(...perRun) > goal.value;
}
