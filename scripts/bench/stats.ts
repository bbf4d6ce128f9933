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

/** A row's goal: the ratio A/B must not exceed `max`, or there is none and the figures are only reported. */
export type Goal = { kind: 'max'; value: number } | { kind: 'report' };

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

/**
 * A/B of each pair taken in the same run (sample i of A with sample i of B): their range says how much the
 * ratio itself moved, which the ratio of medians hides. A side measured once (a constant) pairs with every sample.
 */
export function pairedRatios(a: readonly number[], b: readonly number[]): number[] {
  const pairs = Math.max(a.length, b.length);
  const pick = (values: readonly number[], index: number) =>
    values.length === 1 ? (values[0] as number) : (values[index] as number);
  if ((a.length !== pairs && a.length !== 1) || (b.length !== pairs && b.length !== 1)) {
    throw new Error(`cannot pair ${a.length} samples with ${b.length}`);
  }
  return Array.from({ length: pairs }, (_, index) => pick(a, index) / pick(b, index));
}

export function verdictFor(ratio: number, goal: Goal): Verdict {
  if (goal.kind === 'report') return 'report';
  return ratio <= goal.value ? 'meets' : 'misses';
}

export function describeGoal(goal: Goal): string {
  return goal.kind === 'report' ? 'report' : `≤ ${goal.value}`;
}
