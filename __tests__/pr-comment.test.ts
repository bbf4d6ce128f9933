// The size comment end to end: a real Go module in a real git history (the pull request adds a dependency, so its
// binary grows), the base built for real at the merge-base in a worktree, and the comment posted through
// @actions/github's octokit to a stand-in of GitHub's REST API on 127.0.0.1 that records every request.
import { randomBytes } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  commentMarker,
  readCommentOptions,
  renderNoBaseComment,
  renderSizeComment,
  type CommentOptions,
} from '../src/core/compare/comment.js';
import { verifyCommentFile, type CommentData } from '../src/core/compare/comment-file.js';
import { compareReports, type SizeComparison } from '../src/core/compare/compare.js';
import { judge, readThresholds, type Verdict } from '../src/core/compare/thresholds.js';
import { git, type BaseReport } from '../src/io/github/base-report.js';
import { resolveBaseReport, type ResolveBaseOptions } from '../src/io/github/resolve-base.js';
import { forkHelpUrl, untrustedCheckout, untrustedCheckoutWarning } from '../src/io/github/fork-fallback.js';
import { publishSizeComment, retryDelayMs, type PublishResult } from '../src/io/github/pr-comment.js';
import type { Report, TargetResult } from '../src/core/report/report.js';
import { runAction } from '../scripts/local-runner.js';
import { buildModuleReport, helloHistory } from './fixtures/builds/pr-history.js';
import { captureLog, startGitHubApi, type CapturedLog, type GitHubApi } from '../test/support/github-api.js';
import { saveLog } from '../test/support/log-scan.js';
import { recordCase, recordSecret } from '../test/support/suite-counts.js';

const repoRoot = path.resolve(import.meta.dirname, '..');
const OWNER = 'octo';
const REPO = 'hello';
const PR_NUMBER = 7;
const WRITE_TOKEN = `ghs_${randomBytes(18).toString('hex')}`;
const READ_TOKEN = `ghs_${randomBytes(18).toString('hex')}`;
// The suite's log scan looks for both in every log a test saved.
recordSecret(WRITE_TOKEN, 'the pull-request tests’ write token');
recordSecret(READ_TOKEN, 'the pull-request tests’ read-only token');
const pr = { owner: OWNER, repo: REPO, number: PR_NUMBER };

const savedEnv = { ...process.env };
let api: GitHubApi;
let root: string;
let temp: string;
let summaryFile: string;
/** Everything this process logged while the code under test ran, test by test. */
const logs: string[] = [];
let log: CapturedLog;

/** A (merge-base, on the base branch) → B (base tip); A → C (head: adds golang.org/x/text/collate). */
const commits = { a: '', b: '', c: '' };
let clone: string;
let head: Report;
let base: BaseReport;
let comparison: SizeComparison;

/** `go build -trimpath -ldflags=-s -w` for each target, without the network, measured from the files. */
function buildModule(moduleDir: string, targets: string[], outDir: string, commit: string): Promise<Report> {
  const flags = { ldflags: '-s -w', trimpath: true, cgo: false };
  return buildModuleReport({ moduleDir, targets, outDir, commit, flags, root });
}

/** The pull request's (B ← C) base report from the clone, as the action resolves it for `setting`. */
function resolveBase(
  setting: ResolveBaseOptions['setting'],
  header: string,
  buildAt?: ResolveBaseOptions['buildAt'],
) {
  return resolveBaseReport({
    setting,
    pullRequest: { baseSha: commits.b, headSha: commits.c },
    repoDir: clone,
    temp,
    header,
    buildAt,
  });
}

function options(overrides: Record<string, string> = {}): CommentOptions {
  return readCommentOptions((name) => overrides[name] ?? '');
}

function verdictFor(limit: string): Verdict {
  return judge(
    comparison,
    readThresholds((name) => (name === 'fail-on-size-increase' ? limit : '')),
  );
}

function bodyFor(header: string, verdict: Verdict): string {
  return renderSizeComment(
    { header, baseCommit: base.commit, headCommit: commits.c, baseSource: base.source },
    comparison,
    verdict,
  );
}

/** What the pull request's run knows when it posts: the two Reports and its limits. */
function runData(thresholds: CommentData['thresholds'] = {}): CommentData {
  return { head, base: { report: base.report, commit: base.commit }, thresholds };
}

async function publish(
  body: string,
  commentOptions: CommentOptions,
  token = WRITE_TOKEN,
  facts = { changed: comparison.changed, regression: false },
  data = runData(),
): Promise<PublishResult> {
  return publishSizeComment({
    token,
    pr,
    headSha: commits.c,
    body,
    data,
    options: commentOptions,
    facts,
    fallbackDir: path.join(temp, 'setup-go-arm64'),
    client: { retryBaseMs: 200 },
  });
}

/** The comment under `header`, judged against a fail-on-size-increase of `limit`, published with `token`. */
function publishUnder(header: string, limit: string, token = WRITE_TOKEN): Promise<PublishResult> {
  return publish(bodyFor(header, verdictFor(limit)), options({ 'comment-header': header }), token);
}

function markerComments(header: string) {
  return api.comments(OWNER, REPO, PR_NUMBER).filter((c) => c.body.startsWith(commentMarker(header)));
}

function requestsSince(mark: number) {
  return api.requests.slice(mark).map((r) => `${r.method} ${r.path} ${r.status}`);
}

/** How an installation token (GITHUB_TOKEN) learns who it comments as: GET /user is closed to it. */
const WHO_AM_I = ['GET /user 403', 'POST /graphql 200'];

const listPage = (page: number) =>
  `GET /repos/${OWNER}/${REPO}/issues/${PR_NUMBER}/comments?per_page=100${page > 1 ? `&page=${page}` : ''} 200`;
/** What a publish with GITHUB_TOKEN asks of GitHub: who it comments as, the comments (two pages), then `writes`. */
const publishRequests = (...writes: string[]) => [...WHO_AM_I, listPage(1), listPage(2), ...writes];
/** How the comment sub-action checks the pull request is still open at the run's head commit. */
const PULL_REQUEST_READ = `GET /repos/${OWNER}/${REPO}/pulls/${PR_NUMBER} 200`;
const createRequest = (status: number) =>
  `POST /repos/${OWNER}/${REPO}/issues/${PR_NUMBER}/comments ${status}`;
const updateRequest = (commentId: number | undefined, status: number) =>
  `PATCH /repos/${OWNER}/${REPO}/issues/comments/${commentId} ${status}`;

beforeAll(async () => {
  api = await startGitHubApi();
  api.addToken(WRITE_TOKEN, 'write');
  api.addToken(READ_TOKEN, 'read');
  root = await mkdtemp(path.join(os.tmpdir(), 'pr-comment-'));
  temp = path.join(root, 'runner-temp');
  summaryFile = path.join(temp, 'step-summary.md');
  await mkdir(temp, { recursive: true });
  await writeFile(summaryFile, '');
  for (const name of ['ACTIONS_RESULTS_URL', 'ACTIONS_CACHE_URL', 'ACTIONS_RUNTIME_TOKEN', 'GITHUB_TOKEN'])
    delete process.env[name];
  Object.assign(process.env, {
    GITHUB_API_URL: api.url,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_ACTION_REPOSITORY: 'org/setup-go-arm64',
    RUNNER_TEMP: temp,
  });

  // The repository: examples/hello at A; the base branch moves on to B; the pull request's C uses collate.
  const history = await helloHistory(
    root,
    (mainGo) =>
      mainGo
        .replace(
          '"golang.org/x/text/language"',
          '"golang.org/x/text/collate"\n\t"golang.org/x/text/language"',
        )
        .replace(
          '\tprinter := message.NewPrinter(tag)',
          '\tcollate.New(tag).SortStrings(names)\n\tprinter := message.NewPrinter(tag)',
        ),
    'Sort names the way the language does',
  );
  Object.assign(commits, { a: history.a, b: history.b, c: history.c });
  clone = history.clone;

  head = await buildModule(clone, ['linux/amd64', 'darwin/arm64'], path.join(root, 'out-head'), commits.c);
  log = captureLog();
  try {
    // The pull request also changes the targets: linux/arm64 is dropped and darwin/arm64 added.
    const resolved = await resolveBase({ kind: 'auto' }, 'setup-go-arm64', (_root, inWorktree) =>
      buildModule(inWorktree(clone), ['linux/amd64', 'linux/arm64'], path.join(root, 'out-base'), 'unknown'),
    );
    if (!resolved.report) throw new Error(`no base: ${resolved.reason}`);
    base = resolved;
  } finally {
    log.stop();
    logs.push(log.text());
  }
  comparison = compareReports(base.report, head);
}, 300_000);

afterAll(async () => {
  // What the code under test logged in this process, for the suite's log scan (runner steps save their own).
  saveLog('pr-comment-in-process', logs.join('\n'));
  await api?.stop();
  for (const name of Object.keys(process.env)) if (!(name in savedEnv)) delete process.env[name];
  Object.assign(process.env, savedEnv);
  if (root) await rm(root, { recursive: true, force: true });
});

beforeEach(() => {
  log = captureLog();
});
afterEach(() => {
  log.stop();
  logs.push(log.text());
});

describe('the base, built at the merge-base', () => {
  it('is the commit the pull request branched off, fetched into the shallow clone and built in a worktree', async () => {
    expect(base.commit).toBe(commits.a);
    expect(base.report.commit).toBe(commits.a);
    expect(base.source).toBe('a build of the merge-base');
    const said = logs[0] ?? '';
    expect(said).toContain(`fetching it: git fetch --no-tags --depth=1 origin ${commits.b}`);
    expect(said).toContain('git fetch --deepen=50');
    expect((await git(clone, ['worktree', 'list'])).split('\n')).toHaveLength(1);
  });

  it('grows with the new dependency, measured from the files themselves', async () => {
    const amd64 = comparison.rows.find((r) => r.target === 'linux/amd64');
    const baseFile = await stat(path.join(root, 'out-base', 'hello_linux_amd64'));
    const headFile = await stat(path.join(root, 'out-head', 'hello_linux_amd64'));
    expect(amd64).toMatchObject({
      status: 'changed',
      baseBytes: baseFile.size,
      headBytes: headFile.size,
      deltaBytes: headFile.size - baseFile.size,
    });
    // The collation tables alone are well over half a megabyte.
    expect(amd64?.deltaBytes).toBeGreaterThan(500_000);
    expect(comparison.rows.find((r) => r.target === 'linux/arm64')?.status).toBe('removed');
    expect(comparison.rows.find((r) => r.target === 'darwin/arm64')?.status).toBe('added');
    expect(comparison.changed).toBe(true);
  });
});

describe('posting the sticky comment', () => {
  let firstId = 0;

  it('creates the comment on the first run, paging past 150 other comments', async () => {
    api.seedComments(OWNER, REPO, PR_NUMBER, 150);
    api.addPullRequest(OWNER, REPO, {
      number: PR_NUMBER,
      state: 'open',
      headSha: commits.c,
      baseSha: commits.b,
    });
    const body = bodyFor('setup-go-arm64', verdictFor(''));
    const mark = api.requests.length;
    const result = await publish(body, options());
    expect(result.outcome.action).toBe('created');
    expect(requestsSince(mark)).toEqual(publishRequests(createRequest(201)));
    expect(api.requests.at(-1)?.body).toEqual({ body });
    const ours = markerComments('setup-go-arm64');
    expect(ours).toHaveLength(1);
    firstId = ours[0]!.id;
    expect(result.outcome).toEqual({
      action: 'created',
      commentId: firstId,
      url: `https://github.com/${OWNER}/${REPO}/pull/${PR_NUMBER}#issuecomment-${firstId}`,
    });
    expect(api.comments(OWNER, REPO, PR_NUMBER)).toHaveLength(151);
  });

  it('shows the commits, the table, the added and removed targets and the verdict', () => {
    const body = markerComments('setup-go-arm64')[0]!.body;
    expect(body.split('\n').slice(0, 4)).toEqual([
      '<!-- setup-go-arm64:size-report header=setup-go-arm64 -->',
      '### Binary sizes',
      '',
      `Base \`${commits.a.slice(0, 7)}\` → head \`${commits.c.slice(0, 7)}\` · base sizes from a build of the merge-base`,
    ]);
    const rows = body.split('\n').filter((line) => /^\| (linux|darwin)\//.test(line));
    const cells = rows.map((row) => row.split(' | '));
    expect(cells.map((c) => [c[0], c[4]])).toEqual([
      ['| darwin/arm64', 'added'],
      ['| linux/arm64', 'removed'],
      ['| linux/amd64', expect.stringMatching(/^\*\*\+1\.\d MiB\*\*$/)],
    ]);
    expect(body.trimEnd().split('\n').at(-1)).toBe(
      '**✅ No size limits set \\(fail-on-size-increase, fail-on-total-increase\\).**',
    );
  });

  it('updates the same comment on the second run instead of adding one', async () => {
    const verdict = verdictFor('5%');
    expect(verdict.regression).toBe(true);
    expect(verdict.message).toMatch(
      /^Size regression: linux\/amd64 grew \+1\.\d MiB \(\+\d+\.\d%\), over the fail-on-size-increase limit of 5%\.$/,
    );
    const body = bodyFor('setup-go-arm64', verdict);
    const mark = api.requests.length;
    const result = await publish(body, options(), WRITE_TOKEN, { changed: true, regression: true });
    expect(result.outcome).toMatchObject({ action: 'updated', commentId: firstId });
    expect(requestsSince(mark)).toEqual(publishRequests(updateRequest(firstId, 200)));
    expect(api.requests.at(-1)?.body).toEqual({ body });
    expect(markerComments('setup-go-arm64').map((c) => c.id)).toEqual([firstId]);
    expect(api.comments(OWNER, REPO, PR_NUMBER)).toHaveLength(151);
    expect(markerComments('setup-go-arm64')[0]?.body.trimEnd().split('\n').at(-1)).toMatch(
      /^\*\*❌ Size regression: linux\/amd64 grew/,
    );
  });

  it('passes a limit the growth stays under, and leaves an identical comment alone', async () => {
    const verdict = verdictFor('200%');
    expect(verdict).toMatchObject({
      regression: false,
      message: 'Within the size limits (200% per target).',
    });
    const body = bodyFor('setup-go-arm64', verdict);
    expect((await publish(body, options())).outcome.action).toBe('updated');
    const mark = api.requests.length;
    expect((await publish(body, options())).outcome).toMatchObject({
      action: 'unchanged',
      commentId: firstId,
    });
    expect(requestsSince(mark)).toEqual(publishRequests());
  });

  it('keeps one comment per header when two workflows share a pull request', async () => {
    const cli = bodyFor('cli tools', verdictFor(''));
    expect((await publish(cli, options({ 'comment-header': 'cli tools' }))).outcome.action).toBe('created');
    expect((await publish(cli + '\n', options({ 'comment-header': 'cli tools' }))).outcome.action).toBe(
      'updated',
    );
    expect((await publish(bodyFor('setup-go-arm64', verdictFor('')), options())).outcome).toMatchObject({
      action: 'updated',
      commentId: firstId,
    });
    expect(markerComments('cli tools')).toHaveLength(1);
    expect(markerComments('setup-go-arm64')).toHaveLength(1);
    expect(markerComments('cli tools')[0]?.body).toContain('### Binary sizes: cli tools');
  });

  it('does not start a comment when nothing moved under comment-on: change, but updates an existing one', async () => {
    const same = compareReports(head, head);
    const quiet = renderSizeComment({ header: 'quiet' }, same, judge(same, {}));
    const mark = api.requests.length;
    const skipped = await publish(quiet, options({ 'comment-header': 'quiet' }), WRITE_TOKEN, {
      changed: false,
      regression: false,
    });
    expect(skipped.outcome).toEqual({
      action: 'skipped',
      reason: 'no size changed and comment-on is change',
    });
    expect(requestsSince(mark).filter((r) => !r.startsWith('GET ') && !WHO_AM_I.includes(r))).toEqual([]);
    expect(markerComments('quiet')).toHaveLength(0);
    const cli = renderSizeComment({ header: 'cli tools' }, same, judge(same, {}));
    const updated = await publish(cli, options({ 'comment-header': 'cli tools' }), WRITE_TOKEN, {
      changed: false,
      regression: false,
    });
    expect(updated.outcome.action).toBe('updated');
    expect(markerComments('cli tools')[0]?.body).toContain('No size changed: 2 targets');
  });

  it('says there is nothing to compare against when there is no base, and passes', async () => {
    const none = await resolveBase({ kind: 'none' }, 'no-base');
    expect(none.report).toBeUndefined();
    const reason = 'reason' in none ? none.reason : '';
    const body = renderNoBaseComment({ header: 'no-base', headCommit: commits.c }, head, reason);
    expect(
      judge(
        undefined,
        readThresholds(() => '1%'),
      ).regression,
    ).toBe(false);
    const result = await publish(
      body,
      options({ 'comment-header': 'no-base', 'comment-on': 'always' }),
      WRITE_TOKEN,
      {
        changed: false,
        regression: false,
      },
    );
    expect(result.outcome.action).toBe('created');
    expect(markerComments('no-base')[0]?.body).toContain(
      `Head \`${commits.c.slice(0, 7)}\` · nothing to compare against: base-report is none.`,
    );
  });
});

describe('when GitHub gets in the way', () => {
  it('creates a new comment when the old one is deleted between finding and updating it', async () => {
    recordCase(
      'fault',
      'pr-comment: creates a new comment when the old one is deleted between finding and updating it',
    );
    const [existing] = markerComments('setup-go-arm64');
    api.fail({
      method: 'PATCH',
      path: /\/issues\/comments\/\d+$/,
      status: 404,
      deleteComment: true,
      times: 1,
    });
    const mark = api.requests.length;
    const body = bodyFor('setup-go-arm64', verdictFor('1MiB'));
    const result = await publish(body, options());
    expect(result.outcome.action).toBe('created');
    expect(requestsSince(mark)).toEqual(
      publishRequests(updateRequest(existing?.id, 404), createRequest(201)),
    );
    expect(markerComments('setup-go-arm64')).toHaveLength(1);
    expect(markerComments('setup-go-arm64')[0]?.body).toBe(body);
    expect(log.text()).toContain(`Comment ${existing?.id} was deleted meanwhile; creating a new one`);
  });

  it('waits out a secondary rate limit, then succeeds', async () => {
    recordCase('fault', 'pr-comment: waits out a secondary rate limit, then succeeds');
    api.rateLimit({ method: 'GET', path: /\/comments$/, retryAfterSeconds: 1, times: 1 });
    const mark = api.requests.length;
    const started = Date.now();
    const result = await publish(bodyFor('setup-go-arm64', verdictFor('2MiB')), options());
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(result.outcome.action).toBe('updated');
    expect(requestsSince(mark)).toEqual([
      ...WHO_AM_I,
      `GET /repos/${OWNER}/${REPO}/issues/${PR_NUMBER}/comments?per_page=100 403`,
      listPage(1),
      listPage(2),
      expect.stringMatching(/^PATCH .* 200$/),
    ]);
    expect(log.text()).toContain('hit a rate limit; retrying in 1 s (retry 1 of 3)');
  });

  it('retries server errors, and never posts twice when a create failed with one', async () => {
    recordCase(
      'fault',
      'pr-comment: retries server errors, and never posts twice when a create failed with one',
    );
    api.fail({ method: 'PATCH', status: 502, times: 1 });
    expect((await publish(bodyFor('setup-go-arm64', verdictFor('3MiB')), options())).outcome.action).toBe(
      'updated',
    );
    // A 502 on create: the comment may or may not exist; it is looked for before posting again.
    api.fail({ method: 'POST', path: /\/comments$/, status: 502, times: 1 });
    const mark = api.requests.length;
    const result = await publishUnder('flaky', '');
    expect(result.outcome.action).toBe('created');
    expect(requestsSince(mark)).toEqual([
      ...publishRequests(createRequest(502)),
      listPage(1),
      listPage(2),
      createRequest(201),
    ]);
    expect(markerComments('flaky')).toHaveLength(1);
  });

  it('waits what GitHub asks, backs off on server errors, and gives up on what retrying cannot fix', () => {
    const policy = { maxRetries: 3, retryBaseMs: 1000, maxWaitMs: 120_000 };
    const now = 1_700_000_000_000;
    const error = (status: number, headers: Record<string, string> = {}, message = '') => ({
      status,
      message,
      response: { headers },
    });
    expect(retryDelayMs(error(403, { 'retry-after': '7' }), 'POST', 0, policy, now)).toBe(7000);
    expect(retryDelayMs(error(429), 'GET', 0, policy, now)).toBe(60_000);
    expect(
      retryDelayMs(error(403, {}, 'You have exceeded a secondary rate limit'), 'GET', 0, policy, now),
    ).toBe(60_000);
    const rateLimitResetIn = (seconds: number) =>
      error(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + seconds) });
    expect(retryDelayMs(rateLimitResetIn(30), 'GET', 0, policy, now)).toBe(31_000);
    expect(retryDelayMs(rateLimitResetIn(3600), 'GET', 0, policy, now)).toBeUndefined();
    expect(retryDelayMs(error(502), 'GET', 0, policy, now)).toBe(1000);
    expect(retryDelayMs(error(503), 'PATCH', 2, policy, now)).toBe(4000);
    expect(retryDelayMs(error(502), 'GET', 3, policy, now)).toBeUndefined();
    expect(retryDelayMs(error(502), 'POST', 0, policy, now)).toBeUndefined();
    expect(
      retryDelayMs(error(403, {}, 'Resource not accessible by integration'), 'POST', 0, policy, now),
    ).toBeUndefined();
    expect(retryDelayMs(error(404), 'GET', 0, policy, now)).toBeUndefined();
  });
});

describe('a comment someone else wrote', () => {
  const PAT = `ghp_${randomBytes(18).toString('hex')}`;
  recordSecret(PAT, 'the pull-request tests’ personal access token');

  it('is never edited though it opens with the marker: the bot posts its own and keeps that one', async () => {
    recordCase('attack', 'pr-comment: another user’s comment opening with the marker (sticky comment)');
    const theirBody = `${commentMarker('impostor')}\n### Binary sizes: impostor\n\nNo size changed. Approved.`;
    const theirs = api.addComment(OWNER, REPO, PR_NUMBER, theirBody, 'mallory');
    const mark = api.requests.length;
    const first = await publishUnder('impostor', '');
    expect(first.outcome.action).toBe('created');
    expect(requestsSince(mark)).toEqual(publishRequests(createRequest(201)));
    expect(api.requests.slice(mark, mark + 2).map((r) => [r.method, r.path, r.body])).toEqual([
      ['GET', '/user', undefined],
      ['POST', '/graphql', { query: 'query { viewer { login } }' }],
    ]);
    const second = await publishUnder('impostor', '1MiB');
    expect(second.outcome).toMatchObject({
      action: 'updated',
      commentId: (first.outcome as { commentId: number }).commentId,
    });
    expect(theirs.body).toBe(theirBody);
    expect(markerComments('impostor').map((c) => c.user.login)).toEqual(['mallory', 'github-actions[bot]']);
  });

  it('takes a personal access token for the user GET /user names, whose comment a bot’s is not', async () => {
    recordCase('attack', 'pr-comment: a bot’s comment opening with the marker, for a personal access token');
    api.addToken(PAT, 'write', 'octo-maintainer');
    const botBody = `${commentMarker('by-hand')}\nposted by a workflow`;
    const bots = api.addComment(OWNER, REPO, PR_NUMBER, botBody, 'github-actions[bot]');
    const mark = api.requests.length;
    const first = await publishUnder('by-hand', '', PAT);
    expect(first.outcome.action).toBe('created');
    expect(requestsSince(mark)).toEqual(['GET /user 200', listPage(1), listPage(2), createRequest(201)]);
    const second = await publishUnder('by-hand', '1MiB', PAT);
    expect(second.outcome.action).toBe('updated');
    expect(bots.body).toBe(botBody);
    expect(markerComments('by-hand').map((c) => c.user.login)).toEqual([
      'github-actions[bot]',
      'octo-maintainer',
    ]);
  });

  it('takes the token for github-actions[bot] when GraphQL cannot say who it is', async () => {
    recordCase('fault', 'pr-comment: GraphQL fails while asking who the token is');
    api.fail({ method: 'POST', path: /^\/graphql$/, status: 502, times: 1 });
    const mark = api.requests.length;
    const result = await publishUnder('impostor', '2MiB');
    expect(result.outcome.action).toBe('updated');
    expect(requestsSince(mark)).toEqual([
      'GET /user 403',
      'POST /graphql 502',
      listPage(1),
      listPage(2),
      expect.stringMatching(/^PATCH .* 200$/),
    ]);
    expect(log.text()).toContain('taking it for github-actions[bot], as GITHUB_TOKEN is');
    expect(markerComments('impostor').map((c) => c.user.login)).toEqual(['mallory', 'github-actions[bot]']);
  });
});

describe('pull requests from forks', () => {
  let commentFile = '';
  const forkBody = () => bodyFor('fork', verdictFor('5%'));
  // What the sub-action renders from the file's Reports: the same comment, less where the run found its base.
  const forkPosted = (header = 'fork') =>
    renderSizeComment(
      { header, baseCommit: base.commit, headCommit: commits.c },
      comparison,
      verdictFor('5%'),
    );

  it('keeps the comment in the summary and a file, warns once, and passes when the token is read-only', async () => {
    recordCase(
      'fault',
      'pr-comment: keeps the comment in the summary and a file, warns once, and passes when the token is read-only',
    );
    await writeFile(summaryFile, '');
    const mark = api.requests.length;
    const result = await publish(
      forkBody(),
      options({ 'comment-header': 'fork' }),
      READ_TOKEN,
      { changed: true, regression: true },
      runData({ perTarget: '5%' }),
    );
    commentFile = result.commentFile ?? '';
    expect(result.outcome).toEqual({
      action: 'forbidden',
      status: 403,
      message: expect.stringContaining('Resource not accessible by integration'),
    });
    expect(requestsSince(mark)).toEqual(publishRequests(createRequest(403)));
    expect(commentFile).toBe(path.join(temp, 'setup-go-arm64', 'size-comment-fork.json'));
    const written = JSON.parse(await readFile(commentFile, 'utf8')) as Record<string, unknown>;
    // Data, not markdown: the Reports and the limit, for the poster to render the comment from.
    expect(written).toEqual({
      schema: 'setup-go-arm64/size-comment',
      version: 2,
      pullRequest: PR_NUMBER,
      headSha: commits.c,
      header: 'fork',
      head,
      base: { report: base.report, commit: commits.a },
      thresholds: { perTarget: '5%' },
    });
    expect(verifyCommentFile(written, commentFile)).toEqual({
      pullRequest: PR_NUMBER,
      headSha: commits.c,
      header: 'fork',
      body: forkPosted(),
    });
    expect(await readFile(summaryFile, 'utf8')).toContain(forkBody());
    const warnings = log.commands('warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('https://github.com/org/setup-go-arm64#pull-requests-from-forks');
    expect(warnings[0]).toContain(`could not be posted on pull request #${PR_NUMBER}`);
    expect(markerComments('fork')).toHaveLength(0);
  });

  describe('the comment sub-action, from a workflow_run workflow', () => {
    let actionDir: string;
    const workflowRun = (
      headSha: string,
      headRepository: { full_name: string } | null = { full_name: `${OWNER}/${REPO}` },
    ) => ({
      action: 'completed',
      workflow_run: {
        head_sha: headSha,
        event: 'pull_request',
        head_repository: headRepository,
      },
      repository: { name: REPO, owner: { login: OWNER } },
    });
    /** The sub-action run on `file`; what it printed goes to the suite's log scan with this process's logs. */
    const runPoster = async (
      file: string,
      headSha: string,
      inputs: Record<string, string> = {},
      eventPayload: unknown = workflowRun(headSha),
    ) => {
      const run = await runAction({
        actionDir,
        workspace: root,
        toolCache: path.join(root, 'toolcache'),
        temp: path.join(root, 'poster-temp'),
        eventName: 'workflow_run',
        eventPayload,
        inputs: { 'comment-file': file, 'github-token': WRITE_TOKEN, ...inputs },
        env: { GITHUB_API_URL: api.url },
      });
      logs.push(run.steps.map((s) => s.stdout + s.stderr).join(''));
      return run;
    };

    beforeAll(async () => {
      // The sub-action as GitHub runs it: comment/action.yml and its bundle at ../dist/comment/index.js.
      const bundleRoot = path.join(root, 'action');
      actionDir = path.join(bundleRoot, 'comment');
      await mkdir(actionDir, { recursive: true });
      await cp(path.join(repoRoot, 'comment/action.yml'), path.join(actionDir, 'action.yml'));
      // The committed bundle itself, with the chunks it loads on demand (octokit, and undici for its fetch).
      await cp(path.join(repoRoot, 'dist'), path.join(bundleRoot, 'dist'), { recursive: true });
    }, 120_000);

    it('posts the file after GitHub confirms the open pull request is at the run’s head commit', async () => {
      const mark = api.requests.length;
      const run = await runPoster(commentFile, commits.c);
      expect(run.steps[0]?.stderr).toBe('');
      expect(run.success).toBe(true);
      expect(requestsSince(mark)).toEqual([PULL_REQUEST_READ, ...publishRequests(createRequest(201))]);
      const [posted] = markerComments('fork');
      expect(posted?.body).toBe(forkPosted());
      expect(api.requests.at(-1)?.body).toEqual({ body: forkPosted() });
      expect(run.outputs['comment-url']).toBe(
        `https://github.com/${OWNER}/${REPO}/pull/${PR_NUMBER}#issuecomment-${posted?.id}`,
      );
      expect(run.masks).toContain(WRITE_TOKEN);
      // Run again (a re-run of the workflow): the same comment is updated, never duplicated.
      const again = await runPoster(path.dirname(commentFile), commits.c);
      expect(again.success).toBe(true);
      expect(markerComments('fork')).toHaveLength(1);
    });

    it('refuses a file from another commit than the run built, posting nothing', async () => {
      recordCase(
        'attack',
        'pr-comment: refuses a file from another commit than the run built, posting nothing',
      );
      const mark = api.requests.length;
      const run = await runPoster(commentFile, commits.b);
      expect(run.success).toBe(false);
      expect(run.steps[0]?.commands.find((c) => c.command === 'error')?.message).toBe(
        `${commentFile} is refused: it is for commit ${commits.c.slice(0, 7)}, but the run that produced it built ${commits.b.slice(0, 7)}`,
      );
      expect(requestsSince(mark)).toEqual([]);
    });

    it('fails closed when the event names no head repository, posting nothing', async () => {
      recordCase('attack', 'pr-comment: workflow_run with a null head repository');
      const mark = api.requests.length;
      const run = await runPoster(commentFile, commits.c, {}, workflowRun(commits.c, null));
      expect(run.success).toBe(false);
      expect(run.steps[0]?.commands.find((c) => c.command === 'error')?.message).toMatch(
        /names no head repository .*nothing was posted/,
      );
      expect(requestsSince(mark)).toEqual([]);
    });

    it('refuses an artifact of more comment files than one run writes, posting none of them', async () => {
      recordCase('attack', 'pr-comment: an artifact of 25 comment files');
      const many = path.join(root, 'many-comments');
      await mkdir(many, { recursive: true });
      for (let i = 0; i < 25; i++)
        await cp(commentFile, path.join(many, `${String(i).padStart(2, '0')}.json`));
      const mark = api.requests.length;
      const run = await runPoster(many, commits.c);
      expect(run.success).toBe(false);
      expect(run.steps[0]?.commands.find((c) => c.command === 'error')?.message).toContain(
        'holds 25 comment files, more than the 10 one run writes at most',
      );
      expect(requestsSince(mark)).toEqual([]);
    });

    const attackMarkdown = [
      '@octo/security-team @admin',
      '![pixel](https://evil.example/track.png)',
      '[Download the fixed binary](https://evil.example/payload)',
      '**Approved by the security team.** Merge now.',
    ].join('\n');

    /** Runs the poster on `json`, expecting it to refuse with `why` and write nothing to the pull request. */
    async function expectRefused(json: unknown, why: string) {
      const tampered = path.join(root, 'tampered.json');
      await writeFile(tampered, JSON.stringify(json));
      const mark = api.requests.length;
      const run = await runPoster(tampered, commits.c);
      expect(run.success).toBe(false);
      expect(run.steps[0]?.commands.find((c) => c.command === 'error')?.message).toContain(why);
      expect(api.requests.slice(mark).filter((r) => r.method !== 'GET')).toEqual([]);
    }

    it('never posts markdown a file carries: a version 1 file, or a body beside the data', async () => {
      recordCase('attack', 'pr-comment: a version 1 comment file whose body mentions, links and vouches');
      recordCase('attack', 'pr-comment: a version 2 comment file with a markdown body beside the data');
      const content = JSON.parse(await readFile(commentFile, 'utf8')) as Record<string, unknown>;
      const legacyBody = `${commentMarker('fork')}\n### Binary sizes: fork\n\n${attackMarkdown}\n`;
      await expectRefused(
        {
          schema: 'setup-go-arm64/size-comment',
          version: 1,
          pullRequest: PR_NUMBER,
          headSha: commits.c,
          header: 'fork',
          body: legacyBody,
        },
        'it is a version 1 comment file, which carries a rendered comment that is never posted as it is; update setup-go-arm64 in the pull request workflow',
      );
      await expectRefused(
        { ...content, body: legacyBody },
        'it carries a markdown body, which is never posted',
      );
      expect(api.comments(OWNER, REPO, PR_NUMBER).filter((c) => c.body.includes('evil.example'))).toEqual([]);
    });

    it('refuses text in the Reports that would mention, link, show an image or say something', async () => {
      const content = JSON.parse(await readFile(commentFile, 'utf8')) as CommentData &
        Record<string, unknown>;
      const withHead = (change: (report: Report, first: TargetResult) => void) => {
        const copy = JSON.parse(JSON.stringify(content)) as CommentData;
        change(copy.head, copy.head.targets[0]!);
        return copy;
      };
      const cases: [string, unknown, string][] = [
        [
          'a package path that mentions a team',
          withHead((_h, t) => (t.package = '@octo/security-team')),
          'head: targets[0].package "@octo/security-team" is not a Go package path',
        ],
        [
          'a package path that is a sentence',
          withHead((_h, t) => (t.package = 'Approved by the security team')),
          'is not a Go package path',
        ],
        [
          'a target that is a link',
          withHead((_h, t) => (t.goos = '[linux](https://evil.example)')),
          'head is not a setup-go-arm64 report (schema v1): targets[0].goos is not a GOOS or GOARCH name such as linux or arm64',
        ],
        [
          'an attribution that is an image',
          withHead(
            (_h, t) => (t.attribution = [{ package: '![x](https://evil.example/x.png)', sizeBytes: 1 }]),
          ),
          'attribution names',
        ],
        ['a Go version that is HTML', withHead((h) => (h.go.version = '<img src=x>')), 'is not a Go release'],
        [
          'ldflags that say something',
          withHead((h) => (h.flags.ldflags = '-s -w approved by the security team')),
          'flags.ldflags holds "approved"',
        ],
        [
          'a base report that mentions someone',
          {
            ...content,
            base: {
              ...content.base,
              report: {
                ...content.base?.report,
                commit: null,
                go: { ...content.base?.report.go, version: '@admin' },
              },
            },
          },
          'base.report is not a setup-go-arm64 report (schema v1): go.version is not a Go release such as 1.25.4 or 1.26rc1; it is "@admin"',
        ],
        [
          'a header that is a sentence',
          { ...content, header: 'Approved by the security team' },
          'its header "Approved by the security team" is not made of',
        ],
        [
          'a limit in its own words',
          { ...content, thresholds: { perTarget: 'none, approved' } },
          'thresholds.perTarget is not a fail-on-size-increase value',
        ],
        [
          'a report that is no report',
          { ...content, head: { schemaVersion: 1 } },
          'head is not a setup-go-arm64 report',
        ],
        ['a pull request GitHub does not know', { ...content, pullRequest: 8 }, 'Not Found'],
      ];
      for (const [what, json, why] of cases) {
        recordCase('attack', `pr-comment: a comment file with ${what}`);
        await expectRefused(json, why);
      }
    });

    it('never edits another user’s comment that opens with the marker: posts its own, then keeps that one', async () => {
      recordCase('attack', 'pr-comment: another user’s comment opening with the marker (comment sub-action)');
      const theirBody = `${commentMarker('taken')}\n### Binary sizes: taken\n\nSizes approved by the security team.`;
      const theirs = api.addComment(OWNER, REPO, PR_NUMBER, theirBody, 'mallory');
      const content = JSON.parse(await readFile(commentFile, 'utf8')) as Record<string, unknown>;
      const file = path.join(root, 'taken.json');
      await writeFile(file, JSON.stringify({ ...content, header: 'taken' }));
      const mark = api.requests.length;
      const run = await runPoster(file, commits.c);
      expect(run.success).toBe(true);
      expect(requestsSince(mark)).toEqual([PULL_REQUEST_READ, ...publishRequests(createRequest(201))]);
      expect(api.requests.find((r) => r.pathname === '/graphql' && r.status === 200)?.body).toEqual({
        query: 'query { viewer { login } }',
      });
      const again = await runPoster(file, commits.c);
      expect(again.success).toBe(true);
      expect(api.requests.slice(mark).filter((r) => r.method === 'PATCH')).toEqual([]);
      expect(theirs.body).toBe(theirBody);
      const ours = markerComments('taken').filter((c) => c.user.login === 'github-actions[bot]');
      expect(ours.map((c) => c.body)).toEqual([forkPosted('taken')]);
      expect(markerComments('taken')).toHaveLength(2);
    });

    it('refuses a header other than the one it was told to post', async () => {
      recordCase('attack', 'pr-comment: refuses a header other than the one it was told to post');
      const run = await runPoster(commentFile, commits.c, { 'comment-header': 'setup-go-arm64' });
      expect(run.success).toBe(false);
      expect(run.steps[0]?.commands.find((c) => c.command === 'error')?.message).toContain(
        'the comment is for header "fork", not "setup-go-arm64"',
      );
    });

    it('posts nothing when the pull request has moved on or closed, and passes', async () => {
      recordCase(
        'fault',
        'pr-comment: posts nothing when the pull request has moved on or closed, and passes',
      );
      const newer = 'e'.repeat(40);
      api.addPullRequest(OWNER, REPO, {
        number: PR_NUMBER,
        state: 'open',
        headSha: newer,
        baseSha: commits.b,
      });
      const mark = api.requests.length;
      const moved = await runPoster(commentFile, commits.c);
      expect(moved.success).toBe(true);
      expect(moved.steps[0]?.commands.find((c) => c.command === 'notice')?.message).toBe(
        `Pull request #${PR_NUMBER} is now at eeeeeee, not ${commits.c.slice(0, 7)}: its newer run will post the sizes`,
      );
      api.addPullRequest(OWNER, REPO, {
        number: PR_NUMBER,
        state: 'closed',
        headSha: commits.c,
        baseSha: commits.b,
      });
      const closed = await runPoster(commentFile, commits.c);
      expect(closed.success).toBe(true);
      expect(requestsSince(mark)).toEqual([PULL_REQUEST_READ, PULL_REQUEST_READ]);
      const nothing = await runPoster(path.join(root, 'no-such-file.json'), commits.c);
      expect(nothing.success).toBe(true);
      expect(nothing.steps[0]?.stdout).toContain('nothing to post');
      api.addPullRequest(OWNER, REPO, {
        number: PR_NUMBER,
        state: 'open',
        headSha: commits.c,
        baseSha: commits.b,
      });
    });
  });

  it('ships a follow-up workflow that posts through the sub-action and never runs the pull request’s code', async () => {
    const workflow = parseYaml(
      await readFile(path.join(repoRoot, 'examples/workflows/size-comment-from-fork.yml'), 'utf8'),
    ) as {
      on: Record<string, { types?: string[] }>;
      permissions: Record<string, string>;
      jobs: Record<string, { steps: { uses?: string; run?: string; with?: Record<string, string> }[] }>;
    };
    const subAction = parseYaml(await readFile(path.join(repoRoot, 'comment/action.yml'), 'utf8')) as {
      inputs: Record<string, unknown>;
      runs: { main: string };
    };
    expect(Object.keys(workflow.on)).toEqual(['workflow_run']);
    expect(workflow.permissions).toEqual({ actions: 'read', 'pull-requests': 'write' });
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    expect(
      steps.filter((step) => step.run !== undefined || step.uses?.startsWith('actions/checkout')),
    ).toEqual([]);
    const download = steps.find((step) => step.uses?.startsWith('actions/download-artifact@'));
    const post = steps.find((step) => step.uses === 'org/setup-go-arm64/comment@v1');
    expect(post?.with?.['comment-file']).toBe(download?.with?.path);
    expect(Object.keys(post?.with ?? {}).filter((name) => !(name in subAction.inputs))).toEqual([]);
    expect(subAction.runs.main).toBe('../dist/comment/index.js');
  });

  it('warns when pull_request_target builds a fork’s code with a write token', () => {
    recordCase(
      'attack',
      'pr-comment: warns when pull_request_target builds a fork’s code with a write token',
    );
    const event = {
      pull_request: {
        merge_commit_sha: 'm'.repeat(40),
        head: { sha: commits.c, repo: { full_name: 'someone/hello' } },
        base: { repo: { full_name: `${OWNER}/${REPO}` } },
      },
    };
    const url = forkHelpUrl();
    expect(untrustedCheckoutWarning(untrustedCheckout('pull_request_target', event, commits.c), url)).toBe(
      `This pull_request_target run is building ${commits.c.slice(0, 7)} from someone/hello: untrusted code runs here with a token that can write to this repository, so its caches are not saved. Build pull requests under pull_request and post the size comment from a workflow_run workflow instead, see https://github.com/org/setup-go-arm64#pull-requests-from-forks`,
    );
    expect(
      untrustedCheckoutWarning(untrustedCheckout('pull_request_target', event, 'm'.repeat(40)), url),
    ).toContain('untrusted code');
    // The base branch's own code (the default checkout of pull_request_target) is safe to build.
    expect(
      untrustedCheckoutWarning(untrustedCheckout('pull_request_target', event, commits.b), url),
    ).toBeUndefined();
    expect(
      untrustedCheckoutWarning(untrustedCheckout('pull_request', event, commits.c), url),
    ).toBeUndefined();
    const sameRepo = {
      pull_request: {
        ...event.pull_request,
        head: { sha: commits.c, repo: { full_name: `${OWNER}/${REPO}` } },
      },
    };
    expect(
      untrustedCheckoutWarning(untrustedCheckout('pull_request_target', sameRepo, commits.c), url),
    ).toBeUndefined();
  });

  it('counts a workflow_run at a fork’s head commit as untrusted, an unknown head repository included', () => {
    const run = (headRepo: { full_name: string } | null) => ({
      workflow_run: { head_sha: commits.c, head_repository: headRepo },
      repository: { full_name: `${OWNER}/${REPO}` },
    });
    expect(untrustedCheckout('workflow_run', run({ full_name: 'someone/hello' }), commits.c)).toEqual({
      eventName: 'workflow_run',
      sha: commits.c,
      headRepo: 'someone/hello',
    });
    expect(untrustedCheckout('workflow_run', run(null), commits.c)).toEqual({
      eventName: 'workflow_run',
      sha: commits.c,
    });
    expect(
      untrustedCheckout('workflow_run', run({ full_name: `${OWNER}/${REPO}` }), commits.c),
    ).toBeUndefined();
    // The default checkout of workflow_run is the default branch, not the fork's commit.
    expect(untrustedCheckout('workflow_run', run({ full_name: 'someone/hello' }), commits.b)).toBeUndefined();
  });
});

describe('the token', () => {
  it('never appears in any log, only in the request headers that carry it', () => {
    const everything = logs.join('\n');
    expect(everything.length).toBeGreaterThan(1000);
    for (const token of [WRITE_TOKEN, READ_TOKEN]) {
      const lines = everything.split(/\r?\n/).filter((line) => line.includes(token));
      // The one mention allowed is the runner command that masks it.
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.every((line) => line === `::add-mask::${token}`)).toBe(true);
    }
    for (const request of api.requests) {
      expect(request.path).not.toContain(WRITE_TOKEN);
      expect(JSON.stringify(request.body ?? '')).not.toContain(WRITE_TOKEN);
    }
    expect(api.requests.filter((r) => r.authorization === `token ${WRITE_TOKEN}`).length).toBeGreaterThan(10);
  });
});
