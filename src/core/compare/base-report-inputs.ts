// What decides where a pull request's base Report comes from, as data: the base-report input, what the run's
// event says (a pull request, or a push to the default branch), and the key and file a Report is cached under.
import path from 'node:path';
import { headerSlug } from './comment.js';

export const REPORT_CACHE_KEY_PREFIX = 'go-size-report-';

/** The `base-report` input. */
export type BaseReportSetting = { kind: 'auto' } | { kind: 'none' } | { kind: 'file'; path: string };

/** `auto`, `none`, or a path relative to the workspace. */
export function parseBaseReportSetting(value: string, workspace: string): BaseReportSetting {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.toLowerCase() === 'auto') return { kind: 'auto' };
  if (trimmed.toLowerCase() === 'none') return { kind: 'none' };
  return { kind: 'file', path: path.resolve(workspace, trimmed) };
}

/** What a pull_request (or pull_request_target) event says about the pull request. */
export interface PullRequestEvent {
  owner: string;
  repo: string;
  number: number;
  baseSha: string;
  headSha: string;
  /** True when the head branch lives in another repository. */
  fromFork: boolean;
}

/** Reads the pull request from the event payload; undefined for any other event. */
export function readPullRequestEvent(eventName: string, payload: unknown): PullRequestEvent | undefined {
  if (eventName !== 'pull_request' && eventName !== 'pull_request_target') return undefined;
  const event = payload as {
    pull_request?: {
      number?: number;
      base?: { sha?: string; repo?: { full_name?: string } };
      head?: { sha?: string; repo?: { full_name?: string } | null };
    };
    repository?: { name?: string; owner?: { login?: string } };
  };
  const pr = event.pull_request;
  const owner = event.repository?.owner?.login;
  const repo = event.repository?.name;
  if (!pr?.number || !pr.base?.sha || !pr.head?.sha || !owner || !repo) return undefined;
  const headRepo = pr.head.repo?.full_name;
  return {
    owner,
    repo,
    number: pr.number,
    baseSha: pr.base.sha,
    headSha: pr.head.sha,
    fromFork: !headRepo || headRepo !== pr.base.repo?.full_name,
  };
}

/** True for a push to the repository's default branch: the runs whose Reports later pull requests compare against. */
export function isDefaultBranchPush(eventName: string, payload: unknown): boolean {
  const event = payload as { ref?: string; repository?: { default_branch?: string } };
  return (
    eventName === 'push' &&
    !!event.repository?.default_branch &&
    event.ref === `refs/heads/${event.repository.default_branch}`
  );
}

/** The cache key a commit's Report is saved under. */
export function reportCacheKey(commit: string): string {
  return `${REPORT_CACHE_KEY_PREFIX}${commit}`;
}

/**
 * The one small file cached per Report. The cache entry's version covers this path, so each `comment-header`
 * (each workflow's comparison) keeps entries of its own under the same key.
 */
export function reportCacheFile(temp: string, header: string): string {
  return path.join(temp, 'setup-go-arm64', 'size-report', `${headerSlug(header)}.json`);
}
