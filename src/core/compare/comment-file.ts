// The comment file: what a run without write access (a pull request from a fork) saves for a workflow_run
// workflow to post. It carries data, never markdown: the Reports and the settings the comparison needs. The
// poster checks every field and renders the comment itself, so nothing the pull request's code wrote reaches
// the comment except sizes, times and names made of a few safe characters. Plain data in, plain data out.
import { parseTargets, targetName } from '../build/targets.js';
import type { Report } from '../report/report.js';
import { unplainBuildInfoText } from './build-info-check.js';
import { parseCommentHeader, renderNoBaseComment, renderSizeComment } from './comment.js';
import { parseReport } from '../report/parse.js';
import { compareReports } from './compare.js';
import { judge, parseSizeLimit, type Thresholds } from './thresholds.js';

export const COMMENT_FILE_SCHEMA = 'setup-go-arm64/size-comment';
/** 1 carried a rendered markdown body; 2 carries the Reports and the settings instead. */
export const COMMENT_FILE_VERSION = 2;

/** What the comparison needs besides the head Report: the base, if the run had one, and the limits as written. */
export interface CommentData {
  head: Report;
  /** Undefined when the run had no base Report to compare with. */
  base?: { report: Report; commit: string | null };
  /** `fail-on-size-increase` and `fail-on-total-increase`, normalised (`5%,200KB`); absent: no limit. */
  thresholds: { perTarget?: string; total?: string };
}

/** The comment file (the `comment-file` output), version 2. */
export interface CommentFile extends CommentData {
  schema: typeof COMMENT_FILE_SCHEMA;
  version: typeof COMMENT_FILE_VERSION;
  pullRequest: number;
  headSha: string;
  header: string;
}

/** A comment file that passed every check, with its comment rendered from the checked data. */
export interface TrustedComment {
  pullRequest: number;
  headSha: string;
  header: string;
  body: string;
}

export function createCommentFile(
  pullRequest: number,
  headSha: string,
  header: string,
  data: CommentData,
): CommentFile {
  return {
    schema: COMMENT_FILE_SCHEMA,
    version: COMMENT_FILE_VERSION,
    pullRequest,
    headSha,
    header,
    head: data.head,
    ...(data.base ? { base: data.base } : {}),
    thresholds: data.thresholds,
  };
}

/** Limits written as the thresholds inputs normalise them, for the file. */
export function thresholdTexts(thresholds: Thresholds): CommentData['thresholds'] {
  return {
    ...(thresholds.perTarget ? { perTarget: thresholds.perTarget.text } : {}),
    ...(thresholds.total ? { total: thresholds.total.text } : {}),
  };
}

const FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
// Package paths as `packages` takes them and Go import paths: no space (so no sentence), no `@` (no mention),
// no `:` (no URL), no `<`, `[`, `!` or `#` (no HTML, link, image or issue reference).
const PACKAGE_PATH = /^[A-Za-z0-9._~+/-]{1,200}$/;
/** What attribution groups that are no package are called (see symbolPackage). */
const ATTRIBUTION_GROUPS = new Set(['type:', 'go:', '(assembly and C)']);
const LDFLAG = /^-{1,2}[A-Za-z][A-Za-z0-9_]*(?:=[A-Za-z0-9._~+/={},-]*)?$/;
const LDFLAG_VALUE = /^[A-Za-z0-9._~+/={},'"-]{1,200}$/;
/** The linker flags (`go tool link`) that take their value as the next word. */
const LDFLAGS_WITH_VALUE = new Set(
  'X B E H I L R T buildid buildmode extar extld extldflags importcfg installsuffix k libgcc linkmode o pluginpath r tmpdir'.split(
    ' ',
  ),
);
// A header from the file may name any comment the workflow posts, so it gets the package paths' characters
// (no spaces: no sentence in the heading) unless the workflow named it itself with comment-header.
const FILE_HEADER = /^[A-Za-z0-9._/-]{1,100}$/;

/**
 * Checks that every text of a Report the comment shows is plain: targets Go knows the shape of, package paths,
 * module paths and versions of safe characters, ldflags that are flags and their values (parseReport has checked
 * the Go version's).
 * Returns the first problem.
 */
function unsafeReportText(report: Report): string | undefined {
  const words = report.flags.ldflags.split(' ').filter(Boolean);
  const badWord = words.find((word, i) => {
    if (LDFLAG.test(word)) return false;
    const previous = words[i - 1];
    // A value stands alone only after a flag that takes one (`-X main.version={version}`).
    const takesValue = previous !== undefined && LDFLAGS_WITH_VALUE.has(previous.replace(/^-{1,2}/, ''));
    return !(takesValue && LDFLAG_VALUE.test(word));
  });
  if (badWord !== undefined) return `flags.ldflags holds ${JSON.stringify(badWord)}, which is no linker flag`;
  for (const [i, target] of report.targets.entries()) {
    const name = targetName({
      goos: target.goos,
      goarch: target.goarch,
      ...(target.variant ? { variant: target.variant } : {}),
    });
    let parsed: string | undefined;
    try {
      parsed = parseTargets(name).map(targetName).join(' ');
    } catch {
      parsed = undefined;
    }
    if (parsed !== name) return `targets[${i}] is ${JSON.stringify(name)}, not a Go target`;
    if (!PACKAGE_PATH.test(target.package))
      return `targets[${i}].package ${JSON.stringify(target.package)} is not a Go package path`;
    const group = target.attribution?.find(
      (p) => !PACKAGE_PATH.test(p.package) && !ATTRIBUTION_GROUPS.has(p.package),
    );
    if (group) return `targets[${i}].attribution names ${JSON.stringify(group.package)}, not a Go package`;
    const unplain = target.buildInfo && unplainBuildInfoText(target.buildInfo);
    if (unplain) return `targets[${i}].buildInfo has ${unplain}, which is not plain text`;
  }
  return undefined;
}

function checkedReport(json: unknown, field: string, reject: (why: string) => never): Report {
  let report: Report;
  try {
    report = parseReport(json, field);
  } catch (error) {
    return reject((error as Error).message);
  }
  const unsafe = unsafeReportText(report);
  return unsafe ? reject(`${field}: ${unsafe}`) : report;
}

function checkedThresholds(json: unknown, reject: (why: string) => never): Thresholds {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) reject('thresholds is not an object');
  const texts = json as Record<string, unknown>;
  const limit = (field: 'perTarget' | 'total', inputName: string) => {
    const text = texts[field];
    if (text === undefined) return undefined;
    if (typeof text !== 'string') return reject(`thresholds.${field} is not text`);
    try {
      const parsed = parseSizeLimit(text, inputName);
      // Only the normalised spelling the action writes: the verdict quotes it.
      if (!parsed || parsed.text !== text) reject(`thresholds.${field} is not a ${inputName} value`);
      return parsed;
    } catch {
      return reject(`thresholds.${field} is not a ${inputName} value`);
    }
  };
  const perTarget = limit('perTarget', 'fail-on-size-increase');
  const total = limit('total', 'fail-on-total-increase');
  return { ...(perTarget ? { perTarget } : {}), ...(total ? { total } : {}) };
}

function checkedHeader(
  value: unknown,
  expectedHeader: string | undefined,
  reject: (why: string) => never,
): string {
  if (typeof value !== 'string') return reject('header is not text');
  if (expectedHeader !== undefined) {
    if (value !== expectedHeader)
      reject(`the comment is for header ${JSON.stringify(value)}, not ${JSON.stringify(expectedHeader)}`);
    return value;
  }
  let header: string | undefined;
  try {
    header = parseCommentHeader(value);
  } catch {
    header = undefined;
  }
  if (header !== value || !FILE_HEADER.test(value))
    reject(
      `its header ${JSON.stringify(value)} is not made of letters, digits and . _ / - (name it with the comment-header input to post it)`,
    );
  return value;
}

/**
 * Checks a comment file that came from a run of untrusted code and renders its comment with the action's own
 * renderer: the shape, a full head SHA, Reports that parse and hold only plain text where the comment shows it,
 * limits in the action's own spelling, and a header of safe characters (or the one the workflow named). A file
 * that carries markdown (version 1, or a `body` field) is refused: no text of the file is posted as it is.
 */
export function verifyCommentFile(json: unknown, source: string, expectedHeader?: string): TrustedComment {
  const reject = (why: string): never => {
    throw new Error(`${source} is refused: ${why}`);
  };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) reject('it is not a JSON object');
  const file = json as Record<string, unknown>;
  if (file.schema !== COMMENT_FILE_SCHEMA) reject('it is not a setup-go-arm64 size comment file');
  if (file.version === 1)
    reject(
      `it is a version 1 comment file, which carries a rendered comment that is never posted as it is; update ` +
        `setup-go-arm64 in the pull request workflow to the release of this comment action, whose file (version ` +
        `${COMMENT_FILE_VERSION}) carries the sizes instead`,
    );
  if (file.version !== COMMENT_FILE_VERSION)
    reject(
      `its version is ${JSON.stringify(file.version)}; this comment action reads version ${COMMENT_FILE_VERSION}`,
    );
  if ('body' in file)
    reject('it carries a markdown body, which is never posted; the comment is rendered from the sizes');
  if (typeof file.pullRequest !== 'number' || !Number.isSafeInteger(file.pullRequest) || file.pullRequest < 1)
    reject('pullRequest is not a pull request number');
  if (typeof file.headSha !== 'string' || !FULL_SHA.test(file.headSha))
    reject('headSha is not a full commit SHA');
  const header = checkedHeader(file.header, expectedHeader, reject);
  const head = checkedReport(file.head, 'head', reject);
  const thresholds = checkedThresholds(file.thresholds, reject);
  const headSha = file.headSha as string;
  let body: string;
  if (file.base === undefined) {
    const reason = 'the pull request’s run had no base report (its job summary says why)';
    body = renderNoBaseComment({ header, headCommit: headSha }, head, reason);
  } else {
    const base = file.base as { report?: unknown; commit?: unknown } | null;
    if (typeof base !== 'object' || base === null) reject('base is not an object');
    const commit = base?.commit;
    if (commit !== null && (typeof commit !== 'string' || !FULL_SHA.test(commit)))
      reject('base.commit is not a full commit SHA or null');
    const comparison = compareReports(checkedReport(base?.report, 'base.report', reject), head);
    body = renderSizeComment(
      { header, headCommit: headSha, baseCommit: commit as string | null },
      comparison,
      judge(comparison, thresholds),
    );
  }
  return { pullRequest: file.pullRequest as number, headSha, header, body };
}
