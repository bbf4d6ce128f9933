// Where the base Report comes from: a file, the cache (through @actions/cache, the local cache service and a real
// blob store), or the merge-base checked out in a git worktree of a real (shallow) clone.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { InputError } from '../src/core/errors.js';
import {
  buildInWorktree,
  findMergeBase,
  git,
  restoreReportFromCache,
  saveReportToCache,
} from '../src/io/github/base-report.js';
import {
  isDefaultBranchPush,
  parseBaseReportSetting,
  readPullRequestEvent,
  reportCacheKey,
} from '../src/core/compare/base-report-inputs.js';
import { resolveBaseReport, type ResolveBaseOptions } from '../src/io/github/resolve-base.js';
import type { Report } from '../src/core/report/report.js';
import { commitAll } from './fixtures/builds/pr-history.js';
import { sizeReportOf } from './fixtures/size-report.js';
import { startCacheService, useCacheService, type CacheService } from '../test/support/cache-service.js';
import { captureLog, type CapturedLog } from '../test/support/github-api.js';

const savedEnv = { ...process.env };
let root: string;

const sizeReport = (commit: string, sizeBytes: number): Report =>
  sizeReportOf(commit, { 'linux/amd64': sizeBytes });

async function commit(repo: string, file: string, content: string, message: string): Promise<string> {
  await mkdir(path.dirname(path.join(repo, file)), { recursive: true });
  await writeFile(path.join(repo, file), content);
  return commitAll(repo, message);
}

/** A repository whose main branch moved on (B) after a feature branch (C) left it at A. */
interface History {
  origin: string;
  a: string;
  b: string;
  c: string;
}

async function makeHistory(name: string): Promise<History> {
  const origin = path.join(root, name);
  await mkdir(origin, { recursive: true });
  await git(origin, ['init', '-q', '-b', 'main']);
  const a = await commit(origin, 'app/main.txt', 'version A\n', 'A');
  for (let i = 1; i <= 60; i++) await commit(origin, 'history.txt', `step ${i}\n`, `main step ${i}`);
  await git(origin, ['checkout', '-q', '-b', 'feature', a]);
  for (let i = 1; i <= 60; i++) await commit(origin, 'feature.txt', `feature ${i}\n`, `feature ${i}`);
  const c = await commit(origin, 'app/main.txt', 'version C\n', 'C');
  await git(origin, ['checkout', '-q', 'main']);
  const b = await commit(origin, 'app/b-only.txt', 'only on main\n', 'B');
  return { origin, a, b, c };
}

async function cloneOf(history: History, name: string, shallow: boolean): Promise<string> {
  const clone = path.join(root, name);
  await git(root, [
    'clone',
    '-q',
    ...(shallow ? ['--depth=1'] : []),
    '--branch',
    'feature',
    `file://${history.origin}`,
    clone,
  ]);
  return clone;
}

let history: History;

/** The base report for a pull request from the feature branch (C) into `baseSha`, with base-report auto. */
function resolveForPullRequest(
  baseSha: string,
  options: Pick<ResolveBaseOptions, 'repoDir' | 'temp' | 'head' | 'buildAt'>,
) {
  return resolveBaseReport({
    setting: { kind: 'auto' },
    pullRequest: { baseSha, headSha: history.c },
    header: 'setup-go-arm64',
    ...options,
  });
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'base-report-'));
  history = await makeHistory('origin');
});

afterAll(async () => {
  for (const name of Object.keys(process.env)) if (!(name in savedEnv)) delete process.env[name];
  Object.assign(process.env, savedEnv);
  await rm(root, { recursive: true, force: true });
});

describe('reading the event and the input', () => {
  it('reads base-report as auto, none or a path in the workspace', () => {
    expect(parseBaseReportSetting('', '/ws')).toEqual({ kind: 'auto' });
    expect(parseBaseReportSetting(' AUTO ', '/ws')).toEqual({ kind: 'auto' });
    expect(parseBaseReportSetting('none', '/ws')).toEqual({ kind: 'none' });
    expect(parseBaseReportSetting('reports/base.json', '/ws')).toEqual({
      kind: 'file',
      path: '/ws/reports/base.json',
    });
  });

  const pullRequest = {
    pull_request: {
      number: 12,
      base: { sha: 'b'.repeat(40), repo: { full_name: 'octo/app' } },
      head: { sha: 'c'.repeat(40), repo: { full_name: 'someone/app' } },
    },
    repository: { name: 'app', owner: { login: 'octo' } },
  };

  it('reads the pull request from pull_request and pull_request_target events only', () => {
    expect(readPullRequestEvent('pull_request', pullRequest)).toEqual({
      owner: 'octo',
      repo: 'app',
      number: 12,
      baseSha: pullRequest.pull_request.base.sha,
      headSha: 'c'.repeat(40),
      fromFork: true,
    });
    const sameRepo = {
      ...pullRequest,
      pull_request: {
        ...pullRequest.pull_request,
        head: { sha: 'c'.repeat(40), repo: { full_name: 'octo/app' } },
      },
    };
    expect(readPullRequestEvent('pull_request_target', sameRepo)?.fromFork).toBe(false);
    expect(readPullRequestEvent('push', pullRequest)).toBeUndefined();
    expect(readPullRequestEvent('pull_request', {})).toBeUndefined();
  });

  it('knows a push to the default branch', () => {
    const push = { ref: 'refs/heads/main', repository: { default_branch: 'main' } };
    expect(isDefaultBranchPush('push', push)).toBe(true);
    expect(isDefaultBranchPush('push', { ...push, ref: 'refs/heads/feature' })).toBe(false);
    expect(isDefaultBranchPush('push', { ...push, ref: 'refs/tags/main' })).toBe(false);
    expect(isDefaultBranchPush('pull_request', push)).toBe(false);
  });
});

describe('base-report: a file or none', () => {
  const options = { repoDir: '.', temp: '', header: 'setup-go-arm64' };

  it('reads a report file the action wrote', async () => {
    const file = path.join(root, 'base.json');
    await writeFile(file, JSON.stringify(sizeReport(history.a, 2_000_000)));
    const base = await resolveBaseReport({ ...options, setting: { kind: 'file', path: file } });
    expect(base).toEqual({
      report: sizeReport(history.a, 2_000_000),
      source: 'base.json',
      commit: history.a,
    });
  });

  it('names the input when the file is missing or is not a report', async () => {
    const missing = resolveBaseReport({
      ...options,
      setting: { kind: 'file', path: path.join(root, 'nope.json') },
    });
    await expect(missing).rejects.toThrow(InputError);
    await expect(missing).rejects.toThrow(
      /Input base-report names .*nope\.json, which cannot be read \(ENOENT\)/,
    );
    const bad = path.join(root, 'bad.json');
    await writeFile(bad, JSON.stringify({ schemaVersion: 1 }));
    const error = await resolveBaseReport({ ...options, setting: { kind: 'file', path: bad } }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe('base-report');
    expect((error as Error).message).toContain(
      'bad.json is not a setup-go-arm64 report (schema v1): go is missing (an object with version, hostOs, hostArch and native)',
    );
    expect((error as Error).message).toContain('Give the path of a report file written by this action');
  });

  it('gives a reason instead of a report for none, and outside pull requests', async () => {
    expect(await resolveBaseReport({ ...options, setting: { kind: 'none' } })).toEqual({
      reason: 'base-report is none',
    });
    expect(await resolveBaseReport({ ...options, setting: { kind: 'auto' } })).toEqual({
      reason: 'this run is not for a pull request',
    });
  });
});

describe('base-report auto: the cache', () => {
  let service: CacheService;
  let temp: string;
  let log: CapturedLog;

  beforeAll(async () => {
    service = await startCacheService();
    temp = path.join(root, 'runner-temp');
    await mkdir(temp, { recursive: true });
    useCacheService(service, path.join(root, 'workspace'), temp);
    await mkdir(path.join(root, 'workspace'), { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await service?.stop();
    for (const name of Object.keys(service?.env ?? {})) delete process.env[name];
  });

  // @actions/cache logs at length; each test's log is kept to be looked at, not printed.
  beforeEach(() => {
    log = captureLog();
  });
  afterEach(() => log.stop());

  it('saves a report under go-size-report-<sha> and restores the base commit’s entry', async () => {
    expect(await saveReportToCache(sizeReport(history.a, 2_000_000), history.a, temp, 'setup-go-arm64')).toBe(
      true,
    );
    expect(await restoreReportFromCache(history.a, temp, 'setup-go-arm64')).toEqual({
      report: sizeReport(history.a, 2_000_000),
      source: `the cache entry for ${history.a.slice(0, 7)}`,
      commit: history.a,
    });
    expect(service.entries().map((e) => e.key)).toEqual([reportCacheKey(history.a)]);
    expect(log.text()).toContain(
      `Saved this commit's size report to the cache as go-size-report-${history.a}`,
    );
  });

  it('falls back to the newest saved report, and says it is not the base commit’s', async () => {
    expect(await saveReportToCache(sizeReport(history.b, 2_100_000), history.b, temp, 'setup-go-arm64')).toBe(
      true,
    );
    const restored = await restoreReportFromCache('0'.repeat(40), temp, 'setup-go-arm64');
    expect(restored?.commit).toBe(history.b);
    expect(restored?.report.targets[0]?.sizeBytes).toBe(2_100_000);
    expect(restored?.source).toBe(`the newest cached report (${history.b.slice(0, 7)}, not the base commit)`);
    expect(log.commands('notice')).toEqual([
      `::notice::No size report was saved for the base commit 0000000; comparing with the newest one in the cache (go-size-report-${history.b}), which may differ from the base by other commits`,
    ]);
  });

  it('keeps each comment-header’s reports apart', async () => {
    expect(await restoreReportFromCache(history.a, temp, 'another-workflow')).toBeUndefined();
    expect(await saveReportToCache(sizeReport(history.a, 5), history.a, temp, 'another-workflow')).toBe(true);
    const other = await restoreReportFromCache(history.a, temp, 'another-workflow');
    const main = await restoreReportFromCache(history.a, temp, 'setup-go-arm64');
    expect(other?.report.targets[0]?.sizeBytes).toBe(5);
    expect(main?.report.targets[0]?.sizeBytes).toBe(2_000_000);
  });

  it('uses the cache before building anything, when it was built the way head was', async () => {
    let built = 0;
    const base = await resolveForPullRequest(history.a, {
      repoDir: root,
      temp,
      head: sizeReport(history.c, 2_000_001),
      buildAt: async () => {
        built++;
        return sizeReport('x', 1);
      },
    });
    expect(built).toBe(0);
    expect(base.report?.targets[0]?.sizeBytes).toBe(2_000_000);
    expect(base.report && base.build).toEqual({ kind: 'stored' });
  });

  it('takes a report file built with another Go as unlike outside a pull request, and warns', async () => {
    const file = path.join(root, 'older-go.json');
    const older = sizeReport(history.a, 1_900_000);
    await writeFile(file, JSON.stringify({ ...older, go: { ...older.go, version: '1.24.9' } }));
    const base = await resolveBaseReport({
      setting: { kind: 'file', path: file },
      repoDir: root,
      temp,
      header: 'setup-go-arm64',
      head: sizeReport(history.c, 2_000_000),
      buildAt: async () => sizeReport('x', 1),
    });
    expect(base.report && base.build).toMatchObject({
      kind: 'unlike',
      why: 'this run is not for a pull request, so there is no merge-base to build',
      differences: [{ setting: 'Go', base: '1.24.9', head: '1.25.4' }],
    });
    expect(log.commands('warning')).toEqual([
      "::warning::The base sizes (older-go.json) were built otherwise than head: Go 1.24.9 (head 1.25.4). They could not be rebuilt with head's toolchain and flags (this run is not for a pull request, so there is no merge-base to build), so the comment shows the change as it is and size limits are not judged on it.",
    ]);
  });

  it('ignores a cache entry that is not a report', async () => {
    const file = path.join(temp, 'setup-go-arm64', 'size-report', 'broken.json');
    await writeFile(file, '{"schemaVersion": 1}');
    const cache = await import('@actions/cache');
    expect(await cache.saveCache([file], reportCacheKey('e'.repeat(40)))).toBeGreaterThan(0);
    expect(await restoreReportFromCache('e'.repeat(40), temp, 'broken')).toBeUndefined();
    expect(log.commands('warning')).toEqual([
      expect.stringContaining('::warning::Ignoring the cached size report: cache entry go-size-report-eeee'),
    ]);
  });

  it('does without a cache service', async () => {
    const url = process.env.ACTIONS_RESULTS_URL;
    delete process.env.ACTIONS_RESULTS_URL;
    try {
      expect(await restoreReportFromCache(history.a, temp, 'setup-go-arm64')).toBeUndefined();
    } finally {
      process.env.ACTIONS_RESULTS_URL = url;
    }
    expect(log.text()).toContain('The cache service is not available here; no size report to restore');
  });
});

describe('base-report auto: the merge-base', () => {
  it('finds the merge-base in a full clone without fetching', async () => {
    const clone = await cloneOf(history, 'full', false);
    const log = captureLog();
    try {
      expect(await findMergeBase(clone, history.b, history.c)).toEqual({ commit: history.a, exact: true });
    } finally {
      log.stop();
    }
    expect(log.text()).not.toContain('git fetch');
  });

  it('fetches the missing base commit and deepens a shallow clone until the merge-base is in it', async () => {
    const clone = await cloneOf(history, 'shallow', true);
    expect(await git(clone, ['rev-parse', '--is-shallow-repository'])).toBe('true');
    const log = captureLog();
    try {
      expect(await findMergeBase(clone, history.b, history.c)).toEqual({ commit: history.a, exact: true });
    } finally {
      log.stop();
    }
    const said = log.text();
    expect(said).toContain(
      `The base commit ${history.b.slice(0, 7)} is not in this clone; fetching it: git fetch --no-tags --depth=1 origin ${history.b}`,
    );
    // 60 commits on each side: 50 more is not enough, 200 more is.
    expect(said).toContain('fetching 50 more commits: git fetch --deepen=50');
    expect(said).toContain('fetching 200 more commits: git fetch --deepen=200');
    expect(said).not.toContain('--deepen=1000');
  });

  it('falls back to the base commit, with a notice, when the histories never meet', async () => {
    await git(history.origin, ['checkout', '-q', '--orphan', 'elsewhere']);
    const orphan = await commit(history.origin, 'other.txt', 'unrelated\n', 'orphan');
    await git(history.origin, ['checkout', '-q', 'main']);
    const clone = await cloneOf(history, 'unrelated', true);
    const log = captureLog();
    try {
      expect(await findMergeBase(clone, orphan, history.c)).toEqual({ commit: orphan, exact: false });
    } finally {
      log.stop();
    }
    expect(log.commands('notice')[0]).toContain(
      `Could not find where this pull request branched off (merge-base of ${orphan.slice(0, 7)} and ${history.c.slice(0, 7)}); comparing against the base commit ${orphan.slice(0, 7)} instead`,
    );
  });

  it('builds in a detached worktree at the commit and removes it afterwards, even when the build fails', async () => {
    const clone = await cloneOf(history, 'worktree', false);
    const temp = path.join(root, 'worktree-temp');
    let seenRoot = '';
    const result = await buildInWorktree(clone, history.a, temp, async (worktreeRoot, inWorktree) => {
      seenRoot = worktreeRoot;
      expect(await git(worktreeRoot, ['rev-parse', 'HEAD'])).toBe(history.a);
      expect(inWorktree(path.join(clone, 'app'))).toBe(path.join(worktreeRoot, 'app'));
      return readFile(path.join(inWorktree(path.join(clone, 'app')), 'main.txt'), 'utf8');
    });
    expect(result).toBe('version A\n');
    expect(existsSync(seenRoot)).toBe(false);
    expect(await git(clone, ['worktree', 'list'])).not.toContain(seenRoot);

    await expect(
      buildInWorktree(clone, history.a, temp, async (worktreeRoot) => {
        seenRoot = worktreeRoot;
        throw new Error('go build failed');
      }),
    ).rejects.toThrow('go build failed');
    expect(existsSync(seenRoot)).toBe(false);
    expect((await git(clone, ['worktree', 'list'])).split('\n')).toHaveLength(1);
    // The checkout itself is untouched: still the head commit.
    expect(await git(clone, ['rev-parse', 'HEAD'])).toBe(history.c);
  });

  it('builds the merge-base when the cache has nothing, and explains when that fails', async () => {
    const clone = await cloneOf(history, 'resolve', true);
    const temp = path.join(root, 'resolve-temp');
    const log = captureLog();
    let base;
    let failed;
    try {
      base = await resolveForPullRequest(history.b, {
        repoDir: clone,
        temp,
        buildAt: async (worktreeRoot) =>
          sizeReport(
            await git(worktreeRoot, ['rev-parse', 'HEAD']),
            (await readFile(path.join(worktreeRoot, 'app/main.txt'))).length,
          ),
      });
      failed = await resolveForPullRequest(history.b, {
        repoDir: clone,
        temp,
        buildAt: async () => {
          throw new Error('go: module lookup disabled by GOPROXY=off');
        },
      });
    } finally {
      log.stop();
    }
    expect(base).toEqual({
      report: sizeReport(history.a, 'version A\n'.length),
      source: 'a build of the merge-base',
      commit: history.a,
      build: { kind: 'rebuilt' },
    });
    expect(failed).toEqual({
      reason:
        'no report was cached for the base commit and building it failed (go: module lookup disabled by GOPROXY=off)',
    });
    expect(log.commands('warning')).toEqual([
      '::warning::Could not build the base commit to compare sizes with: go: module lookup disabled by GOPROXY=off',
    ]);
  });
});
