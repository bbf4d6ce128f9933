// A pull request compared like for like, end to end: the base commit's report in the cache (through
// @actions/cache, the local cache service and a real blob store) was built with other flags than head, so the
// merge-base is rebuilt in a worktree of the real shallow clone with head's flags, by the real go toolchain; the
// delta is checked against binaries built independently and measured with stat.
import { cp, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { renderSizeComment } from '../src/core/compare/comment.js';
import { compareReports } from '../src/core/compare/compare.js';
import { judge, readThresholds } from '../src/core/compare/thresholds.js';
import { git, saveReportToCache, type BaseReport } from '../src/io/github/base-report.js';
import { resolveBaseReport, type ResolveBaseOptions } from '../src/io/github/resolve-base.js';
import type { Report, ReportFlags } from '../src/core/report/report.js';
import { runGo } from './fixtures/binary/go-programs.js';
import { buildModuleReport, helloHistory } from './fixtures/builds/pr-history.js';
import { startCacheService, type CacheService } from '../test/support/cache-service.js';
import { captureLog } from '../test/support/github-api.js';

const savedEnv = { ...process.env };
const TARGETS = ['linux/amd64', 'darwin/arm64'];
/** What the workflow builds with now; the cached base was built before ldflags was changed to keep symbols. */
const HEAD_FLAGS: ReportFlags = { ldflags: '-w', trimpath: true, cgo: false };
const OLD_FLAGS: ReportFlags = { ldflags: '-s -w', trimpath: true, cgo: false };
const onePercent = readThresholds((name) => (name === 'fail-on-size-increase' ? '1%' : ''));

let root: string;
let temp: string;
let service: CacheService;
let origin: string;
let clone: string;
let head: Report;
const commits = { a: '', b: '', c: '' };

function buildModule(moduleDir: string, outDir: string, flags: ReportFlags, commit: string | null) {
  return buildModuleReport({ moduleDir, targets: TARGETS, outDir, commit, flags, root });
}

/** The sizes of `commit` built with `flags` in a checkout of its own, by stat alone. */
async function independentSizes(commit: string, flags: ReportFlags, name: string): Promise<number[]> {
  const dir = path.join(root, `independent-${name}`);
  await git(root, ['clone', '-q', `file://${origin}`, dir]);
  await git(dir, ['checkout', '-q', '--detach', commit]);
  const sizes: number[] = [];
  for (const spec of TARGETS) {
    const [goos, goarch] = spec.split('/') as [string, string];
    const output = path.join(root, `independent-${name}-bin`, `${goos}_${goarch}`);
    await runGo(['build', '-trimpath', `-ldflags=${flags.ldflags}`, '-o', output, '.'], {
      cwd: dir,
      env: { GOOS: goos, GOARCH: goarch, GOPROXY: 'off' },
    });
    sizes.push((await stat(output)).size);
  }
  return sizes;
}

function options(overrides: Partial<ResolveBaseOptions> = {}): ResolveBaseOptions {
  return {
    setting: { kind: 'auto' },
    pullRequest: { baseSha: commits.b, headSha: commits.c },
    repoDir: clone,
    temp,
    header: 'setup-go-arm64',
    head,
    buildAt: (_root, inWorktree) =>
      buildModule(inWorktree(clone), path.join(root, 'out-base'), HEAD_FLAGS, null),
    ...overrides,
  };
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'like-for-like-'));
  temp = path.join(root, 'runner-temp');
  await mkdir(temp, { recursive: true });
  service = await startCacheService();
  delete process.env.ACTIONS_CACHE_URL;
  delete process.env.ACTIONS_CACHE_MODE;
  Object.assign(process.env, service.env, {
    GITHUB_WORKSPACE: path.join(root, 'workspace'),
    RUNNER_TEMP: temp,
  });

  // A: examples/hello on main; C: the pull request's one-word change; B: main moved on after it branched.
  const history = await helloHistory(
    root,
    (mainGo) => mainGo.replace('strings.Join(names, " & ")', 'strings.ToUpper(strings.Join(names, " & "))'),
    'Greet loudly',
  );
  Object.assign(commits, { a: history.a, b: history.b, c: history.c });
  ({ origin, clone } = history);
  head = await buildModule(clone, path.join(root, 'out-head'), HEAD_FLAGS, commits.c);

  // The default branch's push saved B's report, built with the flags of its time.
  const old = path.join(root, 'old-main');
  await git(root, ['clone', '-q', '--branch', 'main', `file://${origin}`, old]);
  const cached = await buildModule(old, path.join(root, 'out-old'), OLD_FLAGS, commits.b);
  const log = captureLog();
  try {
    expect(await saveReportToCache(cached, commits.b, temp, 'setup-go-arm64')).toBe(true);
  } finally {
    log.stop();
  }
}, 300_000);

afterAll(async () => {
  await service?.stop();
  for (const name of Object.keys(process.env)) if (!(name in savedEnv)) delete process.env[name];
  Object.assign(process.env, savedEnv);
  if (root) await rm(root, { recursive: true, force: true });
});

describe('a cached base built with other flags', () => {
  let base: BaseReport;
  let said: string;

  beforeAll(async () => {
    const log = captureLog();
    try {
      const resolved = await resolveBaseReport(options());
      if (!resolved.report) throw new Error(`no base: ${resolved.reason}`);
      base = resolved;
    } finally {
      log.stop();
      said = log.text();
    }
  }, 300_000);

  it('is replaced by the merge-base rebuilt with head’s flags, and says why', () => {
    expect(base.commit).toBe(commits.a);
    expect(base.source).toBe('a build of the merge-base');
    expect(base.report.flags).toEqual(HEAD_FLAGS);
    expect(base.build).toEqual({
      kind: 'rebuilt',
      replaced: {
        source: `the cache entry for ${commits.b.slice(0, 7)}`,
        differences: [expect.objectContaining({ setting: '-ldflags', base: '-s -w', head: '-w' })],
      },
    });
    expect(said).toContain(
      `The base sizes (the cache entry for ${commits.b.slice(0, 7)}) were built otherwise than head: -ldflags -s -w (head -w); rebuilding the merge-base with head's toolchain and flags`,
    );
  });

  it('gives the code’s delta, equal to binaries built independently and measured with stat', async () => {
    const comparison = compareReports(base.report, head, base.build);
    const [baseSizes, headSizes] = [
      await independentSizes(commits.a, HEAD_FLAGS, 'base'),
      await independentSizes(commits.c, HEAD_FLAGS, 'head'),
    ];
    const deltas = TARGETS.map((t) => comparison.rows.find((r) => r.target === t)?.deltaBytes);
    expect(deltas).toEqual(TARGETS.map((_, i) => headSizes[i]! - baseSizes[i]!));
    const headFiles = await Promise.all(
      TARGETS.map((t) => stat(path.join(root, 'out-head', `hello_${t.replace('/', '_')}`))),
    );
    expect(headFiles.map((f) => f.size)).toEqual(headSizes);
    // The one-word change is well under 1%; the flags' change is not.
    expect(judge(comparison, onePercent)).toMatchObject({ regression: false });
    const stale = compareReports((await cachedReport()).report, head);
    expect(stale.rows.every((r) => r.deltaPercent !== null && r.deltaPercent > 1)).toBe(true);
    const body = renderSizeComment({ header: 'setup-go-arm64' }, comparison, judge(comparison, onePercent));
    expect(body).toContain(
      `> ℹ️ Base rebuilt at the merge-base with Go ${head.go.version} and head's flags, because the cache entry for ${commits.b.slice(0, 7)} was built otherwise: -ldflags -s -w \\(head -w\\).`,
    );
    expect(body).toContain(
      "Build-time changes are not shown: the base was built in this job after the head, reusing the build cache the head's build filled.",
    );
    expect(body.trimEnd().split('\n').at(-1)).toBe('**✅ Within the size limits \\(1% per target\\).**');
  }, 300_000);
});

/** The cached report as it is: what the comparison used before it checked how the base was built. */
async function cachedReport(): Promise<BaseReport> {
  const log = captureLog();
  const resolved = await resolveBaseReport(options({ head: undefined, buildAt: undefined })).finally(() =>
    log.stop(),
  );
  if (!resolved.report) throw new Error(`no cached report: ${resolved.reason}`);
  return resolved;
}

describe('when the merge-base cannot be rebuilt', () => {
  it('shows the cached delta as not like-for-like, warns, and judges no limit on it', async () => {
    // A copy of the module without its git history: nothing to check the merge-base out from.
    const noGit = path.join(root, 'no-git');
    await cp(clone, noGit, { recursive: true });
    await rm(path.join(noGit, '.git'), { recursive: true, force: true });
    const log = captureLog();
    let resolved;
    try {
      resolved = await resolveBaseReport(options({ repoDir: noGit }));
    } finally {
      log.stop();
    }
    if (!resolved.report) throw new Error(`no base: ${resolved.reason}`);
    expect(resolved.build).toMatchObject({
      kind: 'unlike',
      why: expect.stringMatching(/^building the merge-base failed: git /),
    });
    expect(log.commands('warning')).toContainEqual(
      expect.stringContaining(
        `::warning::The base sizes (the cache entry for ${commits.b.slice(0, 7)}) were built otherwise than head: -ldflags -s -w (head -w). They could not be rebuilt`,
      ),
    );
    const comparison = compareReports(resolved.report, head, resolved.build);
    expect(comparison.likeForLike).toBe(false);
    expect(comparison.rows.every((r) => r.deltaPercent !== null && r.deltaPercent > 1)).toBe(true);
    const verdict = judge(comparison, onePercent);
    expect(verdict.regression).toBe(false);
    expect(verdict.message).toMatch(
      /^Size limits not judged: the base was built otherwise than head \(-ldflags -s -w \(head -w\)\)/,
    );
    expect(renderSizeComment({ header: 'setup-go-arm64' }, comparison, verdict)).toContain(
      '> ⚠️ Not like-for-like: base was linked with -ldflags=-s -w, head with -ldflags=-w.',
    );
  }, 300_000);
});
