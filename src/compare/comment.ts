// The pull-request size comment: its hidden marker, when to post it, and its markdown (comment-file.ts has the
// file that carries its data out of a fork's read-only run). Plain data in, plain text out.
import { createHash } from 'node:crypto';
import { targetName } from '../build/targets.js';
import { InputError } from '../errors.js';
import { humanBytes, humanDuration } from '../report/format.js';
import type { Report } from '../report/report.js';
import {
  formatDeltaBytes,
  formatDeltaPercent,
  type SizeComparison,
  type SizeRow,
  type SizeTotals,
} from './compare.js';
import { describeDifferences } from './like-for-like.js';
import { rowLabel, type Verdict } from './thresholds.js';

export const DEFAULT_COMMENT_HEADER = 'setup-go-arm64';

/** GitHub refuses comment bodies of this many characters or more. */
export const MAX_COMMENT_CHARS = 65536;

const MAX_HEADER_CHARS = 100;

/** `sticky`: one comment per PR and header, updated in place; `new`: a new comment each run; `off`. */
export type CommentMode = 'sticky' | 'new' | 'off';
/** When a comment that does not exist yet is created. */
export type CommentOn = 'always' | 'change' | 'regression';

export interface CommentOptions {
  mode: CommentMode;
  on: CommentOn;
  header: string;
}

/**
 * Checks a `comment-header`: any text on one line, up to 100 characters. It is encoded into the marker and
 * escaped in the heading, so no character can break either.
 */
export function parseCommentHeader(value: string, inputName = 'comment-header'): string {
  const header = value.trim() || DEFAULT_COMMENT_HEADER;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(header))
    throw new InputError(
      inputName,
      `Input ${inputName} is ${JSON.stringify(value)}, which has a line break or control character`,
      `use one line of text, e.g. ${DEFAULT_COMMENT_HEADER}-cli`,
    );
  // A lone UTF-16 surrogate is not text: it cannot be percent-encoded into the marker.
  if (/\p{Surrogate}/u.test(header))
    throw new InputError(
      inputName,
      `Input ${inputName} is ${JSON.stringify(value)}, which holds half of a UTF-16 surrogate pair`,
      `use one line of text, e.g. ${DEFAULT_COMMENT_HEADER}-cli`,
    );
  if (header.length > MAX_HEADER_CHARS)
    throw new InputError(
      inputName,
      `Input ${inputName} is ${header.length} characters long, more than ${MAX_HEADER_CHARS}`,
      `use a short name, e.g. ${DEFAULT_COMMENT_HEADER}-cli`,
    );
  return header;
}

/**
 * A file-name-safe form of a header, unique per header: `setup-go-arm64`, or `my-cli-3f2a9c1b` for `My CLI!`.
 */
export function headerSlug(header: string): string {
  const slug = header
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return slug === header
    ? slug
    : `${slug || 'header'}-${createHash('sha256').update(header).digest('hex').slice(0, 8)}`;
}

/** The hidden line that identifies this action's comment for one header. */
export function commentMarker(header: string): string {
  // Percent-encoding leaves no `>` or whitespace, so the header can neither close the HTML comment nor
  // make one header's marker a prefix of another's.
  return `<!-- setup-go-arm64:size-report header=${encodeURIComponent(header)} -->`;
}

/** True when `body` is this action's comment for `header`: it opens with the header's marker. */
export function isCommentFor(body: string, header: string): boolean {
  return body.trimStart().startsWith(commentMarker(header));
}

function oneOf<T extends string>(value: string, inputName: string, allowed: readonly T[], fallback: T): T {
  const normalized = value.trim().toLowerCase() || fallback;
  if ((allowed as readonly string[]).includes(normalized)) return normalized as T;
  throw new InputError(
    inputName,
    `Input ${inputName} is ${JSON.stringify(value)}`,
    `use one of ${allowed.join(', ')} (default ${fallback})`,
  );
}

/** Reads `comment`, `comment-on` and `comment-header`. */
export function readCommentOptions(input: (name: string) => string): CommentOptions {
  return {
    mode: oneOf(input('comment'), 'comment', ['sticky', 'new', 'off'] as const, 'sticky'),
    on: oneOf(input('comment-on'), 'comment-on', ['always', 'change', 'regression'] as const, 'change'),
    header: parseCommentHeader(input('comment-header')),
  };
}

/** What to do on the pull request. */
export type CommentAction =
  { kind: 'create' } | { kind: 'update'; commentId: number } | { kind: 'skip'; reason: string };

/**
 * Decides whether to post. An existing sticky comment is always brought up to date (so a fixed regression stops
 * being reported); a new comment is only written when `comment-on` asks for it.
 */
export function decideCommentAction(
  options: Pick<CommentOptions, 'mode' | 'on'>,
  facts: { changed: boolean; regression: boolean },
  existingCommentId: number | undefined,
): CommentAction {
  if (options.mode === 'off') return { kind: 'skip', reason: 'comment is off' };
  if (options.mode === 'sticky' && existingCommentId !== undefined)
    return { kind: 'update', commentId: existingCommentId };
  if (options.on === 'change' && !facts.changed)
    return { kind: 'skip', reason: 'no size changed and comment-on is change' };
  if (options.on === 'regression' && !facts.regression)
    return { kind: 'skip', reason: 'no size regression and comment-on is regression' };
  return { kind: 'create' };
}

/**
 * Escapes text from reports or inputs for inline markdown (table cells, headings): HTML is neutralised,
 * markdown punctuation is taken literally, `@name` cannot mention anyone, and `www.` names are no links.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/\r?\n|\r/g, ' ')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/[\\`*_{}[\]()#|~!]/g, '\\$&')
      .replace(/@/g, '@\u200b')
      // GitHub links a bare `www.` name even in a table cell; a zero-width space after `www` keeps it text.
      .replace(/(www)\./gi, '$1\u200b.')
  );
}

function shortSha(sha: string | null | undefined): string {
  return sha ? `\`${escapeMarkdown(sha.slice(0, 7))}\`` : 'an unknown commit';
}

/** Where the numbers come from, for the comment's second line. */
export interface CommentContext {
  header: string;
  /** The commit the base sizes were built from (the merge-base, or the base branch's commit). */
  baseCommit?: string | null;
  /** The pull request's head commit. */
  headCommit?: string | null;
  /** How the base report was obtained, e.g. `the cache entry go-size-report-1a2b3c4`. */
  baseSource?: string;
}

function heading(header: string): string {
  return header === DEFAULT_COMMENT_HEADER
    ? '### Binary sizes'
    : `### Binary sizes: ${escapeMarkdown(header)}`;
}

function buildTime(ms: number | null, delta: number | null): string {
  if (ms === null) return '';
  if (delta === null) return humanDuration(ms);
  return `${humanDuration(ms)} (${delta >= 0 ? '+' : '-'}${humanDuration(Math.abs(delta))})`;
}

function changedRowLine(row: SizeRow): string {
  const size = (bytes: number | null) => (bytes === null ? '—' : humanBytes(bytes));
  const change =
    row.status === 'added'
      ? 'added'
      : row.status === 'removed'
        ? 'removed'
        : `**${formatDeltaBytes(row.deltaBytes)}**`;
  const percent =
    row.status === 'added' || row.status === 'removed' ? '' : formatDeltaPercent(row.deltaPercent);
  return `| ${escapeMarkdown(row.target)} | ${escapeMarkdown(row.package)} | ${size(row.baseBytes)} | ${size(row.headBytes)} | ${change} | ${percent} | ${buildTime(row.headBuildMs ?? row.baseBuildMs, row.buildMsDelta)} |`;
}

function totalLine(label: string, totals: SizeTotals): string {
  return `| **${label}** | | ${humanBytes(totals.baseBytes)} | ${humanBytes(totals.headBytes)} | **${formatDeltaBytes(totals.deltaBytes)}** | ${formatDeltaPercent(totals.deltaPercent)} | ${buildTime(totals.headBuildMs, totals.buildMsDelta)} |`;
}

function unchangedSection(rows: SizeRow[], limit: number): string[] {
  if (rows.length === 0) return [];
  const shown = rows.slice(0, limit);
  return [
    `<details><summary>${rows.length} unchanged target${rows.length === 1 ? '' : 's'}</summary>`,
    '',
    '| Target | Package | Size | Build time |',
    '| :-- | :-- | --: | --: |',
    ...shown.map(
      (r) =>
        `| ${escapeMarkdown(r.target)} | ${escapeMarkdown(r.package)} | ${humanBytes(r.headBytes ?? 0)} | ${buildTime(r.headBuildMs, r.buildMsDelta)} |`,
    ),
    ...(rows.length > shown.length
      ? ['', `… and ${rows.length - shown.length} more (see the size-delta output).`]
      : []),
    '',
    '</details>',
    '',
  ];
}

function growthSection(rows: SizeRow[]): string[] {
  const lines: string[] = [];
  for (const row of rows) {
    if (!row.grewMost || row.grewMost.length === 0) continue;
    lines.push(
      `<details><summary>What grew in ${escapeMarkdown(rowLabel(row))}</summary>`,
      '',
      '| Package | Base | Head | Change |',
      '| :-- | --: | --: | --: |',
      ...row.grewMost.map(
        (g) =>
          `| ${escapeMarkdown(g.package)} | ${humanBytes(g.baseBytes)} | ${humanBytes(g.headBytes)} | ${formatDeltaBytes(g.deltaBytes)} |`,
      ),
      '',
      '</details>',
      '',
    );
  }
  return lines;
}

/** How the base was built next to head, and whether the build times say anything. */
function baseBuildNotes(comparison: SizeComparison): string[] {
  const { baseBuild: build, head } = comparison;
  const notes: string[] = [];
  if (build.kind === 'rebuilt' && build.replaced)
    notes.push(
      `> ℹ️ Base rebuilt at the merge-base with Go ${escapeMarkdown(head.goVersion)} and head's flags, because ` +
        `${escapeMarkdown(build.replaced.source)} was built otherwise: ${escapeMarkdown(describeDifferences(build.replaced.differences))}. ` +
        'The change is the code’s alone.',
    );
  if (build.kind === 'unlike')
    notes.push(
      `> ⚠️ Not like-for-like: ${escapeMarkdown(comparison.caveats.join('; '))}. ` +
        `The base could not be rebuilt the way head was (${escapeMarkdown(build.why)}), so the change mixes the code's ` +
        'with the build’s, and size limits are not judged on it.',
    );
  else
    for (const caveat of comparison.caveats)
      notes.push(`> ⚠️ ${escapeMarkdown(caveat)}: part of the change may come from that.`);
  if (comparison.rows.length > 0)
    notes.push(
      comparison.buildTimes.comparable
        ? `Build-time changes compare like with like: ${escapeMarkdown(comparison.buildTimes.why)}.`
        : `Build-time changes are not shown: ${escapeMarkdown(comparison.buildTimes.why)}.`,
    );
  return notes.flatMap((note) => [note, '']);
}

function verdictLine(verdict: Verdict): string {
  return `**${verdict.regression ? '❌' : '✅'} ${escapeMarkdown(verdict.message)}**`;
}

function renderComparison(
  context: CommentContext,
  comparison: SizeComparison,
  verdict: Verdict,
  maxRows: number,
): string {
  const moved = comparison.rows.filter((r) => r.status !== 'unchanged');
  const unchanged = comparison.rows.filter((r) => r.status === 'unchanged');
  const shown = moved.slice(0, maxRows);
  const common =
    comparison.rows.length -
    comparison.rows.filter((r) => r.status === 'added' || r.status === 'removed').length;
  const baseCommit = context.baseCommit === undefined ? comparison.base.commit : context.baseCommit;
  const headCommit = context.headCommit === undefined ? comparison.head.commit : context.headCommit;
  const lines = [
    commentMarker(context.header),
    heading(context.header),
    '',
    `Base ${shortSha(baseCommit)} → head ${shortSha(headCommit)}` +
      (context.baseSource ? ` · base sizes from ${escapeMarkdown(context.baseSource)}` : ''),
    '',
  ];
  if (moved.length > 0) {
    lines.push(
      '| Target | Package | Base | Head | Change | % | Build time |',
      '| :-- | :-- | --: | --: | --: | --: | --: |',
      ...shown.map(changedRowLine),
      totalLine(`Total of ${common} in both`, comparison.commonTotals),
      '',
    );
    if (moved.length > shown.length)
      lines.push(
        `… and ${moved.length - shown.length} more changed targets (see the size-delta output).`,
        '',
      );
  } else {
    lines.push(
      `No size changed: ${comparison.rows.length} target${comparison.rows.length === 1 ? '' : 's'}, ${humanBytes(comparison.allTotals.headBytes)} in total.`,
      '',
    );
  }
  lines.push(...unchangedSection(unchanged, maxRows), ...growthSection(shown));
  lines.push(...baseBuildNotes(comparison), verdictLine(verdict), '');
  return lines.join('\n');
}

/** Renders the comment for a comparison, shortened (largest changes kept) to fit GitHub's size limit. */
export function renderSizeComment(
  context: CommentContext,
  comparison: SizeComparison,
  verdict: Verdict,
): string {
  let maxRows = comparison.rows.length;
  let body = renderComparison(context, comparison, verdict, maxRows);
  while (body.length >= MAX_COMMENT_CHARS && maxRows > 0) {
    maxRows = Math.floor(maxRows / 2);
    body = renderComparison(context, comparison, verdict, maxRows);
  }
  return body;
}

/** Renders the comment when there is no base report: the head's sizes, and why nothing was compared. */
export function renderNoBaseComment(context: CommentContext, head: Report, reason: string): string {
  const headCommit = context.headCommit === undefined ? head.commit : context.headCommit;
  const render = (maxRows: number) =>
    [
      commentMarker(context.header),
      heading(context.header),
      '',
      `Head ${shortSha(headCommit)} · nothing to compare against: ${escapeMarkdown(reason)}.`,
      '',
      '| Target | Package | Size | Build time |',
      '| :-- | :-- | --: | --: |',
      ...head.targets
        .slice(0, maxRows)
        .map(
          (t) =>
            `| ${escapeMarkdown(targetName({ goos: t.goos, goarch: t.goarch, ...(t.variant ? { variant: t.variant } : {}) }))} | ${escapeMarkdown(t.package)} | ${humanBytes(t.sizeBytes)} | ${humanDuration(t.buildMs)} |`,
        ),
      ...(head.targets.length > maxRows ? [`… and ${head.targets.length - maxRows} more.`] : []),
      '',
      '**✅ Nothing to compare against, so no size limit applies.**',
      '',
    ].join('\n');
  let maxRows = head.targets.length;
  let body = render(maxRows);
  while (body.length >= MAX_COMMENT_CHARS && maxRows > 0) body = render((maxRows = Math.floor(maxRows / 2)));
  return body;
}
