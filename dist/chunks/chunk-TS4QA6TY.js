import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  compareReports,
  decideCommentAction,
  headerSlug,
  info,
  isCommentFor,
  judge,
  parseCommentHeader,
  parseReport,
  parseSizeLimit,
  parseTargets,
  renderNoBaseComment,
  renderSizeComment,
  targetName
} from "./chunk-PM7YWOBP.js";
import {
  setSecret,
  summary,
  warning
} from "./chunk-MY3REOT7.js";

// src/core/compare/build-info-check.ts
var MODULE_PATH = /^[A-Za-z0-9._~+/-]{1,300}$/;
var MODULE_VERSION = /^(?:v[0-9A-Za-z.+-]{1,120}|\(devel\)|)$/;
var MODULE_SUM = /^h1:[A-Za-z0-9+/]{43}=$/;
var TOOLCHAIN = /^go[0-9]{1,3}(?:\.[0-9]{1,3}){1,2}(?:(?:rc|beta)[0-9]{1,2})?(?: X:[A-Za-z0-9,]{1,200})?$/;
var SETTING_KEY = /^[A-Za-z0-9._-]{1,64}$/;
function unplainModule(module) {
  if (!MODULE_PATH.test(module.path)) return `module path ${JSON.stringify(module.path)}`;
  if (!MODULE_VERSION.test(module.version))
    return `version ${JSON.stringify(module.version)} of ${module.path}`;
  if (module.sum !== void 0 && !MODULE_SUM.test(module.sum)) return `sum ${JSON.stringify(module.sum)}`;
  return module.replace && unplainModule(module.replace);
}
function unplainBuildInfoText(info2) {
  if (!TOOLCHAIN.test(info2.goVersion)) return `goVersion ${JSON.stringify(info2.goVersion)}`;
  for (const module of [...info2.main ? [info2.main] : [], ...info2.deps]) {
    const unplain = unplainModule(module);
    if (unplain) return unplain;
  }
  const key = Object.keys(info2.settings).find((k) => !SETTING_KEY.test(k));
  return key === void 0 ? void 0 : `setting ${JSON.stringify(key)}`;
}

// src/core/compare/comment-file.ts
var COMMENT_FILE_SCHEMA = "setup-go-arm64/size-comment";
var COMMENT_FILE_VERSION = 2;
function createCommentFile(pullRequest, headSha, header, data) {
  return {
    schema: COMMENT_FILE_SCHEMA,
    version: COMMENT_FILE_VERSION,
    pullRequest,
    headSha,
    header,
    head: data.head,
    ...data.base ? { base: data.base } : {},
    thresholds: data.thresholds
  };
}
function thresholdTexts(thresholds) {
  return {
    ...thresholds.perTarget ? { perTarget: thresholds.perTarget.text } : {},
    ...thresholds.total ? { total: thresholds.total.text } : {}
  };
}
var FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
var PACKAGE_PATH = /^[A-Za-z0-9._~+/-]{1,200}$/;
var ATTRIBUTION_GROUPS = /* @__PURE__ */ new Set(["type:", "go:", "(assembly and C)"]);
var LDFLAG = /^-{1,2}[A-Za-z][A-Za-z0-9_]*(?:=[A-Za-z0-9._~+/={},-]*)?$/;
var LDFLAG_VALUE = /^[A-Za-z0-9._~+/={},'"-]{1,200}$/;
var LDFLAGS_WITH_VALUE = new Set(
  "X B E H I L R T buildid buildmode extar extld extldflags importcfg installsuffix k libgcc linkmode o pluginpath r tmpdir".split(
    " "
  )
);
var FILE_HEADER = /^[A-Za-z0-9._/-]{1,100}$/;
function unsafeReportText(report) {
  const words = report.flags.ldflags.split(" ").filter(Boolean);
  const badWord = words.find((word, i) => {
    if (LDFLAG.test(word)) return false;
    const previous = words[i - 1];
    const takesValue = previous !== void 0 && LDFLAGS_WITH_VALUE.has(previous.replace(/^-{1,2}/, ""));
    return !(takesValue && LDFLAG_VALUE.test(word));
  });
  if (badWord !== void 0) return `flags.ldflags holds ${JSON.stringify(badWord)}, which is no linker flag`;
  for (const [i, target] of report.targets.entries()) {
    const name = targetName({
      goos: target.goos,
      goarch: target.goarch,
      ...target.variant ? { variant: target.variant } : {}
    });
    let parsed;
    try {
      parsed = parseTargets(name).map(targetName).join(" ");
    } catch {
      parsed = void 0;
    }
    if (parsed !== name) return `targets[${i}] is ${JSON.stringify(name)}, not a Go target`;
    if (!PACKAGE_PATH.test(target.package))
      return `targets[${i}].package ${JSON.stringify(target.package)} is not a Go package path`;
    const group = target.attribution?.find(
      (p) => !PACKAGE_PATH.test(p.package) && !ATTRIBUTION_GROUPS.has(p.package)
    );
    if (group) return `targets[${i}].attribution names ${JSON.stringify(group.package)}, not a Go package`;
    const unplain = target.buildInfo && unplainBuildInfoText(target.buildInfo);
    if (unplain) return `targets[${i}].buildInfo has ${unplain}, which is not plain text`;
  }
  return void 0;
}
function checkedReport(json, field, reject) {
  let report;
  try {
    report = parseReport(json, field);
  } catch (error) {
    return reject(error.message);
  }
  const unsafe = unsafeReportText(report);
  return unsafe ? reject(`${field}: ${unsafe}`) : report;
}
function checkedThresholds(json, reject) {
  if (typeof json !== "object" || json === null || Array.isArray(json)) reject("thresholds is not an object");
  const texts = json;
  const limit = (field, inputName) => {
    const text = texts[field];
    if (text === void 0) return void 0;
    if (typeof text !== "string") return reject(`thresholds.${field} is not text`);
    try {
      const parsed = parseSizeLimit(text, inputName);
      if (!parsed || parsed.text !== text) reject(`thresholds.${field} is not a ${inputName} value`);
      return parsed;
    } catch {
      return reject(`thresholds.${field} is not a ${inputName} value`);
    }
  };
  const perTarget = limit("perTarget", "fail-on-size-increase");
  const total = limit("total", "fail-on-total-increase");
  return { ...perTarget ? { perTarget } : {}, ...total ? { total } : {} };
}
function checkedHeader(value, expectedHeader, reject) {
  if (typeof value !== "string") return reject("header is not text");
  if (expectedHeader !== void 0) {
    if (value !== expectedHeader)
      reject(`the comment is for header ${JSON.stringify(value)}, not ${JSON.stringify(expectedHeader)}`);
    return value;
  }
  let header;
  try {
    header = parseCommentHeader(value);
  } catch {
    header = void 0;
  }
  if (header !== value || !FILE_HEADER.test(value))
    reject(
      `its header ${JSON.stringify(value)} is not made of letters, digits and . _ / - (name it with the comment-header input to post it)`
    );
  return value;
}
function verifyCommentFile(json, source, expectedHeader) {
  const reject = (why) => {
    throw new Error(`${source} is refused: ${why}`);
  };
  if (typeof json !== "object" || json === null || Array.isArray(json)) reject("it is not a JSON object");
  const file = json;
  if (file.schema !== COMMENT_FILE_SCHEMA) reject("it is not a setup-go-arm64 size comment file");
  if (file.version === 1)
    reject(
      `it is a version 1 comment file, which carries a rendered comment that is never posted as it is; update setup-go-arm64 in the pull request workflow to the release of this comment action, whose file (version ${COMMENT_FILE_VERSION}) carries the sizes instead`
    );
  if (file.version !== COMMENT_FILE_VERSION)
    reject(
      `its version is ${JSON.stringify(file.version)}; this comment action reads version ${COMMENT_FILE_VERSION}`
    );
  if ("body" in file)
    reject("it carries a markdown body, which is never posted; the comment is rendered from the sizes");
  if (typeof file.pullRequest !== "number" || !Number.isSafeInteger(file.pullRequest) || file.pullRequest < 1)
    reject("pullRequest is not a pull request number");
  if (typeof file.headSha !== "string" || !FULL_SHA.test(file.headSha))
    reject("headSha is not a full commit SHA");
  const header = checkedHeader(file.header, expectedHeader, reject);
  const head = checkedReport(file.head, "head", reject);
  const thresholds = checkedThresholds(file.thresholds, reject);
  const headSha = file.headSha;
  let body;
  if (file.base === void 0) {
    const reason = "the pull request\u2019s run had no base report (its job summary says why)";
    body = renderNoBaseComment({ header, headCommit: headSha }, head, reason);
  } else {
    const base = file.base;
    if (typeof base !== "object" || base === null) reject("base is not an object");
    const commit = base?.commit;
    if (commit !== null && (typeof commit !== "string" || !FULL_SHA.test(commit)))
      reject("base.commit is not a full commit SHA or null");
    const comparison = compareReports(checkedReport(base?.report, "base.report", reject), head);
    body = renderSizeComment(
      { header, headCommit: headSha, baseCommit: commit },
      comparison,
      judge(comparison, thresholds)
    );
  }
  return { pullRequest: file.pullRequest, headSha, header, body };
}

// src/io/github/fork-fallback.ts
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
var FORK_SECTION = "pull-requests-from-forks";
function forkHelpUrl(env = process.env) {
  const server = env.GITHUB_SERVER_URL || "https://github.com";
  const repository = env.GITHUB_ACTION_REPOSITORY || "org/setup-go-arm64";
  return `${server}/${repository}#${FORK_SECTION}`;
}
async function deferComment(comment) {
  await mkdir(comment.dir, { recursive: true });
  const file = path.join(comment.dir, `size-comment-${headerSlug(comment.header)}.json`);
  const content = createCommentFile(comment.pullRequest, comment.headSha, comment.header, comment.data);
  await writeFile(file, JSON.stringify(content, null, 2) + "\n");
  await summary.addRaw(comment.body, true).write();
  warning(
    `The size comment could not be posted on pull request #${comment.pullRequest} (${comment.reason}); this is expected for a pull request from a fork, whose token is read-only. The comment is in the job summary and in ${file} (the comment-file output): upload it as an artifact and post it from a workflow_run workflow, see ${forkHelpUrl()}`,
    { title: "Size comment not posted" }
  );
  return file;
}
function untrustedCheckout(eventName, payload, checkedOutSha) {
  if (!checkedOutSha) return void 0;
  const event = payload;
  if (eventName === "pull_request_target") {
    const pr = event?.pull_request;
    if (!pr?.head?.sha) return void 0;
    const headRepo = pr.head.repo?.full_name;
    const fromFork = !headRepo || headRepo !== pr.base?.repo?.full_name;
    const checkedOutHead = checkedOutSha === pr.head.sha || checkedOutSha === pr.merge_commit_sha;
    if (!fromFork || !checkedOutHead) return void 0;
    return { eventName, sha: checkedOutSha, ...headRepo ? { headRepo } : {} };
  }
  if (eventName === "workflow_run") {
    const run = event?.workflow_run;
    if (!run?.head_sha || checkedOutSha !== run.head_sha) return void 0;
    const headRepo = run.head_repository?.full_name;
    if (headRepo && headRepo === event?.repository?.full_name) return void 0;
    return { eventName, sha: checkedOutSha, ...headRepo ? { headRepo } : {} };
  }
  return void 0;
}
function untrustedCheckoutWarning(checkout, helpUrl) {
  if (!checkout) return void 0;
  return `This ${checkout.eventName} run is building ${checkout.sha.slice(0, 7)} from ${checkout.headRepo ?? "a deleted fork"}: untrusted code runs here with a token that can write to this repository, so its caches are not saved. Build pull requests under pull_request and post the size comment from a workflow_run workflow instead, see ${helpUrl}`;
}

// src/io/github/identity.ts
var GITHUB_ACTIONS_BOT = { login: "github-actions[bot]", type: "Bot" };
var known = /* @__PURE__ */ new WeakMap();
function typeOf(login) {
  return login.endsWith("[bot]") ? "Bot" : "User";
}
async function lookUp(client) {
  try {
    const { data } = await client.rest.users.getAuthenticated();
    return { login: data.login, type: data.type === "Bot" ? "Bot" : typeOf(data.login) };
  } catch (error) {
    if (error.status !== 403) throw error;
  }
  try {
    const { viewer } = await client.graphql("query { viewer { login } }");
    return { login: viewer.login, type: typeOf(viewer.login) };
  } catch (error) {
    info(
      `Could not ask GitHub who the token is (${error.message.split("\n")[0]}); taking it for ${GITHUB_ACTIONS_BOT.login}, as GITHUB_TOKEN is`
    );
    return GITHUB_ACTIONS_BOT;
  }
}
function tokenIdentity(client) {
  let identity = known.get(client);
  if (!identity) {
    identity = lookUp(client);
    known.set(client, identity);
    identity.catch(() => known.delete(client));
  }
  return identity;
}
function isWrittenBy(author, identity) {
  return author?.login === identity.login && author.type === identity.type;
}

// src/io/github/pr-comment.ts
var IDEMPOTENT = /* @__PURE__ */ new Set(["GET", "HEAD", "PUT", "PATCH", "DELETE"]);
function isRateLimited(error) {
  const headers = error.response?.headers ?? {};
  if (error.status === 429) return true;
  return error.status === 403 && (headers["retry-after"] !== void 0 || String(headers["x-ratelimit-remaining"]) === "0" || /secondary rate limit/i.test(error.message ?? ""));
}
function retryDelayMs(error, method, attempt, options, nowMs) {
  if (attempt >= options.maxRetries) return void 0;
  const headers = error.response?.headers ?? {};
  if (isRateLimited(error)) {
    const retryAfter = Number(headers["retry-after"]);
    const reset = Number(headers["x-ratelimit-reset"]);
    const wait = Number.isFinite(retryAfter) && headers["retry-after"] !== void 0 ? retryAfter * 1e3 : String(headers["x-ratelimit-remaining"]) === "0" && Number.isFinite(reset) ? reset * 1e3 - nowMs + 1e3 : 6e4;
    return wait <= options.maxWaitMs ? Math.max(0, wait) : void 0;
  }
  if (error.status !== void 0 && error.status >= 500 && IDEMPOTENT.has(method.toUpperCase()))
    return options.retryBaseMs * 2 ** attempt;
  return void 0;
}
async function createGitHubClient(token, options = {}) {
  setSecret(token);
  const { getOctokit } = await import("./github-T22V5HAM.js");
  const policy = {
    maxRetries: options.maxRetries ?? 3,
    retryBaseMs: options.retryBaseMs ?? 1e3,
    maxWaitMs: options.maxWaitMs ?? 12e4
  };
  const client = getOctokit(token, {
    baseUrl: options.baseUrl ?? process.env.GITHUB_API_URL ?? "https://api.github.com"
  });
  client.hook.wrap("request", async (request, requestOptions) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(requestOptions);
      } catch (error) {
        const method = String(requestOptions.method ?? "GET");
        const delay = retryDelayMs(error, method, attempt, policy, Date.now());
        if (delay === void 0) throw error;
        const status2 = error.status;
        const why = isRateLimited(error) ? "a rate limit" : `HTTP ${status2}`;
        info(
          `GitHub API ${method} ${String(requestOptions.url)} hit ${why}; retrying in ${Math.ceil(delay / 1e3)} s (retry ${attempt + 1} of ${policy.maxRetries})`
        );
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  });
  return client;
}
function issueOf(pr) {
  return { owner: pr.owner, repo: pr.repo, issue_number: pr.number };
}
async function findSizeComment(client, pr, header) {
  const identity = await tokenIdentity(client);
  const pages = client.paginate.iterator(client.rest.issues.listComments, {
    ...issueOf(pr),
    per_page: 100
  });
  for await (const page of pages) {
    const found = page.data.find(
      (c) => c.body !== void 0 && isCommentFor(c.body, header) && isWrittenBy(c.user, identity)
    );
    if (found) return { id: found.id, url: found.html_url, body: found.body ?? "" };
  }
  return void 0;
}
function isPermissionDenied(error) {
  const e = error;
  return e.status === 403 && !isRateLimited(e);
}
function status(error) {
  return error.status;
}
async function createComment(client, pr, body, header, sticky) {
  for (let attempt = 0; ; attempt++) {
    try {
      const { data } = await client.rest.issues.createComment({ ...issueOf(pr), body });
      return { action: "created", commentId: data.id, url: data.html_url };
    } catch (error) {
      if (!sticky || attempt >= 2 || (status(error) ?? 0) < 500) throw error;
      info(`Creating the comment failed with HTTP ${status(error)}; checking whether it went through`);
      const existing = await findSizeComment(client, pr, header);
      if (existing) return updateComment(client, pr, existing, body, header);
    }
  }
}
async function updateComment(client, pr, existing, body, header) {
  if (existing.body === body) return { action: "unchanged", commentId: existing.id, url: existing.url };
  try {
    const { data } = await client.rest.issues.updateComment({
      owner: pr.owner,
      repo: pr.repo,
      comment_id: existing.id,
      body
    });
    return { action: "updated", commentId: data.id, url: data.html_url };
  } catch (error) {
    if (status(error) !== 404) throw error;
    info(`Comment ${existing.id} was deleted meanwhile; creating a new one`);
    return createComment(client, pr, body, header, true);
  }
}
async function postSizeComment(client, pr, body, options, facts) {
  if (options.mode === "off") return { action: "skipped", reason: "comment is off" };
  try {
    const existing = options.mode === "sticky" ? await findSizeComment(client, pr, options.header) : void 0;
    const decision = decideCommentAction(options, facts, existing?.id);
    if (decision.kind === "skip") return { action: "skipped", reason: decision.reason };
    if (decision.kind === "update" && existing)
      return await updateComment(client, pr, existing, body, options.header);
    return await createComment(client, pr, body, options.header, options.mode === "sticky");
  } catch (error) {
    if (isPermissionDenied(error))
      return { action: "forbidden", status: 403, message: error.message ?? "Forbidden" };
    throw error;
  }
}
async function publishSizeComment(request) {
  if (request.options.mode === "off") return { outcome: { action: "skipped", reason: "comment is off" } };
  const outcome = request.token ? await postSizeComment(
    await createGitHubClient(request.token, request.client),
    request.pr,
    request.body,
    request.options,
    request.facts
  ) : { action: "forbidden", status: 0, message: "no github-token was given" };
  if (outcome.action !== "forbidden") return { outcome };
  const commentFile = await deferComment({
    dir: request.fallbackDir,
    pullRequest: request.pr.number,
    headSha: request.headSha,
    header: request.options.header,
    body: request.body,
    data: request.data,
    reason: outcome.status ? `HTTP ${outcome.status}: ${outcome.message}` : outcome.message
  });
  return { outcome, commentFile };
}

export {
  thresholdTexts,
  verifyCommentFile,
  forkHelpUrl,
  untrustedCheckout,
  untrustedCheckoutWarning,
  createGitHubClient,
  postSizeComment,
  publishSizeComment
};
