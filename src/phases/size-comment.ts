import * as core from '../io/log.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  readCommentOptions,
  renderNoBaseComment,
  renderSizeComment,
  type CommentOptions,
} from '../core/compare/comment.js';
import { combineVerdicts } from '../core/compare/baselines.js';
import { withBaselineSections } from '../core/compare/baselines-comment.js';
import { thresholdTexts } from '../core/compare/comment-file.js';
import { compareReports, type SizeComparison } from '../core/compare/compare.js';
import { judge, readThresholds, type Thresholds, type Verdict } from '../core/compare/thresholds.js';
import {
  parseBaseReportSetting,
  readPullRequestEvent,
  type BaseReportSetting,
  type PullRequestEvent,
} from '../core/compare/base-report-inputs.js';
import { git, type WorktreePath } from '../io/github/base-report.js';
import { forkHelpUrl, untrustedCheckout, untrustedCheckoutWarning } from '../io/github/fork-fallback.js';
import { compareWithOtherBaselines, type OtherBaselines } from '../io/github/baseline-cache.js';
import { publishSizeComment } from '../io/github/pr-comment.js';
import { resolveBaseReport, type BaseResolution } from '../io/github/resolve-base.js';
import type { Report } from '../core/report/report.js';

/** The comparison and comment inputs, validated before anything is built so a typo fails fast. */
export interface SizeCommentInputs {
  thresholds: Thresholds;
  comment: CommentOptions;
  baseReport: BaseReportSetting;
  token: string;
}

export interface RunEvent {
  name: string;
  payload: unknown;
  pullRequest?: PullRequestEvent;
}

export function readSizeCommentInputs(input: (name: string) => string, workspace: string): SizeCommentInputs {
  let token = input('github-token');
  // Masked before anything else can print it; each line too, as logs are shown line by line.
  for (const secret of new Set([token, ...token.split(/\r?\n/)])) if (secret.trim()) core.setSecret(secret);
  if (/\s/.test(token)) {
    // Never echoed: even a malformed token may be most of a real one.
    core.warning(
      'Input github-token holds white space or a line break, which no GitHub token does, so GitHub would refuse it; ' +
        'the size comment goes to the job summary instead. Pass one token, e.g. ${{ github.token }} (the default) or a secret holding one.',
    );
    token = '';
  }
  return {
    thresholds: readThresholds(input),
    comment: readCommentOptions(input),
    baseReport: parseBaseReportSetting(input('base-report'), workspace),
    token,
  };
}

export async function readRunEvent(): Promise<RunEvent> {
  const name = process.env.GITHUB_EVENT_NAME ?? '';
  const eventPath = process.env.GITHUB_EVENT_PATH;
  const payload: unknown = eventPath ? JSON.parse(await readFile(eventPath, 'utf8').catch(() => '{}')) : {};
  const pullRequest = readPullRequestEvent(name, payload);
  return { name, payload, ...(pullRequest ? { pullRequest } : {}) };
}

/**
 * Warns when a privileged run (pull_request_target, workflow_run) builds a fork's own code with a write token;
 * returns true then, so the caller keeps such a run from saving caches trusted runs would restore.
 */
export async function warnAboutUntrustedCheckout(event: RunEvent, repoDir: string): Promise<boolean> {
  const checkedOut = await git(repoDir, ['rev-parse', 'HEAD']).catch(() => undefined);
  const checkout = untrustedCheckout(event.name, event.payload, checkedOut?.trim());
  const warning = untrustedCheckoutWarning(checkout, forkHelpUrl());
  if (warning) core.warning(warning);
  return checkout !== undefined;
}

export interface SizeCommentResult {
  /** The comment, for the job summary (empty when it already went there). */
  summary: string;
  /** Set when a threshold was exceeded: the reason, naming the worst target. */
  regression?: string;
}

interface CompareOptions {
  inputs: SizeCommentInputs;
  event: RunEvent;
  report: Report;
  repoDir: string;
  temp: string;
  /** Builds the base in a worktree; undefined where this run cannot build (merging reports). */
  buildBase?: (worktreeRoot: string, inWorktree: WorktreePath) => Promise<Report>;
}

/** For a pull request: head against the newest release, and the trend, as the cache has them. */
async function otherBaselinesFor(options: CompareOptions): Promise<OtherBaselines | undefined> {
  const { inputs, event } = options;
  if (!event.pullRequest) return undefined;
  return compareWithOtherBaselines({
    baseSha: event.pullRequest.baseSha,
    head: options.report,
    temp: options.temp,
    header: inputs.comment.header,
    limits: inputs.thresholds.release,
  });
}

/** The base's verdict, and the release's when its limits are set and it was found. */
function judgeAgainstBoth(
  comparison: SizeComparison | undefined,
  thresholds: Thresholds,
  others: OtherBaselines | undefined,
): Verdict {
  const baseHasLimits = !!(thresholds.perTarget || thresholds.total);
  return combineVerdicts(judge(comparison, thresholds), others?.release?.verdict, baseHasLimits);
}

/** The comparison with the base (none when there is no base), its verdict, and the comment that says both. */
interface JudgedComparison {
  comparison?: SizeComparison;
  verdict: Verdict;
  body: string;
}

function judgeAgainstBase(
  inputs: SizeCommentInputs,
  context: { header: string; headCommit: string | null },
  { report, base, others }: { report: Report; base: BaseResolution; others: OtherBaselines | undefined },
): JudgedComparison {
  let judged: JudgedComparison;
  if ('reason' in base) {
    const verdict = judgeAgainstBoth(undefined, inputs.thresholds, others);
    judged = { verdict, body: renderNoBaseComment(context, report, base.reason, verdict) };
  } else {
    const comparison = compareReports(base.report, report, base.build);
    const verdict = judgeAgainstBoth(comparison, inputs.thresholds, others);
    const body = renderSizeComment(
      { ...context, baseCommit: base.commit, baseSource: base.source },
      comparison,
      verdict,
    );
    judged = { comparison, verdict, body };
  }
  if (!others) return judged;
  return {
    ...judged,
    body: withBaselineSections(judged.body, others.sections.release, others.sections.trend),
  };
}

/**
 * Posts or updates the sticky comment; true when the fork fallback kept it for a later workflow instead, which
 * also put it in the job summary.
 */
async function publishOnPullRequest(
  pr: PullRequestEvent,
  inputs: SizeCommentInputs,
  { report, base, temp }: { report: Report; base: BaseResolution; temp: string },
  { comparison, verdict, body }: JudgedComparison,
): Promise<boolean> {
  const published = await publishSizeComment({
    token: inputs.token,
    pr,
    headSha: pr.headSha,
    body,
    data: {
      head: report,
      ...('reason' in base ? {} : { base: { report: base.report, commit: base.commit } }),
      thresholds: thresholdTexts(inputs.thresholds),
    },
    options: inputs.comment,
    facts: { changed: comparison?.changed ?? false, regression: verdict.regression },
    fallbackDir: path.join(temp, 'setup-go-arm64'),
    ...(process.env.GITHUB_API_URL ? { client: { baseUrl: process.env.GITHUB_API_URL } } : {}),
  });
  if ('url' in published.outcome && published.outcome.url)
    core.setOutput('comment-url', published.outcome.url);
  if (!published.commentFile) return false;
  core.setOutput('comment-file', published.commentFile);
  return true;
}

/**
 * Compares this run's Report with the base one (`base-report`), judges it against the thresholds, and posts
 * or updates the sticky comment on a pull request (or keeps it for a later workflow on forks).
 */
export async function compareAndComment(options: CompareOptions): Promise<SizeCommentResult> {
  const { inputs, event, report } = options;
  if (inputs.comment.mode === 'off' || inputs.baseReport.kind === 'none') {
    core.setOutput('size-regression', 'false');
    return { summary: '' };
  }
  if (!event.pullRequest && inputs.baseReport.kind !== 'file') return { summary: '' };

  core.startGroup('Compare sizes with the base');
  const base = await resolveBaseReport({
    setting: inputs.baseReport,
    ...(event.pullRequest ? { pullRequest: event.pullRequest } : {}),
    repoDir: options.repoDir,
    temp: options.temp,
    header: inputs.comment.header,
    head: report,
    ...(options.buildBase ? { buildAt: options.buildBase } : {}),
  });
  const others = await otherBaselinesFor(options);
  core.endGroup();

  const context = { header: inputs.comment.header, headCommit: event.pullRequest?.headSha ?? report.commit };
  const judged = judgeAgainstBase(inputs, context, { report, base, others });
  core.setOutput('size-delta', JSON.stringify(judged.comparison ?? null));
  core.setOutput('size-regression', String(judged.verdict.regression));
  core.setOutput('comment-body', judged.body);

  const kept =
    event.pullRequest !== undefined &&
    (await publishOnPullRequest(event.pullRequest, inputs, { report, base, temp: options.temp }, judged));
  // The fork fallback already put the comment in the job summary.
  const summary = kept ? '' : judged.body;
  return { summary, ...(judged.verdict.regression ? { regression: judged.verdict.message } : {}) };
}
