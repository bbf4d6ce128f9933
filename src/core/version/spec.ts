import semver from 'semver';
import { InputError } from '../errors.js';

/**
 * What the user asked for, parsed. Exact versions are in Go's own spelling (`1.25.4`, `1.23rc2`, `1.20` for the
 * first 1.20 release); ranges are semver ranges over Go versions converted with {@link goToSemver}.
 * `input` keeps the text as written, for messages.
 */
export type VersionSpec =
  | { kind: 'exact'; version: string; input?: string }
  | { kind: 'alias'; alias: 'stable' | 'oldstable'; input?: string }
  | {
      kind: 'range';
      range: string;
      /**
       * The range names a pre-release (e.g. `>=1.26.0-rc.1`), so pre-releases are candidates at all. Which of them
       * match then follows semver: only pre-releases of the major.minor.patch a comparator names.
       */
      includePrerelease: boolean;
      input?: string;
    };

/** Go's version grammar, major[.minor[.patch]][kind[pre]], with the numbers kept as decimal strings. */
interface GoVersion {
  major: string;
  minor: string;
  patch: string;
  kind: string;
  pre: string;
}

/** The forms every version message offers, so a bad value is always answered with good ones. */
export const VERSION_FORMS =
  'use a release such as 1.25.4 (or go1.25.4), a minor line such as 1.25 or 1.25.x (its newest patch), ' +
  'a semver range such as ^1.24 or >=1.24 <1.26, a pre-release such as 1.26rc1 or 1.26.0-rc.1, ' +
  'or stable / oldstable';

/** Leading decimal without unneeded leading zeros, as Go's cutInt reads it. */
function cutInt(text: string): [string, string] | undefined {
  const digits = /^[0-9]+/.exec(text)?.[0];
  if (!digits || (digits.length > 1 && digits.startsWith('0'))) return undefined;
  return [digits, text.slice(digits.length)];
}

/** Compares decimal strings by value without converting them (they may exceed Number's range). */
function compareDecimal(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : 1;
}

/** Parses like Go's internal/gover.Parse; undefined where Go would return the zero (malformed) version. */
function parseGoVersion(text: string): GoVersion | undefined {
  const major = cutInt(text);
  if (!major) return undefined;
  let [, rest] = major;
  const v: GoVersion = { major: major[0], minor: '', patch: '', kind: '', pre: '' };
  if (rest === '') return { ...v, minor: '0', patch: '0' };
  if (!rest.startsWith('.')) return undefined;
  const minor = cutInt(rest.slice(1));
  if (!minor) return undefined;
  [v.minor, rest] = minor;
  if (rest === '') {
    // Before Go 1.21 a missing patch means .0; from 1.21 on, "1.21" is the language version, below 1.21.0.
    if (compareDecimal(v.minor, '21') < 0) v.patch = '0';
    return v;
  }
  if (rest.startsWith('.')) {
    const patch = cutInt(rest.slice(1));
    // Go has never published a pre-release of a patch release, and its grammar refuses one.
    if (!patch || patch[1] !== '') return undefined;
    return { ...v, patch: patch[0] };
  }
  const kind = /^[a-z]+/.exec(rest)?.[0];
  if (!kind) return undefined;
  v.kind = kind;
  rest = rest.slice(kind.length);
  if (rest === '') return v;
  const pre = cutInt(rest);
  if (!pre || pre[1] !== '') return undefined;
  v.pre = pre[0];
  return v;
}

/** Whether `v` is a version Go's toolchain code accepts (no `go` prefix): `1.21`, `1.21rc1`, `1.21.0`, `1.9`. */
export function isValidGoVersion(v: string): boolean {
  return parseGoVersion(v) !== undefined;
}

/**
 * Whether `v` names a Go language version rather than a release: `1.21`, `1.22` (Go 1.21 and later). Before 1.21
 * `1.20` is the name of the first 1.20 release, so it is not a language version in this sense.
 */
export function isLanguageVersion(v: string): boolean {
  const parsed = parseGoVersion(v);
  return parsed !== undefined && parsed.patch === '' && parsed.kind === '';
}

/** Whether `v` is an alpha, beta or release candidate (`1.23rc2`). */
export function isGoPrerelease(v: string): boolean {
  return (parseGoVersion(v)?.kind ?? '') !== '';
}

/** The language line of a version: `1.25.4` → `1.25`, `1.23rc2` → `1.23`. */
export function goLanguageLine(v: string): string {
  const parsed = parseGoVersion(v);
  if (!parsed) throw new Error(`Not a Go version: ${JSON.stringify(v)}`);
  return `${parsed.major}.${parsed.minor}`;
}

/**
 * Go's version ordering (cmd/go/internal/gover.Compare): `1.21 < 1.21rc1 < 1.21.0 < 1.21.1`, `1.19rc1 < 1.19 ==
 * 1.19.0`. Versions have no `go` prefix. Malformed versions sort below well-formed ones and equal to each other.
 */
export function compareGoVersions(a: string, b: string): number {
  const x = parseGoVersion(a);
  const y = parseGoVersion(b);
  if (!x || !y) return x ? 1 : y ? -1 : 0;
  return (
    compareDecimal(x.major, y.major) ||
    compareDecimal(x.minor, y.minor) ||
    compareDecimal(x.patch, y.patch) ||
    // '' < 'alpha' < 'beta' < 'rc' happens to be string order.
    (x.kind === y.kind ? 0 : x.kind < y.kind ? -1 : 1) ||
    compareDecimal(x.pre, y.pre)
  );
}

/**
 * The name Go gives a release: the first releases before 1.21 carry no `.0` (`go1.20`, `go1` for 1.0), so
 * `1.20.0` becomes `1.20` and `1.0.0` becomes `1`; everything else is returned as it is.
 */
function releaseName(v: GoVersion): string {
  if (v.kind === '' && v.patch === '0' && compareDecimal(v.minor, '21') < 0) {
    return v.minor === '0' ? v.major : `${v.major}.${v.minor}`;
  }
  return `${v.major}.${v.minor}${v.patch === '' ? '' : `.${v.patch}`}${v.kind}${v.pre}`;
}

/**
 * Converts a Go version to semver so ranges can be matched: `1.25.4` → `1.25.4`, `1.23rc2` → `1.23.0-rc.2`,
 * `1.21beta1` → `1.21.0-beta.1`, `1.20` → `1.20.0`. A language version maps to its first release (`1.21` →
 * `1.21.0`): semver has no place below 1.21.0-rc.1 for it, and ranges only ever meet released versions, whose
 * order the conversion keeps.
 */
export function goToSemver(v: string): string {
  const parsed = parseGoVersion(v);
  if (!parsed) throw new Error(`Not a Go version: ${JSON.stringify(v)}`);
  const core = `${parsed.major}.${parsed.minor}.${parsed.patch || '0'}`;
  if (!parsed.kind) return core;
  return `${core}-${parsed.kind}${parsed.pre ? `.${parsed.pre}` : ''}`;
}

/**
 * Converts semver to Go's spelling: `1.23.0-rc.2` (or `-rc2`) → `1.23rc2`, `1.25.4` → `1.25.4`, `1.20.0` → `1.20`
 * (Go's name for that release). Throws for what no Go release can be: build metadata, a pre-release of a patch
 * release, or a pre-release other than alpha/beta/rc.
 */
export function semverToGo(v: string): string {
  const parsed = semver.parse(v);
  if (!parsed || parsed.build.length > 0)
    throw new Error(`Not a semver version Go uses: ${JSON.stringify(v)}`);
  const base: GoVersion = {
    major: String(parsed.major),
    minor: String(parsed.minor),
    patch: String(parsed.patch),
    kind: '',
    pre: '',
  };
  if (parsed.prerelease.length === 0) return releaseName(base);
  const tag = /^(alpha|beta|rc)\.?([1-9][0-9]*)$/.exec(parsed.prerelease.join('.'));
  if (!tag || parsed.patch !== 0) {
    throw new Error(`No Go release is spelled like ${JSON.stringify(v)}: pre-releases look like 1.23.0-rc.2`);
  }
  return releaseName({ ...base, patch: '', kind: tag[1] ?? '', pre: tag[2] ?? '' });
}

/**
 * A Go version as written in go.mod or as a release name: numbers without leading zeros, a minor version, and a
 * pre-release kind only with its number (`1.21rc1`, not `1.21rc`), as modfile's GoVersionRE requires; and valid
 * for Go's toolchain code too (which refuses `1.21.0rc1`).
 */
export function isWellFormedGoVersion(v: string): boolean {
  return (
    /^[1-9][0-9]*\.(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))?((alpha|beta|rc)[1-9][0-9]*)?$/.test(v) &&
    isValidGoVersion(v)
  );
}

/**
 * Parses a `go-version` value (or the version in a version file). Accepted, after trimming:
 * - `1.25.4`, `go1.25.4`, `1.23rc2`, `1.23.0-rc.2`, `1.21beta1`: that exact release (`1.20.0` is Go's `1.20`).
 * - `1.25`, `1.25.x`: the newest 1.25 patch release (a range, `1.25.x`).
 * - semver ranges, `^1.24`, `~1.25`, `>=1.24 <1.26`, `1.22 || 1.24`: the newest stable release in range.
 * - `stable`, `oldstable`: the newest release, and the newest patch of the minor line before it.
 * Anything else is an InputError naming `inputName` and listing these forms.
 */
export function parseVersionSpec(input: string, inputName: string): VersionSpec {
  const text = input.trim();
  if (text === '') throw new InputError(inputName, `${inputName} is empty`, VERSION_FORMS);
  const lower = text.toLowerCase();
  if (lower === 'stable' || lower === 'oldstable') return { kind: 'alias', alias: lower, input: text };

  const bare = text.replace(/^go\s*(?=[0-9])/i, '');
  if (isWellFormedGoVersion(bare)) {
    const parsed = parseGoVersion(bare) as GoVersion;
    if (parsed.kind !== '' || bare.split('.').length === 3) {
      return { kind: 'exact', version: releaseName(parsed), input: text };
    }
    return {
      kind: 'range',
      range: `${parsed.major}.${parsed.minor}.x`,
      includePrerelease: false,
      input: text,
    };
  }
  if (semver.valid(bare)) {
    try {
      return { kind: 'exact', version: semverToGo(bare), input: text };
    } catch (error) {
      throw new InputError(
        inputName,
        `${inputName} ${JSON.stringify(text)}: ${(error as Error).message}`,
        VERSION_FORMS,
      );
    }
  }
  if (semver.validRange(bare)) {
    // Read from the text: the parsed range carries `-0` bounds of its own (`1.22.x` is `<1.23.0-0`).
    const includePrerelease = /[0-9]+\.[0-9]+\.[0-9]+-[0-9A-Za-z]/.test(bare);
    return { kind: 'range', range: bare, includePrerelease, input: text };
  }
  throw new InputError(
    inputName,
    `${inputName} ${JSON.stringify(text)} is not a Go version, version range or alias`,
    VERSION_FORMS,
  );
}

/** The spec as the user wrote it, or a rendering of it when it was built in code. */
export function describeSpec(spec: VersionSpec): string {
  if (spec.input !== undefined) return spec.input;
  return spec.kind === 'exact' ? spec.version : spec.kind === 'alias' ? spec.alias : spec.range;
}
