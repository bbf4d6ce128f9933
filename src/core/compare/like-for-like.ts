// Whether a base Report can be compared with the head's: the same toolchain, flags and build environment, so
// that a size change is the code's alone; and whether their build times can be compared. Plain data in and out.
import type { Report } from '../report/report.js';

/** One setting the two sides were built with differently. */
export interface BuildDifference {
  /** `Go`, `-ldflags`, `-trimpath`, `CGO_ENABLED`, `-tags`, `build-flags` or an environment variable. */
  setting: string;
  base: string;
  head: string;
  /** One sentence about base and head, for the comment and the size-delta output. */
  caveat: string;
}

const onOff = (value: boolean) => (value ? 'on' : 'off');
const words = (list: string[] | undefined) => (list ?? []).join(' ');
const sortedWords = (list: string[] | undefined) => [...(list ?? [])].sort().join(',');
const quotedOrUnset = (value: string) => (value ? `"${value}"` : 'unset');

/** A setting a Report records: how it reads, and the caveat a difference in it makes. */
interface RecordedSetting {
  setting: string;
  read: (report: Report) => string;
  caveat: (base: string, head: string) => string;
}

const SETTINGS: RecordedSetting[] = [
  {
    setting: 'Go',
    read: (r) => r.go.version,
    caveat: (b, h) => `base was built with Go ${b}, head with Go ${h}`,
  },
  {
    setting: '-ldflags',
    read: (r) => r.flags.ldflags,
    caveat: (b, h) => `base was linked with -ldflags=${b}, head with -ldflags=${h}`,
  },
  {
    setting: '-trimpath',
    read: (r) => onOff(r.flags.trimpath),
    caveat: (b, h) => `-trimpath was ${b} for base, ${h} for head`,
  },
  {
    setting: 'CGO_ENABLED',
    read: (r) => (r.flags.cgo ? '1' : '0'),
    caveat: (b, h) => `CGO_ENABLED was ${b} for base, ${h} for head`,
  },
  {
    setting: '-tags',
    read: (r) => sortedWords(r.flags.tags),
    caveat: (b, h) => `base was built with -tags=${b}, head with -tags=${h}`,
  },
  {
    setting: 'build-flags',
    read: (r) => words(r.flags.buildFlags),
    caveat: (b, h) => `base was built with build-flags "${b}", head with "${h}"`,
  },
];

function environmentSettings(base: Report, head: Report): RecordedSetting[] {
  const names = new Set([...Object.keys(base.flags.env ?? {}), ...Object.keys(head.flags.env ?? {})]);
  return [...names].sort().map((name) => ({
    setting: name,
    read: (r) => r.flags.env?.[name] ?? '',
    caveat: (b, h) => `${name} was ${quotedOrUnset(b)} for base, ${quotedOrUnset(h)} for head`,
  }));
}

/**
 * The settings base and head were built with differently. Tags are a set, and an absent list is an empty one.
 * The environment is compared where either report recorded it; a report from before it was recorded counts as
 * built with none of those variables set.
 */
export function buildDifferences(base: Report, head: Report): BuildDifference[] {
  return [...SETTINGS, ...environmentSettings(base, head)].flatMap(({ setting, read, caveat }) => {
    const [was, is] = [read(base), read(head)];
    return was === is ? [] : [{ setting, base: was, head: is, caveat: caveat(was, is) }];
  });
}

/**
 * How the base sizes relate to the head's build. `stored`: a saved report built the way head was; `rebuilt`:
 * the merge-base built in this job with head's toolchain and flags, in place of a saved report that was built
 * otherwise (`replaced`) or of none; `unlike`: a saved report built otherwise that could not be rebuilt, so
 * its delta mixes the code's change with the toolchain's or the flags'.
 */
export type BaseBuild =
  | { kind: 'stored' }
  | { kind: 'rebuilt'; replaced?: { source: string; differences: BuildDifference[] } }
  | { kind: 'unlike'; differences: BuildDifference[]; why: string };

/** What a stored base report is, before anything is rebuilt. */
export function storedBaseBuild(base: Report, head: Report, whyNotRebuilt: string): BaseBuild {
  const differences = buildDifferences(base, head);
  return differences.length === 0 ? { kind: 'stored' } : { kind: 'unlike', differences, why: whyNotRebuilt };
}

/** `Go 1.20.14 (head 1.21.13), -trimpath off (head on)`. */
export function describeDifferences(differences: BuildDifference[]): string {
  return differences.map((d) => `${d.setting} ${d.base || '(none)'} (head ${d.head || '(none)'})`).join(', ');
}

/** Whether the two sides' build times say anything about the code, and why (or why not). */
export interface BuildTimeComparability {
  comparable: boolean;
  why: string;
}

const WARMTH: Record<NonNullable<Report['buildCache']>, string> = {
  exact: 'started from the build cache saved for its own key',
  partial: 'started from a build cache restored by a restore key',
  none: 'started with no build cache restored',
};

/**
 * How a run's build cache started, for its Report, from what the cache restore found: nothing when no build
 * cache was asked for or its restore failed, as the runner's GOCACHE may then be warm or cold.
 */
export function buildCacheStart(
  restored: readonly { kind: string; hit: NonNullable<Report['buildCache']>; error?: string }[],
): { buildCache?: Report['buildCache'] } {
  const entry = restored.find((e) => e.kind === 'build');
  return entry && !entry.error ? { buildCache: entry.hit } : {};
}

/**
 * Build times compare only when both builds started from the same kind of build cache. A base rebuilt in this
 * job never does: it ran after head's build, in the build cache head's build had just filled. A report that
 * does not say how its build cache started (cache-build off, or a report from before this was recorded) gives
 * nothing to compare with, since a self-hosted runner's GOCACHE may be warm or cold.
 */
export function buildTimeComparability(base: Report, head: Report, build: BaseBuild): BuildTimeComparability {
  if (build.kind === 'rebuilt')
    return {
      comparable: false,
      why: "the base was built in this job after the head, reusing the build cache the head's build filled",
    };
  if (build.kind === 'unlike')
    return { comparable: false, why: 'the two sides were built with different toolchains or flags' };
  if (!base.buildCache || !head.buildCache)
    return {
      comparable: false,
      why: `the ${base.buildCache ? 'head' : 'base'} report does not say whether its build started with a warm build cache`,
    };
  if (base.buildCache !== head.buildCache)
    return {
      comparable: false,
      why: `the base build ${WARMTH[base.buildCache]}, the head build ${WARMTH[head.buildCache]}`,
    };
  return { comparable: true, why: `both builds ${WARMTH[head.buildCache]}` };
}
