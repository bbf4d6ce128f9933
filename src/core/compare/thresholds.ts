// Size limits (`fail-on-size-increase`, `fail-on-total-increase`) and the verdict a comparison earns.
import { InputError } from '../errors.js';
import { formatDeltaBytes, formatDeltaPercent, type SizeComparison, type SizeRow } from './compare.js';
import { describeDifferences } from './like-for-like.js';

/** A growth limit: a percentage, a number of bytes, or both (either one exceeded is a regression). */
export interface SizeLimit {
  percent?: number;
  bytes?: number;
  /** As the user wrote it, normalised: `5%`, `200KB`, `5%,200KB`. */
  text: string;
}

export interface Thresholds {
  /** `fail-on-size-increase`: each target built in both base and head. */
  perTarget?: SizeLimit;
  /** `fail-on-total-increase`: the sum over the targets built in both. */
  total?: SizeLimit;
  /** The inputs' `release:` limits, judged against the newest release's Report instead of the base. */
  release?: Omit<Thresholds, 'release'>;
}

/** Decimal units are powers of 1000 and binary ones powers of 1024, as their names say. */
const UNIT_BYTES: Record<string, number> = {
  b: 1,
  kb: 1000,
  kib: 1024,
  mb: 1000 ** 2,
  mib: 1024 ** 2,
  gb: 1000 ** 3,
  gib: 1024 ** 3,
};
const UNIT_SPELLING: Record<string, string> = {
  b: 'B',
  kb: 'KB',
  kib: 'KiB',
  mb: 'MB',
  mib: 'MiB',
  gb: 'GB',
  gib: 'GiB',
};

const VALID_FORMS =
  'use a percentage, a size or both separated by a comma, e.g. 5%, 200KB, 1MiB or 5%,200KB (KB and MB are 1000-based, KiB and MiB 1024-based); leave it empty for no limit';

/** Parses a limit input; an empty value means no limit. */
export function parseSizeLimit(value: string, inputName: string): SizeLimit | undefined {
  const parts = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0) return undefined;
  const limit: SizeLimit = { text: '' };
  const spelled: string[] = [];
  const bad = (why: string): never => {
    throw new InputError(inputName, `Input ${inputName} is ${JSON.stringify(value)}: ${why}`, VALID_FORMS);
  };
  for (const part of parts) {
    const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(part);
    const size = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(part);
    if (percent) {
      if (limit.percent !== undefined) bad('it gives two percentages');
      limit.percent = Number(percent[1]);
      spelled.push(`${percent[1]}%`);
    } else if (size) {
      const unit = (size[2] as string).toLowerCase();
      const multiplier = UNIT_BYTES[unit];
      if (multiplier === undefined) bad(`${JSON.stringify(size[2])} is not a size unit`);
      if (limit.bytes !== undefined) bad('it gives two sizes');
      limit.bytes = Math.round(Number(size[1]) * (multiplier as number));
      spelled.push(`${size[1]}${UNIT_SPELLING[unit]}`);
    } else if (/^\d+(?:\.\d+)?$/.test(part)) {
      bad(`${part} has no unit, so it could be a percentage or bytes`);
    } else {
      bad(`${JSON.stringify(part)} is neither a percentage nor a size`);
    }
  }
  limit.text = spelled.join(',');
  return limit;
}

const BASELINE_FORMS =
  'write one limit per baseline, separated by ; or a new line: a limit alone or after base: applies against the base commit, after release: against the newest release, e.g. 5%; release:10%,1MB';

/** Splits an input into its base and release limits; an unprefixed limit is the base's, as it always was. */
export function parseBaselineLimits(value: string, inputName: string): Record<'base' | 'release', string> {
  const limits = { base: '', release: '' };
  const clauses = value
    .split(/[;\n]/)
    .map((c) => c.trim())
    .filter(Boolean);
  for (const clause of clauses) {
    const named = /^([a-z][a-z-]*)\s*:\s*(.*)$/i.exec(clause);
    const baseline = (named?.[1] ?? 'base').toLowerCase();
    const bad = (why: string): never => {
      throw new InputError(
        inputName,
        `Input ${inputName} is ${JSON.stringify(value)}: ${why}`,
        BASELINE_FORMS,
      );
    };
    if (baseline !== 'base' && baseline !== 'release')
      bad(`${JSON.stringify(named?.[1])} is no baseline (base or release)`);
    if (limits[baseline as 'base' | 'release']) bad(`it gives two limits against the ${baseline}`);
    // A value of one limit is parsed (and quoted in its errors) as written, as before baselines existed.
    const limit = named ? (named[2] ?? '').trim() : clauses.length === 1 ? value : clause;
    if (!limit) bad(`${baseline}: is followed by no limit`);
    limits[baseline as 'base' | 'release'] = limit;
  }
  return limits;
}

/** Reads both limit inputs; a release limit's text keeps its `release:` so the verdict says what it judged. */
export function readThresholds(input: (name: string) => string): Thresholds {
  const read = (inputName: string) => {
    const { base, release } = parseBaselineLimits(input(inputName), inputName);
    const releaseLimit = parseSizeLimit(release, inputName);
    return {
      base: parseSizeLimit(base, inputName),
      release: releaseLimit && { ...releaseLimit, text: `release:${releaseLimit.text}` },
    };
  };
  const perTarget = read('fail-on-size-increase');
  const total = read('fail-on-total-increase');
  const release = {
    ...(perTarget.release ? { perTarget: perTarget.release } : {}),
    ...(total.release ? { total: total.release } : {}),
  };
  return {
    ...(perTarget.base ? { perTarget: perTarget.base } : {}),
    ...(total.base ? { total: total.base } : {}),
    ...(release.perTarget || release.total ? { release } : {}),
  };
}

/** One growth over a limit. */
export interface Breach {
  scope: 'target' | 'total';
  /** `linux/amd64 (./cmd/tool)` or `the total of 4 targets`. */
  label: string;
  /** For a target, its row key (see `rowKey`). */
  key?: string;
  deltaBytes: number;
  deltaPercent: number | null;
  limit: SizeLimit;
  /** Which parts of the limit were exceeded. */
  exceeded: ('percent' | 'bytes')[];
  /** How many times over its limit it is (the larger ratio); infinite for a 0 limit. */
  overBy: number;
}

/** What the comparison earns against the thresholds. */
export interface Verdict {
  regression: boolean;
  /** Furthest over its limit first. */
  breaches: Breach[];
  /** One sentence, plain text: the `size-regression` reason, or why the step passes. */
  message: string;
}

function check(
  scope: Breach['scope'],
  label: string,
  deltaBytes: number,
  deltaPercent: number | null,
  limit: SizeLimit,
  key?: string,
): Breach | undefined {
  if (deltaBytes <= 0) return undefined;
  // A target that grew from 0 bytes grew by an unbounded percentage.
  const percent = deltaPercent ?? Infinity;
  const exceeded: Breach['exceeded'] = [];
  const ratios: number[] = [];
  if (limit.percent !== undefined && percent > limit.percent) {
    exceeded.push('percent');
    ratios.push(limit.percent === 0 ? Infinity : percent / limit.percent);
  }
  if (limit.bytes !== undefined && deltaBytes > limit.bytes) {
    exceeded.push('bytes');
    ratios.push(limit.bytes === 0 ? Infinity : deltaBytes / limit.bytes);
  }
  if (exceeded.length === 0) return undefined;
  return {
    scope,
    label,
    ...(key ? { key } : {}),
    deltaBytes,
    deltaPercent,
    limit,
    exceeded,
    overBy: Math.max(...ratios),
  };
}

/** `linux/amd64 (./cmd/tool)`; the package is left out when it is the module root. */
export function rowLabel(row: Pick<SizeRow, 'target' | 'package'>): string {
  return row.package === '.' ? row.target : `${row.target} (${row.package})`;
}

function describeBreach(breach: Breach): string {
  const input = breach.scope === 'target' ? 'fail-on-size-increase' : 'fail-on-total-increase';
  return (
    `${breach.label} grew ${formatDeltaBytes(breach.deltaBytes)} (${formatDeltaPercent(breach.deltaPercent)}), ` +
    `over the ${input} limit of ${breach.limit.text}`
  );
}

/** Every growth over a limit, furthest over first; only targets built on both sides, and their total. */
function breachesOf(comparison: SizeComparison, thresholds: Thresholds): Breach[] {
  const breaches: Breach[] = [];
  if (thresholds.perTarget) {
    for (const row of comparison.rows) {
      if (row.status !== 'changed') continue;
      const breach = check(
        'target',
        rowLabel(row),
        row.deltaBytes,
        row.deltaPercent,
        thresholds.perTarget,
        row.key,
      );
      if (breach) breaches.push(breach);
    }
  }
  if (thresholds.total) {
    const common = comparison.rows.filter((r) => r.status === 'changed' || r.status === 'unchanged').length;
    const totals = comparison.commonTotals;
    const breach = check(
      'total',
      `the total of ${common} target${common === 1 ? '' : 's'}`,
      totals.deltaBytes,
      totals.deltaPercent,
      thresholds.total,
    );
    if (breach) breaches.push(breach);
  }
  return breaches.sort(
    (a, b) => b.overBy - a.overBy || b.deltaBytes - a.deltaBytes || a.label.localeCompare(b.label),
  );
}

/** The failing verdict's sentence: the worst breach, and how many more there are. */
function regressionMessage(breaches: Breach[], comparison: SizeComparison): string {
  const worst = breaches[0] as Breach;
  const others = breaches.length - 1;
  // When the total is what failed, still point at the target that contributed most.
  const biggest = comparison.rows
    .filter((r) => r.status === 'changed' && r.deltaBytes > 0)
    .sort((a, b) => b.deltaBytes - a.deltaBytes)[0];
  const culprit =
    worst.scope === 'total' && biggest
      ? `; the largest growth is ${rowLabel(biggest)} (${formatDeltaBytes(biggest.deltaBytes)})`
      : '';
  return (
    `Size regression: ${describeBreach(worst)}${culprit}` +
    (others > 0 ? `; ${others} more over a limit` : '') +
    '.'
  );
}

/**
 * Judges a comparison. Only targets built on both sides are judged: an added target has nothing to grow from,
 * and the total is the sum over those same targets.
 */
export function judge(comparison: SizeComparison | undefined, thresholds: Thresholds): Verdict {
  const limits = [
    thresholds.perTarget ? `${thresholds.perTarget.text} per target` : '',
    thresholds.total ? `${thresholds.total.text} in total` : '',
  ].filter(Boolean);
  if (!comparison)
    return {
      regression: false,
      breaches: [],
      message: 'Nothing to compare against, so no size limit applies.',
    };
  if (comparison.baseBuild.kind === 'unlike' && limits.length > 0)
    // A delta that holds a toolchain's or the flags' change says nothing about the code: judging it would fail
    // a pull request for a Go upgrade, or pass one whose growth a smaller toolchain hid.
    return {
      regression: false,
      breaches: [],
      message:
        `Size limits not judged: the base was built otherwise than head (${describeDifferences(comparison.baseBuild.differences)}) ` +
        `and could not be rebuilt with head's toolchain and flags (${comparison.baseBuild.why}).`,
    };
  const breaches = breachesOf(comparison, thresholds);
  if (breaches.length > 0)
    return { regression: true, breaches, message: regressionMessage(breaches, comparison) };
  return {
    regression: false,
    breaches,
    message:
      limits.length > 0
        ? `Within the size limits (${limits.join(', ')}).`
        : 'No size limits set (fail-on-size-increase, fail-on-total-increase).',
  };
}
