// The sticky size comment on a pull request, through @actions/github's octokit: find it by its marker and its
// author (every page), update it in place or create it, with retries on rate limits and server errors.
import * as core from '../log.js';
import type { getOctokit } from '@actions/github';
import { decideCommentAction, isCommentFor, type CommentOptions } from '../../core/compare/comment.js';
import type { CommentData } from '../../core/compare/comment-file.js';
import { deferComment } from './fork-fallback.js';
import { isWrittenBy, tokenIdentity } from './identity.js';

export type GitHubClient = ReturnType<typeof getOctokit>;

/** The pull request a comment goes on. */
export interface PullRequestRef {
  owner: string;
  repo: string;
  number: number;
}

export interface ClientOptions {
  /** GITHUB_API_URL, or https://api.github.com. */
  baseUrl?: string;
  /** Retries per request after the first attempt. */
  maxRetries?: number;
  /** First back-off after a server error; doubled on each retry. */
  retryBaseMs?: number;
  /** The longest wait a rate limit may ask for before the request is given up. */
  maxWaitMs?: number;
}

/** The parts of an octokit request error the retry policy reads. */
interface HttpErrorLike {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined> };
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE']);

/** True for GitHub's rate-limit answers: 429, or 403 with retry-after or no requests left. */
export function isRateLimited(error: HttpErrorLike): boolean {
  const headers = error.response?.headers ?? {};
  if (error.status === 429) return true;
  return (
    error.status === 403 &&
    (headers['retry-after'] !== undefined ||
      String(headers['x-ratelimit-remaining']) === '0' ||
      /secondary rate limit/i.test(error.message ?? ''))
  );
}

/**
 * How long to wait before retrying a failed request, or undefined to give up. Rate limits wait what GitHub
 * asks (retry-after, or until x-ratelimit-reset; a minute for a secondary limit that names no time); server
 * errors back off exponentially, and only for methods that are safe to repeat: a POST that failed with 5xx may
 * have been carried out.
 */
export function retryDelayMs(
  error: HttpErrorLike,
  method: string,
  attempt: number,
  options: Required<Pick<ClientOptions, 'maxRetries' | 'retryBaseMs' | 'maxWaitMs'>>,
  nowMs: number,
): number | undefined {
  if (attempt >= options.maxRetries) return undefined;
  const headers = error.response?.headers ?? {};
  if (isRateLimited(error)) {
    const retryAfter = Number(headers['retry-after']);
    const reset = Number(headers['x-ratelimit-reset']);
    const wait =
      Number.isFinite(retryAfter) && headers['retry-after'] !== undefined
        ? retryAfter * 1000
        : String(headers['x-ratelimit-remaining']) === '0' && Number.isFinite(reset)
          ? reset * 1000 - nowMs + 1000
          : 60_000;
    return wait <= options.maxWaitMs ? Math.max(0, wait) : undefined;
  }
  if (error.status !== undefined && error.status >= 500 && IDEMPOTENT.has(method.toUpperCase()))
    return options.retryBaseMs * 2 ** attempt;
  return undefined;
}

/**
 * An octokit for the REST API with the token masked in logs and retries built in. GITHUB_API_URL (GitHub
 * Enterprise Server, or a local stand-in) is honoured.
 */
export async function createGitHubClient(token: string, options: ClientOptions = {}): Promise<GitHubClient> {
  core.setSecret(token);
  // Loaded on first use: only a pull request's run that posts a comment needs octokit.
  const { getOctokit } = await import('@actions/github');
  const policy = {
    maxRetries: options.maxRetries ?? 3,
    retryBaseMs: options.retryBaseMs ?? 1000,
    maxWaitMs: options.maxWaitMs ?? 120_000,
  };
  const client = getOctokit(token, {
    baseUrl: options.baseUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com',
  });
  client.hook.wrap('request', async (request, requestOptions) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(requestOptions);
      } catch (error) {
        const method = String(requestOptions.method ?? 'GET');
        const delay = retryDelayMs(error as HttpErrorLike, method, attempt, policy, Date.now());
        if (delay === undefined) throw error;
        const status = (error as HttpErrorLike).status;
        const why = isRateLimited(error as HttpErrorLike) ? 'a rate limit' : `HTTP ${status}`;
        core.info(
          `GitHub API ${method} ${String(requestOptions.url)} hit ${why}; retrying in ${Math.ceil(delay / 1000)} s (retry ${attempt + 1} of ${policy.maxRetries})`,
        );
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  });
  return client;
}

/** A size comment already on the pull request. */
export interface ExistingComment {
  id: number;
  url: string;
  body: string;
}

/** The pull request as the REST API's issue endpoints name it: a pull request is an issue with code. */
function issueOf(pr: PullRequestRef) {
  return { owner: pr.owner, repo: pr.repo, issue_number: pr.number };
}

/**
 * Finds this header's comment, paging through every comment of the pull request (oldest first). Only a comment
 * the token's own identity wrote counts: anyone may open a comment with the marker.
 */
export async function findSizeComment(
  client: GitHubClient,
  pr: PullRequestRef,
  header: string,
): Promise<ExistingComment | undefined> {
  const identity = await tokenIdentity(client);
  const pages = client.paginate.iterator(client.rest.issues.listComments, {
    ...issueOf(pr),
    per_page: 100,
  });
  for await (const page of pages) {
    const found = page.data.find(
      (c) => c.body !== undefined && isCommentFor(c.body, header) && isWrittenBy(c.user, identity),
    );
    if (found) return { id: found.id, url: found.html_url, body: found.body ?? '' };
  }
  return undefined;
}

/** What posting did. `forbidden`: the token may not write here (a fork's read-only token). */
export type PostOutcome =
  | { action: 'created' | 'updated'; commentId: number; url: string }
  | { action: 'unchanged'; commentId: number; url: string }
  | { action: 'skipped'; reason: string }
  | { action: 'forbidden'; status: number; message: string };

/** True when the API refused for lack of permission rather than a rate limit. */
export function isPermissionDenied(error: unknown): boolean {
  const e = error as HttpErrorLike;
  return e.status === 403 && !isRateLimited(e);
}

function status(error: unknown): number | undefined {
  return (error as HttpErrorLike).status;
}

async function createComment(
  client: GitHubClient,
  pr: PullRequestRef,
  body: string,
  header: string,
  sticky: boolean,
) {
  for (let attempt = 0; ; attempt++) {
    try {
      const { data } = await client.rest.issues.createComment({ ...issueOf(pr), body });
      return { action: 'created' as const, commentId: data.id, url: data.html_url };
    } catch (error) {
      // A create that failed with 5xx may have gone through: look before posting again, so a retry never
      // leaves two sticky comments.
      if (!sticky || attempt >= 2 || (status(error) ?? 0) < 500) throw error;
      core.info(`Creating the comment failed with HTTP ${status(error)}; checking whether it went through`);
      const existing = await findSizeComment(client, pr, header);
      if (existing) return updateComment(client, pr, existing, body, header);
    }
  }
}

async function updateComment(
  client: GitHubClient,
  pr: PullRequestRef,
  existing: ExistingComment,
  body: string,
  header: string,
): Promise<PostOutcome> {
  if (existing.body === body) return { action: 'unchanged', commentId: existing.id, url: existing.url };
  try {
    const { data } = await client.rest.issues.updateComment({
      owner: pr.owner,
      repo: pr.repo,
      comment_id: existing.id,
      body,
    });
    return { action: 'updated', commentId: data.id, url: data.html_url };
  } catch (error) {
    if (status(error) !== 404) throw error;
    core.info(`Comment ${existing.id} was deleted meanwhile; creating a new one`);
    return createComment(client, pr, body, header, true);
  }
}

/**
 * Posts the size comment as `options` say: finds the header's comment, then updates it, creates one, or leaves
 * the pull request alone. A 403 that is not a rate limit comes back as `forbidden` for the fork fallback.
 */
export async function postSizeComment(
  client: GitHubClient,
  pr: PullRequestRef,
  body: string,
  options: CommentOptions,
  facts: { changed: boolean; regression: boolean },
): Promise<PostOutcome> {
  if (options.mode === 'off') return { action: 'skipped', reason: 'comment is off' };
  try {
    const existing =
      options.mode === 'sticky' ? await findSizeComment(client, pr, options.header) : undefined;
    const decision = decideCommentAction(options, facts, existing?.id);
    if (decision.kind === 'skip') return { action: 'skipped', reason: decision.reason };
    if (decision.kind === 'update' && existing)
      return await updateComment(client, pr, existing, body, options.header);
    return await createComment(client, pr, body, options.header, options.mode === 'sticky');
  } catch (error) {
    if (isPermissionDenied(error))
      return { action: 'forbidden', status: 403, message: (error as HttpErrorLike).message ?? 'Forbidden' };
    throw error;
  }
}

/** Everything needed to put the size comment on a pull request. */
export interface PublishRequest {
  /** `github-token`; empty when the workflow gave none. */
  token: string;
  pr: PullRequestRef;
  headSha: string;
  body: string;
  /** What the body was rendered from, for the comment file. */
  data: CommentData;
  options: CommentOptions;
  facts: { changed: boolean; regression: boolean };
  /** Where the comment file goes when the token may not post (e.g. RUNNER_TEMP/setup-go-arm64). */
  fallbackDir: string;
  client?: ClientOptions;
}

export interface PublishResult {
  outcome: PostOutcome;
  /** The `comment-file` output, when the comment was kept for a later workflow to post. */
  commentFile?: string;
}

/**
 * Posts the size comment, or, when the token may not (a fork's read-only token, or none), keeps it in the job
 * summary and a comment file and warns once. Never fails for lack of permission.
 */
export async function publishSizeComment(request: PublishRequest): Promise<PublishResult> {
  if (request.options.mode === 'off') return { outcome: { action: 'skipped', reason: 'comment is off' } };
  const outcome: PostOutcome = request.token
    ? await postSizeComment(
        await createGitHubClient(request.token, request.client),
        request.pr,
        request.body,
        request.options,
        request.facts,
      )
    : { action: 'forbidden', status: 0, message: 'no github-token was given' };
  if (outcome.action !== 'forbidden') return { outcome };
  const commentFile = await deferComment({
    dir: request.fallbackDir,
    pullRequest: request.pr.number,
    headSha: request.headSha,
    header: request.options.header,
    body: request.body,
    data: request.data,
    reason: outcome.status ? `HTTP ${outcome.status}: ${outcome.message}` : outcome.message,
  });
  return { outcome, commentFile };
}
