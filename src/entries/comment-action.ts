// The `comment` sub-action: posts size comments that a pull request's read-only run (a fork) could not, from a
// workflow_run workflow that has a write token. The comment file comes from untrusted code, so it carries data,
// not markdown: its Reports are checked and the comment is rendered here, and everything it claims is checked
// against what GitHub itself says before anything is posted.
// An entry point, like main.ts: the shell that reads inputs and files.
import * as core from '../io/log.js';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseCommentHeader } from '../core/compare/comment.js';
import { verifyCommentFile } from '../core/compare/comment-file.js';
import { InputError } from '../core/errors.js';
import { createGitHubClient, postSizeComment, type GitHubClient } from '../io/github/pr-comment.js';

/** Comment files are small; anything larger is not one. */
const MAX_FILE_BYTES = 1024 * 1024;

interface WorkflowRunPayload {
  workflow_run?: { head_sha?: string; event?: string; head_repository?: { full_name?: string } | null };
  repository?: { name?: string; owner?: { login?: string } };
}

/** One run writes one comment file per comment-header; an artifact holding more was not made by the action. */
const MAX_COMMENT_FILES = 10;

async function commentFiles(input: string): Promise<string[]> {
  const info = await stat(input).catch(() => undefined);
  if (!info) return [];
  if (info.isFile()) return [input];
  const names = await readdir(input);
  return names
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => path.join(input, name));
}

async function postOne(
  client: GitHubClient,
  file: string,
  run: { owner: string; repo: string; headSha: string; headRepo?: string },
  expectedHeader: string | undefined,
  mode: 'sticky' | 'new',
): Promise<string | undefined> {
  const size = (await stat(file)).size;
  if (size > MAX_FILE_BYTES)
    throw new Error(`${file} is refused: it has ${size} bytes, more than a comment file can`);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    throw new Error(`${file} is refused: it is not JSON`);
  }
  const comment = verifyCommentFile(json, file, expectedHeader);
  if (comment.headSha !== run.headSha)
    throw new Error(
      `${file} is refused: it is for commit ${comment.headSha.slice(0, 7)}, but the run that produced it built ${run.headSha.slice(0, 7)}`,
    );

  // The number in the file is only a claim: GitHub must confirm an open pull request whose head is that commit.
  const { data: pr } = await client.rest.pulls.get({
    owner: run.owner,
    repo: run.repo,
    pull_number: comment.pullRequest,
  });
  if (pr.head.sha !== run.headSha) {
    core.notice(
      `Pull request #${pr.number} is now at ${pr.head.sha.slice(0, 7)}, not ${run.headSha.slice(0, 7)}: its newer run will post the sizes`,
    );
    return undefined;
  }
  if (run.headRepo && pr.head.repo?.full_name !== run.headRepo)
    throw new Error(`${file} is refused: pull request #${pr.number} does not come from ${run.headRepo}`);
  if (pr.state !== 'open') {
    core.notice(`Pull request #${pr.number} is ${pr.state}; not commenting`);
    return undefined;
  }
  const outcome = await postSizeComment(
    client,
    { owner: run.owner, repo: run.repo, number: pr.number },
    comment.body,
    { mode, on: 'always', header: comment.header },
    { changed: true, regression: false },
  );
  if (outcome.action === 'forbidden')
    throw new Error(
      `The token may not comment on pull request #${pr.number} (${outcome.message}); give this workflow permissions: pull-requests: write`,
    );
  if (outcome.action === 'skipped') return undefined;
  core.info(`Size comment ${outcome.action} on pull request #${pr.number}: ${outcome.url}`);
  return outcome.url;
}

async function run(): Promise<void> {
  const token = core.getInput('github-token', { required: true });
  core.setSecret(token);
  const input = core.getInput('comment-file', { required: true });
  const headerInput = core.getInput('comment-header').trim();
  const expectedHeader = headerInput ? parseCommentHeader(headerInput) : undefined;
  const modeInput = core.getInput('comment').trim() || 'sticky';
  if (modeInput !== 'sticky' && modeInput !== 'new')
    throw new InputError('comment', `Input comment is ${JSON.stringify(modeInput)}`, 'use sticky or new');

  const eventName = process.env.GITHUB_EVENT_NAME ?? '';
  if (eventName !== 'workflow_run')
    throw new Error(
      `This action posts comments from a workflow_run workflow (the run event here is ${eventName || 'unknown'}): ` +
        `it checks the comment against the run that produced it`,
    );
  const payload = JSON.parse(
    await readFile(process.env.GITHUB_EVENT_PATH ?? '', 'utf8'),
  ) as WorkflowRunPayload;
  const headSha = payload.workflow_run?.head_sha;
  const owner = payload.repository?.owner?.login;
  const repo = payload.repository?.name;
  if (!headSha || !owner || !repo)
    throw new Error('The workflow_run event names no head commit or repository');
  const headRepo = payload.workflow_run?.head_repository?.full_name;
  // Without it the pull request cannot be matched to the run that made the artifact (a deleted fork, a
  // hand-made event): post nothing rather than trust the file.
  if (!headRepo)
    throw new Error(
      'The workflow_run event names no head repository (the fork may have been deleted), so the pull request the ' +
        'comment file claims cannot be checked against the run that produced it; nothing was posted',
    );

  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const files = await commentFiles(path.resolve(workspace, input));
  if (files.length === 0) {
    core.info(
      `No comment file at ${input}: nothing to post (the run had nothing to say, or posted it itself)`,
    );
    return;
  }
  if (files.length > MAX_COMMENT_FILES)
    throw new Error(
      `${input} holds ${files.length} comment files, more than the ${MAX_COMMENT_FILES} one run writes at most (one per comment-header); nothing was posted`,
    );
  const client = await createGitHubClient(token);
  let lastUrl: string | undefined;
  for (const file of files) {
    const url = await postOne(client, file, { owner, repo, headSha, headRepo }, expectedHeader, modeInput);
    if (url) lastUrl = url;
  }
  if (lastUrl) core.setOutput('comment-url', lastUrl);
}

run().catch((error: unknown) => {
  core.setFailed(error instanceof Error ? error.message : String(error));
});
