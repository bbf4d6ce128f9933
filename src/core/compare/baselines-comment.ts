// The comment's sections for the baselines besides the base commit: head against the newest release, and each
// target's trend over the default branch's last Reports. Plain data in, markdown out.
import { humanBytes } from '../report/format.js';
import type { Report } from '../report/report.js';
import { sparkline, targetTrends, type SizeHistory, type TargetTrend } from './baselines.js';
import { escapeMarkdown, MAX_COMMENT_CHARS } from './comment.js';
import { compareReports, formatDeltaBytes, formatDeltaPercent, type SizeComparison } from './compare.js';
import { describeDifferences, storedBaseBuild } from './like-for-like.js';
import { judge, type Thresholds, type Verdict } from './thresholds.js';

/** Rows of a section beyond this are left to the size-delta output: the comment stays short. */
const MAX_SECTION_ROWS = 20;

/** The newest release's Report, as the cache had it. */
export interface ReleaseReport {
  tag: string;
  report: Report;
}

/** Head against the release: the comparison, and the verdict when release limits are set. */
export interface ReleaseComparison {
  tag: string;
  comparison: SizeComparison;
  verdict?: Verdict;
}

/** A release is never rebuilt: built otherwise than head, its sizes are shown but not judged. */
export function compareWithRelease(
  release: ReleaseReport,
  head: Report,
  limits: Thresholds['release'],
): ReleaseComparison {
  const build = storedBaseBuild(
    release.report,
    head,
    'a release’s sizes are taken as the release built them',
  );
  const comparison = compareReports(release.report, head, build);
  return { tag: release.tag, comparison, ...(limits ? { verdict: judge(comparison, limits) } : {}) };
}

function sha(commit: string | null): string {
  return commit ? ` (\`${escapeMarkdown(commit.slice(0, 7))}\`)` : '';
}

/** Nothing when no release's Report was found: a repository that saves none sees no section about it. */
export function renderReleaseSection(release: ReleaseComparison | undefined): string[] {
  if (!release) return [];
  const { comparison, verdict } = release;
  const moved = comparison.rows.filter((r) => r.status !== 'unchanged');
  const lines = [
    `#### Against the latest release ${escapeMarkdown(release.tag)}${sha(comparison.base.commit)}`,
    '',
  ];
  if (moved.length === 0) lines.push(`No size changed since ${escapeMarkdown(release.tag)}.`, '');
  else
    lines.push(
      '| Target | Package | Release | Head | Change | % |',
      '| :-- | :-- | --: | --: | --: | --: |',
      ...moved.slice(0, MAX_SECTION_ROWS).map((r) => {
        const size = (bytes: number | null) => (bytes === null ? '—' : humanBytes(bytes));
        const change = r.status === 'changed' ? formatDeltaBytes(r.deltaBytes) : r.status;
        const percent = r.status === 'changed' ? formatDeltaPercent(r.deltaPercent) : '';
        return `| ${escapeMarkdown(r.target)} | ${escapeMarkdown(r.package)} | ${size(r.baseBytes)} | ${size(r.headBytes)} | ${change} | ${percent} |`;
      }),
      ...(moved.length > MAX_SECTION_ROWS ? [`… and ${moved.length - MAX_SECTION_ROWS} more.`] : []),
      '',
    );
  if (comparison.baseBuild.kind === 'unlike')
    lines.push(
      `> ⚠️ The release was built otherwise than head (${escapeMarkdown(describeDifferences(comparison.baseBuild.differences))}): the change mixes the code’s with the build’s.`,
      '',
    );
  if (verdict) lines.push(`**${verdict.regression ? '❌' : '✅'} ${escapeMarkdown(verdict.message)}**`, '');
  return lines;
}

function trendRow(trend: TargetTrend): string {
  const oldest = trend.history.find((s): s is number => s !== null) as number;
  const delta = trend.head - oldest;
  const percent = oldest === 0 ? null : (delta / oldest) * 100;
  return `| ${escapeMarkdown(trend.target)} | ${escapeMarkdown(trend.package)} | ${sparkline([...trend.history, trend.head])} | ${humanBytes(oldest)} | ${humanBytes(trend.head)} | ${formatDeltaBytes(delta)} (${formatDeltaPercent(percent)}) |`;
}

/** Each head target over the cached default-branch sizes, oldest first, head last; nothing without any. */
export function renderTrendSection(history: SizeHistory | undefined, head: Report): string[] {
  const trends = history ? targetTrends(history, head) : [];
  if (!history || trends.length === 0) return [];
  const points = history.points.length;
  return [
    `#### Trend over the last ${points} default-branch report${points === 1 ? '' : 's'}, then head`,
    '',
    '| Target | Package | Trend | Oldest | Head | Change |',
    '| :-- | :-- | :-- | --: | --: | --: |',
    ...trends.slice(0, MAX_SECTION_ROWS).map(trendRow),
    ...(trends.length > MAX_SECTION_ROWS ? [`… and ${trends.length - MAX_SECTION_ROWS} more.`] : []),
    '',
  ];
}

/**
 * Appends the sections to a comment body while it stays under GitHub's limit: the trend goes first when it
 * does not fit, then the release.
 */
export function withBaselineSections(body: string, release: string[], trend: string[]): string {
  for (const sections of [[...release, ...trend], release]) {
    if (sections.length === 0) continue;
    const longer = `${body.trimEnd()}\n\n${sections.join('\n')}`;
    if (longer.length < MAX_COMMENT_CHARS) return longer;
  }
  return body;
}
