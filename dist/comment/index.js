import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  createGitHubClient,
  postSizeComment,
  verifyCommentFile
} from "../chunks/chunk-TS4QA6TY.js";
import {
  InputError,
  info,
  parseCommentHeader
} from "../chunks/chunk-PM7YWOBP.js";
import {
  getInput,
  notice,
  setFailed,
  setOutput,
  setSecret
} from "../chunks/chunk-MY3REOT7.js";
import "../chunks/chunk-JO4DLYHU.js";

// src/entries/comment-action.ts
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
var MAX_FILE_BYTES = 1024 * 1024;
var MAX_COMMENT_FILES = 10;
async function commentFiles(input) {
  const info2 = await stat(input).catch(() => void 0);
  if (!info2) return [];
  if (info2.isFile()) return [input];
  const names = await readdir(input);
  return names.filter((name) => name.endsWith(".json")).sort().map((name) => path.join(input, name));
}
async function postOne(client, file, run2, expectedHeader, mode) {
  const size = (await stat(file)).size;
  if (size > MAX_FILE_BYTES)
    throw new Error(`${file} is refused: it has ${size} bytes, more than a comment file can`);
  let json;
  try {
    json = JSON.parse(await readFile(file, "utf8"));
  } catch {
    throw new Error(`${file} is refused: it is not JSON`);
  }
  const comment = verifyCommentFile(json, file, expectedHeader);
  if (comment.headSha !== run2.headSha)
    throw new Error(
      `${file} is refused: it is for commit ${comment.headSha.slice(0, 7)}, but the run that produced it built ${run2.headSha.slice(0, 7)}`
    );
  const { data: pr } = await client.rest.pulls.get({
    owner: run2.owner,
    repo: run2.repo,
    pull_number: comment.pullRequest
  });
  if (pr.head.sha !== run2.headSha) {
    notice(
      `Pull request #${pr.number} is now at ${pr.head.sha.slice(0, 7)}, not ${run2.headSha.slice(0, 7)}: its newer run will post the sizes`
    );
    return void 0;
  }
  if (run2.headRepo && pr.head.repo?.full_name !== run2.headRepo)
    throw new Error(`${file} is refused: pull request #${pr.number} does not come from ${run2.headRepo}`);
  if (pr.state !== "open") {
    notice(`Pull request #${pr.number} is ${pr.state}; not commenting`);
    return void 0;
  }
  const outcome = await postSizeComment(
    client,
    { owner: run2.owner, repo: run2.repo, number: pr.number },
    comment.body,
    { mode, on: "always", header: comment.header },
    { changed: true, regression: false }
  );
  if (outcome.action === "forbidden")
    throw new Error(
      `The token may not comment on pull request #${pr.number} (${outcome.message}); give this workflow permissions: pull-requests: write`
    );
  if (outcome.action === "skipped") return void 0;
  info(`Size comment ${outcome.action} on pull request #${pr.number}: ${outcome.url}`);
  return outcome.url;
}
async function run() {
  const token = getInput("github-token", { required: true });
  setSecret(token);
  const input = getInput("comment-file", { required: true });
  const headerInput = getInput("comment-header").trim();
  const expectedHeader = headerInput ? parseCommentHeader(headerInput) : void 0;
  const modeInput = getInput("comment").trim() || "sticky";
  if (modeInput !== "sticky" && modeInput !== "new")
    throw new InputError("comment", `Input comment is ${JSON.stringify(modeInput)}`, "use sticky or new");
  const eventName = process.env.GITHUB_EVENT_NAME ?? "";
  if (eventName !== "workflow_run")
    throw new Error(
      `This action posts comments from a workflow_run workflow (the run event here is ${eventName || "unknown"}): it checks the comment against the run that produced it`
    );
  const payload = JSON.parse(
    await readFile(process.env.GITHUB_EVENT_PATH ?? "", "utf8")
  );
  const headSha = payload.workflow_run?.head_sha;
  const owner = payload.repository?.owner?.login;
  const repo = payload.repository?.name;
  if (!headSha || !owner || !repo)
    throw new Error("The workflow_run event names no head commit or repository");
  const headRepo = payload.workflow_run?.head_repository?.full_name;
  if (!headRepo)
    throw new Error(
      "The workflow_run event names no head repository (the fork may have been deleted), so the pull request the comment file claims cannot be checked against the run that produced it; nothing was posted"
    );
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const files = await commentFiles(path.resolve(workspace, input));
  if (files.length === 0) {
    info(
      `No comment file at ${input}: nothing to post (the run had nothing to say, or posted it itself)`
    );
    return;
  }
  if (files.length > MAX_COMMENT_FILES)
    throw new Error(
      `${input} holds ${files.length} comment files, more than the ${MAX_COMMENT_FILES} one run writes at most (one per comment-header); nothing was posted`
    );
  const client = await createGitHubClient(token);
  let lastUrl;
  for (const file of files) {
    const url = await postOne(client, file, { owner, repo, headSha, headRepo }, expectedHeader, modeInput);
    if (url) lastUrl = url;
  }
  if (lastUrl) setOutput("comment-url", lastUrl);
}
run().catch((error) => {
  setFailed(error instanceof Error ? error.message : String(error));
});
