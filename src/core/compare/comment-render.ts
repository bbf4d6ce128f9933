// The size comment's markdown: the table of what moved, the notes on how the base was built, and the verdict.
// Plain data in, plain text out.
import { targetName } from '../build/targets.js';
import { humanBytes, humanDuration } from '../report/format.js';
import type { Report } from '../report/report.js';
import { commentMarker, DEFAULT_COMMENT_HEADER } from './comment-marker.js';
import {
  formatDeltaBytes,
  formatDeltaPercent,
  type SizeComparison,
  type SizeRow,
  type SizeTotals,
} from './compare.js';
import { growthSection } from './growth-section.js';
import { describeDifferences } from './like-for-like.js';
import { escapeMarkdown } from './markdown.js';
import { judge, type Verdict } from './thresholds.js';

/** GitHub refuses comment bodies of this many characters or more. */
export const MAX_COMMENT_CHARS = 65536;

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

/**
 * Renders the comment when there is no base report: the head's sizes, why nothing was compared, and the verdict
 * (another baseline, the newest release, may still have judged the head; without one nothing applies).
 */
export function renderNoBaseComment(
  context: CommentContext,
  head: Report,
  reason: string,
  verdict: Verdict = judge(undefined, {}),
): string {
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
      verdictLine(verdict),
      '',
    ].join('\n');
  let maxRows = head.targets.length;
  let body = render(maxRows);
  while (body.length >= MAX_COMMENT_CHARS && maxRows > 0) body = render((maxRows = Math.floor(maxRows / 2)));
  return body;
}
