// Pull requests from forks run with a read-only token: the comment cannot be posted from that run. It goes to
// the job summary and into a file the workflow uploads, for a workflow_run workflow to post with a write token.
import * as core from '../log.js';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { headerSlug } from '../../core/compare/comment.js';
import { createCommentFile, type CommentData } from '../../core/compare/comment-file.js';

/** The README section that explains the fork setup. */
export const FORK_SECTION = 'pull-requests-from-forks';

/** Link to the README section on forks, in the repository the action was used from. */
export function forkHelpUrl(env: NodeJS.ProcessEnv = process.env): string {
  const server = env.GITHUB_SERVER_URL || 'https://github.com';
  const repository = env.GITHUB_ACTION_REPOSITORY || 'org/setup-go-arm64';
  return `${server}/${repository}#${FORK_SECTION}`;
}

export interface DeferredComment {
  /** Where to write the file (e.g. RUNNER_TEMP/setup-go-arm64). */
  dir: string;
  pullRequest: number;
  headSha: string;
  header: string;
  /** The rendered comment, for the job summary. */
  body: string;
  /** What the file carries instead of the body: the poster renders the comment again from it. */
  data: CommentData;
  /** Why posting failed, for the warning. */
  reason: string;
}

/**
 * Keeps a comment that could not be posted: the job summary gets it, a JSON file (the `comment-file` output)
 * holds the Reports and settings it was rendered from (never the markdown: the poster renders it again) with the
 * pull request number and head SHA, and one warning says how to have it posted.
 * Returns the file's path.
 */
export async function deferComment(comment: DeferredComment): Promise<string> {
  await mkdir(comment.dir, { recursive: true });
  const file = path.join(comment.dir, `size-comment-${headerSlug(comment.header)}.json`);
  const content = createCommentFile(comment.pullRequest, comment.headSha, comment.header, comment.data);
  await writeFile(file, JSON.stringify(content, null, 2) + '\n');
  await core.summary.addRaw(comment.body, true).write();
  core.warning(
    `The size comment could not be posted on pull request #${comment.pullRequest} (${comment.reason}); ` +
      `this is expected for a pull request from a fork, whose token is read-only. The comment is in the job ` +
      `summary and in ${file} (the comment-file output): upload it as an artifact and post it from a ` +
      `workflow_run workflow, see ${forkHelpUrl()}`,
    { title: 'Size comment not posted' },
  );
  return file;
}

interface PrivilegedEventPayload {
  pull_request?: {
    merge_commit_sha?: string | null;
    head?: { sha?: string; repo?: { full_name?: string } | null };
    base?: { repo?: { full_name?: string } };
  };
  workflow_run?: { head_sha?: string; head_repository?: { full_name?: string } | null };
  repository?: { full_name?: string };
}

/** A privileged run (base-branch token and cache scope) that has checked out a fork's commit. */
export interface UntrustedCheckout {
  eventName: string;
  sha: string;
  /** The fork, when the event names it. */
  headRepo?: string;
}

/**
 * Whether this run builds a fork's code with the base branch's privileges: a `pull_request_target` run at the
 * pull request's head or merge commit, or a `workflow_run` at the triggering run's head commit, where the head
 * repository is not this one (or is unknown, which counts as a fork). Pure: the caller passes the event and the
 * commit the working directory is at.
 */
export function untrustedCheckout(
  eventName: string,
  payload: unknown,
  checkedOutSha: string | undefined,
): UntrustedCheckout | undefined {
  if (!checkedOutSha) return undefined;
  const event = payload as PrivilegedEventPayload | undefined;
  if (eventName === 'pull_request_target') {
    const pr = event?.pull_request;
    if (!pr?.head?.sha) return undefined;
    const headRepo = pr.head.repo?.full_name;
    const fromFork = !headRepo || headRepo !== pr.base?.repo?.full_name;
    const checkedOutHead = checkedOutSha === pr.head.sha || checkedOutSha === pr.merge_commit_sha;
    if (!fromFork || !checkedOutHead) return undefined;
    return { eventName, sha: checkedOutSha, ...(headRepo ? { headRepo } : {}) };
  }
  if (eventName === 'workflow_run') {
    const run = event?.workflow_run;
    if (!run?.head_sha || checkedOutSha !== run.head_sha) return undefined;
    const headRepo = run.head_repository?.full_name;
    if (headRepo && headRepo === event?.repository?.full_name) return undefined;
    return { eventName, sha: checkedOutSha, ...(headRepo ? { headRepo } : {}) };
  }
  return undefined;
}

/**
 * The warning for a privileged run that has checked out a fork's code: that code is being built with a token
 * that can write to the repository. Undefined when the run is not that.
 */
export function untrustedCheckoutWarning(
  checkout: UntrustedCheckout | undefined,
  helpUrl: string,
): string | undefined {
  if (!checkout) return undefined;
  return (
    `This ${checkout.eventName} run is building ${checkout.sha.slice(0, 7)} from ${checkout.headRepo ?? 'a deleted fork'}: ` +
    `untrusted code runs here with a token that can write to this repository, so its caches are not saved. Build pull requests under ` +
    `pull_request and post the size comment from a workflow_run workflow instead, see ${helpUrl}`
  );
}
