// Like-for-like comparisons, pure: which build settings make a base report unlike the head's, what the
// comparison and the verdict do with an unlike or a rebuilt base, and when build times are compared.
import { renderSizeComment } from '../src/core/compare/comment.js';
import { compareReports, type ComparableTarget } from '../src/core/compare/compare.js';
import {
  buildCacheStart,
  buildDifferences,
  buildTimeComparability,
  describeDifferences,
  storedBaseBuild,
  type BaseBuild,
} from '../src/core/compare/like-for-like.js';
import { judge, readThresholds } from '../src/core/compare/thresholds.js';
import { buildReport, type Report } from '../src/core/report/report.js';

function target(spec: string, sizeBytes: number, buildMs = 1000): ComparableTarget {
  const [goos, goarch] = spec.split('/') as [string, string];
  return {
    goos,
    goarch,
    package: './cmd/gojq',
    path: `dist/gojq_${goos}_${goarch}`,
    sizeBytes,
    buildMs,
    sha256: String(sizeBytes).padStart(64, '0'),
    format: goos === 'darwin' ? 'macho' : goos === 'windows' ? 'pe' : 'elf',
    arch: goarch,
  };
}

function report(overrides: Partial<Report> & { sizes: number[]; buildMs?: number[] }): Report {
  const specs = ['linux/amd64', 'linux/arm64', 'darwin/arm64', 'windows/amd64'];
  const { sizes, buildMs, ...rest } = overrides;
  return {
    ...buildReport({
      go: { version: '1.21.13', hostOs: 'linux', hostArch: 'amd64', native: true },
      commit: 'c'.repeat(40),
      flags: { ldflags: '-s -w', trimpath: true, cgo: false, tags: [], buildFlags: [] },
      targets: specs.map((spec, i) => target(spec, sizes[i] ?? 0, buildMs?.[i] ?? 1000)),
      wallMs: 1,
    }),
    ...rest,
  };
}

const onePercent = readThresholds((name) => (name === 'fail-on-size-increase' ? '1%' : ''));

describe('buildDifferences', () => {
  const head = report({ sizes: [1] });

  it('finds none between reports built the same way, whatever the code and the sizes', () => {
    expect(buildDifferences(report({ sizes: [5], commit: 'a'.repeat(40) }), head)).toEqual([]);
    // Tags are a set; an absent list is an empty one.
    const tagged = (tags: string[] | undefined) =>
      report({ sizes: [1], flags: { ...head.flags, ...(tags ? { tags } : { tags: undefined }) } });
    expect(buildDifferences(tagged(['b', 'a']), tagged(['a', 'b']))).toEqual([]);
    expect(buildDifferences(tagged(undefined), tagged([]))).toEqual([]);
  });

  it('names each setting that differs: Go, ldflags, trimpath, cgo, tags, build-flags and the build environment', () => {
    const base = report({
      sizes: [1],
      go: { ...head.go, version: '1.20.14' },
      flags: {
        ldflags: '',
        trimpath: false,
        cgo: true,
        tags: ['netgo'],
        buildFlags: ['-buildvcs=false'],
        env: { GOAMD64: 'v3', GOEXPERIMENT: 'loopvar' },
      },
    });
    const withEnv = { ...head, flags: { ...head.flags, env: { GOEXPERIMENT: 'loopvar', GOARM64: 'v8.2' } } };
    expect(buildDifferences(base, withEnv).map((d) => [d.setting, d.base, d.head])).toEqual([
      ['Go', '1.20.14', '1.21.13'],
      ['-ldflags', '', '-s -w'],
      ['-trimpath', 'off', 'on'],
      ['CGO_ENABLED', '1', '0'],
      ['-tags', 'netgo', ''],
      ['build-flags', '-buildvcs=false', ''],
      ['GOAMD64', 'v3', ''],
      ['GOARM64', '', 'v8.2'],
    ]);
    expect(describeDifferences(buildDifferences(base, withEnv).slice(0, 1))).toBe(
      'Go 1.20.14 (head 1.21.13)',
    );
    expect(buildDifferences(base, withEnv).at(-1)?.caveat).toBe(
      'GOARM64 was unset for base, "v8.2" for head',
    );
  });

  it('makes a stored report built otherwise unlike, with the reason it was not rebuilt', () => {
    const old = report({ sizes: [1], go: { ...head.go, version: '1.20.14' } });
    expect(storedBaseBuild(head, head, 'no pull request')).toEqual({ kind: 'stored' });
    expect(storedBaseBuild(old, head, 'no pull request')).toMatchObject({
      kind: 'unlike',
      why: 'no pull request',
      differences: [{ setting: 'Go', base: '1.20.14', head: '1.21.13' }],
    });
  });
});

describe('judging a base built with another Go', () => {
  // The shape of gojq v0.12.16 → v0.12.17 (go 1.20 → go 1.21): the Go upgrade adds about half a megabyte.
  const cachedWithOldGo = report({
    sizes: [15_800_000, 15_000_000, 15_500_000, 16_000_000],
    go: { version: '1.20.14', hostOs: 'linux', hostArch: 'amd64', native: true },
  });
  const rebuiltWithHeadGo = report({ sizes: [16_350_000, 15_550_000, 16_050_000, 16_550_000] });
  const head = report({ sizes: [16_349_696, 15_549_760, 16_050_000, 16_550_000] });

  it('fails the limit on the Go upgrade when the unlike delta is judged as if like', () => {
    const asIfLike = compareReports(cachedWithOldGo, head, { kind: 'stored' });
    expect(judge(asIfLike, onePercent).regression).toBe(true);
  });

  it('does not judge an unlike base, and says why', () => {
    const unlike = compareReports(cachedWithOldGo, head);
    expect(unlike.likeForLike).toBe(false);
    expect(unlike.rows[0]?.deltaBytes).toBeGreaterThan(500_000);
    expect(judge(unlike, onePercent)).toEqual({
      regression: false,
      breaches: [],
      message:
        "Size limits not judged: the base was built otherwise than head (Go 1.20.14 (head 1.21.13)) and could not be rebuilt with head's toolchain and flags (it was compared as given, without a rebuild).",
    });
    // Without a limit there is nothing to withhold.
    expect(judge(unlike, {}).message).toBe(
      'No size limits set (fail-on-size-increase, fail-on-total-increase).',
    );
  });

  it('judges the code-only delta of the merge-base rebuilt with head’s Go, and says it was rebuilt', () => {
    const build: BaseBuild = {
      kind: 'rebuilt',
      replaced: {
        source: 'the cache entry for 1a2b3c4',
        differences: buildDifferences(cachedWithOldGo, head),
      },
    };
    const like = compareReports(rebuiltWithHeadGo, head, build);
    expect(like.rows.map((r) => [r.target, r.deltaBytes])).toEqual([
      ['linux/amd64', -304],
      ['linux/arm64', -240],
      ['darwin/arm64', 0],
      ['windows/amd64', 0],
    ]);
    const verdict = judge(like, onePercent);
    expect(verdict).toMatchObject({ regression: false, message: 'Within the size limits (1% per target).' });
    const body = renderSizeComment({ header: 'setup-go-arm64' }, like, verdict);
    expect(body).toContain(
      "> ℹ️ Base rebuilt at the merge-base with Go 1.21.13 and head's flags, because the cache entry for 1a2b3c4 was built otherwise: Go 1.20.14 \\(head 1.21.13\\). The change is the code’s alone.",
    );
    expect(body).not.toContain('Not like-for-like');
  });

  it('warns in the comment that an unlike delta mixes the build’s change with the code’s', () => {
    const build = storedBaseBuild(
      cachedWithOldGo,
      head,
      'building the merge-base failed: git worktree add failed',
    );
    const unlike = compareReports(cachedWithOldGo, head, build);
    const body = renderSizeComment({ header: 'setup-go-arm64' }, unlike, judge(unlike, onePercent));
    expect(body).toContain(
      "> ⚠️ Not like-for-like: base was built with Go 1.20.14, head with Go 1.21.13. The base could not be rebuilt the way head was (building the merge-base failed: git worktree add failed), so the change mixes the code's with the build’s, and size limits are not judged on it.",
    );
    expect(body.trimEnd().split('\n').at(-1)).toMatch(/^\*\*✅ Size limits not judged: /);
  });
});

describe('build times', () => {
  const cold = (buildMs: number[]) => report({ sizes: [1, 2, 3, 4], buildMs, buildCache: 'none' });
  const warm = (buildMs: number[]) => report({ sizes: [1, 2, 3, 4], buildMs, buildCache: 'partial' });

  it('compare only when both builds started from the same kind of build cache', () => {
    const stored: BaseBuild = { kind: 'stored' };
    expect(buildTimeComparability(cold([1]), cold([1]), stored)).toEqual({
      comparable: true,
      why: 'both builds started with no build cache restored',
    });
    expect(buildTimeComparability(cold([1]), warm([1]), stored)).toEqual({
      comparable: false,
      why: 'the base build started with no build cache restored, the head build started from a build cache restored by a restore key',
    });
    const unknown = report({ sizes: [1] });
    expect(buildTimeComparability(unknown, warm([1]), stored).why).toBe(
      'the base report does not say whether its build started with a warm build cache',
    );
    expect(buildTimeComparability(warm([1]), unknown, stored).why).toBe(
      'the head report does not say whether its build started with a warm build cache',
    );
    expect(buildTimeComparability(warm([1]), warm([1]), { kind: 'rebuilt' })).toEqual({
      comparable: false,
      why: "the base was built in this job after the head, reusing the build cache the head's build filled",
    });
  });

  it('are known warm or cold from the build cache restore alone', () => {
    const mod = { kind: 'mod', hit: 'exact' as const };
    expect(buildCacheStart([mod, { kind: 'build', hit: 'partial' }])).toEqual({ buildCache: 'partial' });
    expect(buildCacheStart([mod, { kind: 'build', hit: 'none' }])).toEqual({ buildCache: 'none' });
    // cache-build off, or a restore that failed: the runner's GOCACHE may be either.
    expect(buildCacheStart([mod])).toEqual({});
    expect(
      buildCacheStart([{ kind: 'build', hit: 'none', error: 'the cache service stopped answering' }]),
    ).toEqual({});
  });

  it('show no delta for a cold base against a warm head, and say why; show it between two warm builds', () => {
    const mixed = compareReports(cold([20_000, 1000, 1000, 1000]), warm([2940, 1000, 1000, 1000]));
    expect(mixed.rows.every((r) => r.buildMsDelta === null)).toBe(true);
    expect(mixed.commonTotals.buildMsDelta).toBeNull();
    const body = renderSizeComment({ header: 'setup-go-arm64' }, mixed, judge(mixed, {}));
    expect(body).not.toMatch(/\(-17\.06 s\)|\(-\d/);
    expect(body).toContain(
      'Build-time changes are not shown: the base build started with no build cache restored, the head build started from a build cache restored by a restore key.',
    );
    const both = compareReports(warm([2000, 1000, 1000, 1000]), warm([2500, 1000, 1000, 1000]));
    expect(both.rows.find((r) => r.target === 'linux/amd64')?.buildMsDelta).toBe(500);
    expect(renderSizeComment({ header: 'setup-go-arm64' }, both, judge(both, {}))).toContain(
      'Build-time changes compare like with like: both builds started from a build cache restored by a restore key.',
    );
  });
});
