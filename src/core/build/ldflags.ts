import { InputError } from '../errors.js';

/** What `{version}`, `{commit}` and `{date}` in `ldflags` stand for; undefined when it cannot be known. */
export interface StampValues {
  version?: string;
  commit?: string;
  date?: string;
}

/** Why a stamp value is missing, for the error when ldflags asks for it. */
export type StampGaps = Partial<Record<keyof StampValues, string>>;

/** What the runner and the checkout say about the commit being built. */
export interface StampFacts {
  /** GITHUB_REF, e.g. `refs/tags/v1.2.0` or `refs/heads/main`. */
  ref?: string;
  /** GITHUB_REF_NAME, e.g. `v1.2.0`. */
  refName?: string;
  /** GITHUB_SHA. */
  sha?: string;
  /** `git log -1 --format=%cI` in the working directory, when git could answer. */
  commitDate?: string;
  /** Why git could not answer, when it could not. */
  commitDateError?: string;
  /** SOURCE_DATE_EPOCH: seconds since 1970, the reproducible-builds convention. */
  sourceDateEpoch?: string;
}

export const STAMP_PLACEHOLDERS: readonly (keyof StampValues)[] = ['version', 'commit', 'date'];

const SHORT_COMMIT_LENGTH = 7;

/** `2024-05-01T10:34:56Z`: UTC, to the second, whatever the committer's time zone was. */
function utcSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Decides the stamp values. The version is the tag when a tag is being built, else the short commit; the date
 * is the commit's own (or SOURCE_DATE_EPOCH), never the clock, so two builds of one commit are byte-identical.
 */
export function stampValues(facts: StampFacts): { values: StampValues; gaps: StampGaps } {
  const values: StampValues = {};
  const gaps: StampGaps = {};
  const sha = facts.sha?.trim();
  if (sha) values.commit = sha;
  else gaps.commit = 'GITHUB_SHA is not set';

  const tag = facts.ref?.startsWith('refs/tags/')
    ? facts.refName || facts.ref.slice('refs/tags/'.length)
    : undefined;
  if (tag) values.version = tag;
  else if (sha) values.version = sha.slice(0, SHORT_COMMIT_LENGTH);
  else gaps.version = 'neither a tag (GITHUB_REF) nor GITHUB_SHA is set';

  const committed = facts.commitDate?.trim() ? new Date(facts.commitDate.trim()) : undefined;
  const epoch = facts.sourceDateEpoch?.trim();
  const wholeSeconds = epoch !== undefined && /^\d+$/.test(epoch);
  // Past 8.64e12 seconds a Date is invalid, and toISOString would throw.
  const epochDate = wholeSeconds ? new Date(Number(epoch) * 1000) : undefined;
  if (committed && !Number.isNaN(committed.getTime())) {
    values.date = utcSeconds(committed);
  } else if (epochDate && !Number.isNaN(epochDate.getTime())) {
    values.date = utcSeconds(epochDate);
  } else {
    gaps.date =
      `git could not give the commit date (${facts.commitDateError ?? 'no answer'})` +
      (epoch
        ? ` and SOURCE_DATE_EPOCH is ${JSON.stringify(epoch)}, ${wholeSeconds ? 'past the last date a timestamp can hold' : 'not whole seconds'}`
        : '');
  }
  return { values, gaps };
}

const PLACEHOLDER = /\{([A-Za-z_][\w-]*)\}/g;

/** The placeholders `ldflags` uses, so the shell asks git only when `{date}` is there. */
export function usedPlaceholders(ldflags: string): string[] {
  return [...new Set([...ldflags.matchAll(PLACEHOLDER)].map((match) => match[1] as string))];
}

/**
 * Checks what can be judged before anything is built: every placeholder is {version}, {commit} or {date}, and
 * every quote closes where go's own splitting of -ldflags needs it to (a quote opens only at a word's start and
 * runs to the next quote of the same kind, without escapes).
 */
export function checkLdflags(ldflags: string, inputName = 'ldflags'): void {
  const unknown = usedPlaceholders(ldflags).filter(
    (name) => !(STAMP_PLACEHOLDERS as readonly string[]).includes(name),
  );
  if (unknown.length > 0) {
    throw new InputError(
      inputName,
      `Input ${inputName} uses ${unknown.map((name) => `{${name}}`).join(', ')}, which ${unknown.length === 1 ? 'is not a placeholder' : 'are not placeholders'}`,
      `use {version}, {commit} or {date}, e.g. -s -w -X main.version={version} -X main.commit={commit}`,
    );
  }
  for (let rest = ldflags.replace(/^[ \t\n\r]+/, ''); rest !== ''; rest = rest.replace(/^[ \t\n\r]+/, '')) {
    const quote = rest[0] as string;
    if (quote === "'" || quote === '"') {
      const end = rest.indexOf(quote, 1);
      if (end < 0) {
        throw new InputError(
          inputName,
          `Input ${inputName} ${JSON.stringify(ldflags)} has an unterminated ${quote} string, which go refuses`,
          `close it, e.g. -s -w -X 'main.greeting=hello world'`,
        );
      }
      rest = rest.slice(end + 1);
    } else {
      const space = rest.search(/[ \t\n\r]/);
      rest = space < 0 ? '' : rest.slice(space);
    }
  }
}

/**
 * Replaces `{version}`, `{commit}` and `{date}` in ldflags (`-X main.version={version}`). Anything else in
 * braces that looks like a placeholder is an error (see checkLdflags), as is a placeholder whose value cannot be
 * known.
 */
export function templateLdflags(
  ldflags: string,
  stamp: { values: StampValues; gaps: StampGaps },
  inputName = 'ldflags',
): string {
  checkLdflags(ldflags, inputName);
  return ldflags.replace(PLACEHOLDER, (_whole, name: keyof StampValues) => {
    const value = stamp.values[name];
    if (value === undefined) {
      throw new InputError(
        inputName,
        `Input ${inputName} uses {${name}}, but ${stamp.gaps[name] ?? 'its value is unknown'}`,
        name === 'date'
          ? 'check out the repository (actions/checkout; any fetch-depth) or set SOURCE_DATE_EPOCH'
          : 'run the action in a GitHub Actions job, which sets GITHUB_SHA and GITHUB_REF',
      );
    }
    return value;
  });
}

/** Whether linker flags ask for the symbol table to be left out (`-s`, `-s=true`; a later `-s=false` wins). */
export function stripsSymbolTable(ldflags: string): boolean {
  let strips = false;
  for (const word of ldflags.split(/\s+/)) {
    if (word === '-s' || word === '--s' || /^--?s=(true|1)$/.test(word)) strips = true;
    else if (/^--?s=(false|0)$/.test(word)) strips = false;
  }
  return strips;
}
