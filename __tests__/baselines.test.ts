// The pure parts of comparing with the newest release and the default branch's trend: which runs are releases,
// the keys, the history carried from one default-branch Report to the next, the trend, the limits per baseline,
// and the comment's sections.
import {
  appendToHistory,
  combineVerdicts,
  HISTORY_SCHEMA,
  MAX_HISTORY_POINTS,
  parseHistory,
  readReleaseRun,
  RELEASE_KEY_PREFIX,
  releaseReportKey,
  releaseTagOfKey,
  sparkline,
  targetTrends,
  type SizeHistory,
} from '../src/core/compare/baselines.js';
import {
  compareWithRelease,
  renderReleaseSection,
  renderTrendSection,
  withBaselineSections,
} from '../src/core/compare/baselines-comment.js';
import { MAX_COMMENT_CHARS } from '../src/core/compare/comment.js';
import { judge, parseBaselineLimits, readThresholds } from '../src/core/compare/thresholds.js';
import { REPORT_CACHE_KEY_PREFIX } from '../src/core/compare/base-report-inputs.js';
import { sizeReportOf } from './fixtures/size-report.js';
import { inputError } from '../test/support/input-error.js';

const sha = (digit: string) => digit.repeat(40);

describe('which runs are for a release', () => {
  it.each([
    ['push', { ref: 'refs/tags/v1.2.0' }, { tag: 'v1.2.0', visibleToPullRequests: false }],
    [
      'release',
      { release: { tag_name: 'v2.0.0-rc.1' } },
      { tag: 'v2.0.0-rc.1', visibleToPullRequests: false },
    ],
    [
      'workflow_run',
      { workflow_run: { event: 'release', head_branch: 'v1.3.0' } },
      { tag: 'v1.3.0', visibleToPullRequests: true },
    ],
  ])('knows a %s run for a tag', (name, payload, expected) => {
    expect(readReleaseRun(name, payload)).toEqual(expected);
  });

  it.each([
    ['push', { ref: 'refs/heads/main' }],
    ['workflow_run', { workflow_run: { event: 'push', head_branch: 'main' } }],
    ['pull_request', { ref: 'refs/tags/v1.0.0' }],
    ['release', {}],
    ['push', null],
  ])('is no release for %s %j', (name, payload) => {
    expect(readReleaseRun(name, payload)).toBeUndefined();
  });
});

describe('release keys', () => {
  it('never start like a base report key, so the base fallback cannot take a release', () => {
    expect(releaseReportKey('v1.0.0').startsWith(REPORT_CACHE_KEY_PREFIX)).toBe(false);
    expect(RELEASE_KEY_PREFIX.startsWith(REPORT_CACHE_KEY_PREFIX)).toBe(false);
  });

  it('keeps the tag readable and drops what a cache key cannot hold', () => {
    expect(releaseReportKey('v1.2.0')).toBe('go-size-release-v1.2.0');
    expect(releaseReportKey('cli/v1.2.0+build.5')).toBe('go-size-release-cli/v1.2.0+build.5');
    expect(releaseReportKey('v1,2 <b>')).toBe('go-size-release-v1_2__b_');
    expect(releaseReportKey('v'.repeat(600)).length).toBe(RELEASE_KEY_PREFIX.length + 200);
    expect(releaseTagOfKey(releaseReportKey('v1.2.0'))).toBe('v1.2.0');
  });
});

describe('the size history', () => {
  it('adds each Report as the newest point and keeps the last ten', () => {
    let history: SizeHistory | undefined;
    for (let i = 0; i < 13; i++)
      history = appendToHistory(history, sizeReportOf(sha((i % 10).toString()), { 'linux/amd64': 1000 + i }));
    // Commits 0…2 came back as 10…12: moved to the end, not counted twice.
    expect(history!.points).toHaveLength(MAX_HISTORY_POINTS);
    expect(history!.points.map((p) => p.sizes['. linux/amd64'])).toEqual([
      1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1012,
    ]);
    expect(history!.points.at(-1)!.commit).toBe(sha('2'));
  });

  it('reads back what it wrote and refuses anything else, naming the entry', () => {
    const history = appendToHistory(undefined, sizeReportOf(sha('a'), { 'linux/amd64': 5 }));
    expect(parseHistory(JSON.parse(JSON.stringify(history)), 'cache entry x')).toEqual(history);
    const refused = (json: unknown) => () => parseHistory(json, 'cache entry go-size-history-1');
    expect(refused([])).toThrow('cache entry go-size-history-1 is not a size history: its schema is not');
    expect(refused({ schema: HISTORY_SCHEMA, version: 1, points: [{ commit: 'main', sizes: {} }] })).toThrow(
      'points[0].commit is not a full commit SHA or null',
    );
    expect(
      refused({
        schema: HISTORY_SCHEMA,
        version: 1,
        points: [{ commit: null, sizes: { '. linux/amd64': -1 } }],
      }),
    ).toThrow('points[0].sizes[". linux/amd64"] is not a size in bytes');
    expect(
      refused({ schema: HISTORY_SCHEMA, version: 1, points: Array(11).fill({ commit: null, sizes: {} }) }),
    ).toThrow('points is not a list of at most 10');
  });

  it('gives each head target its sizes over the points, a gap where a Report lacked it', () => {
    let history = appendToHistory(undefined, sizeReportOf(sha('1'), { 'linux/amd64': 100 }));
    history = appendToHistory(history, sizeReportOf(sha('2'), { 'linux/amd64': 120, 'linux/arm64': 90 }));
    const head = sizeReportOf(sha('3'), { 'linux/amd64': 130, 'linux/arm64': 95, 'darwin/arm64': 70 });
    expect(targetTrends(history, head)).toEqual([
      { key: '. linux/amd64', target: 'linux/amd64', package: '.', history: [100, 120], head: 130 },
      { key: '. linux/arm64', target: 'linux/arm64', package: '.', history: [null, 90], head: 95 },
    ]);
  });

  it('draws a sparkline from the smallest to the largest size', () => {
    expect(sparkline([100, 150, 200])).toBe('▁▅█');
    expect(sparkline([null, 7, 7])).toBe('·▁▁');
    expect(sparkline([])).toBe('');
  });
});

describe('limits per baseline', () => {
  const read = (perTarget: string, total = '') =>
    readThresholds((name) =>
      name === 'fail-on-size-increase' ? perTarget : name === 'fail-on-total-increase' ? total : '',
    );

  it('reads a limit alone as the base commit’s, as before', () => {
    expect(read('5%,200KB')).toEqual({ perTarget: { percent: 5, bytes: 200_000, text: '5%,200KB' } });
    expect(read('base: 5%')).toEqual(read('5%'));
  });

  it('reads release: limits beside the base’s, on ; or new lines', () => {
    expect(read('5%; release:10%,1MB', 'release: 2MiB')).toEqual({
      perTarget: { percent: 5, text: '5%' },
      release: {
        perTarget: { percent: 10, bytes: 1_000_000, text: 'release:10%,1MB' },
        total: { bytes: 2_097_152, text: 'release:2MiB' },
      },
    });
    expect(read('base: 1%\nRelease: 3%')).toEqual(read('1%; release:3%'));
    expect(read('release:3%')).toEqual({ release: { perTarget: { percent: 3, text: 'release:3%' } } });
  });

  it.each([
    ['main:5%', '"main" is no baseline (base or release)'],
    ['5%; base:6%', 'it gives two limits against the base'],
    ['release:5%; release:6%', 'it gives two limits against the release'],
    ['release:', 'release: is followed by no limit'],
  ])('refuses %j, naming the input and the forms', (value, why) => {
    const error = inputError(() => parseBaselineLimits(value, 'fail-on-size-increase'));
    expect(error.input).toBe('fail-on-size-increase');
    expect(error.message).toContain(`Input fail-on-size-increase is ${JSON.stringify(value)}: ${why}`);
    expect(error.message).toContain('e.g. 5%; release:10%,1MB');
  });

  it('checks the release limit itself like any limit', () => {
    const error = inputError(() => read('release:10'));
    expect(error.message).toContain('Input fail-on-size-increase is "10": 10 has no unit');
  });
});

describe('judging against the release', () => {
  const release = { tag: 'v1.0.0', report: sizeReportOf(sha('1'), { 'linux/amd64': 1_000_000 }) };
  const head = sizeReportOf(sha('3'), { 'linux/amd64': 1_200_000 });
  const limits = read10();
  function read10() {
    return readThresholds((name) => (name === 'fail-on-size-increase' ? '50%; release:10%' : '')).release;
  }

  it('fails a head that grew past the release limit, and says which limit', () => {
    const compared = compareWithRelease(release, head, limits);
    expect(compared.verdict?.regression).toBe(true);
    expect(compared.verdict?.message).toBe(
      'Size regression: linux/amd64 grew +195.3 KiB (+20.0%), over the fail-on-size-increase limit of release:10%.',
    );
  });

  it('does not judge a release built with another Go, and says so', () => {
    const older = { ...release, report: sizeReportOf(sha('1'), { 'linux/amd64': 1_000_000 }, '1.24.9') };
    const compared = compareWithRelease(older, head, limits);
    expect(compared.verdict?.regression).toBe(false);
    expect(compared.comparison.baseBuild.kind).toBe('unlike');
    expect(renderReleaseSection(compared).join('\n')).toContain(
      '> ⚠️ The release was built otherwise than head (Go 1.24.9 \\(head 1.25.4\\))',
    );
  });

  it('combines the verdicts: either regression fails, the base speaks first', () => {
    const base = judge(undefined, {});
    const failed = compareWithRelease(release, head, limits).verdict!;
    const within = compareWithRelease(
      release,
      sizeReportOf(null, { 'linux/amd64': 1_010_000 }),
      limits,
    ).verdict!;
    expect(combineVerdicts(base, undefined, false)).toBe(base);
    expect(combineVerdicts(base, failed, true)).toBe(failed);
    expect(combineVerdicts(base, within, false)).toBe(within);
    expect(combineVerdicts(base, within, true)).toBe(base);
    const baseFailed = { ...failed, message: 'Size regression: base.' };
    expect(combineVerdicts(baseFailed, failed, true).message).toBe(
      `Size regression: base. Against the release: ${failed.message}`,
    );
  });
});

describe('the comment sections', () => {
  const head = sizeReportOf(sha('3'), { 'linux/amd64': 2_000_000, 'linux/arm64': 1_800_000 });

  it('shows head against the release, with its tag and commit escaped', () => {
    const release = {
      tag: 'v1.0.0_<b>',
      report: sizeReportOf(sha('1'), { 'linux/amd64': 1_900_000, 'linux/arm64': 1_800_000 }),
    };
    expect(renderReleaseSection(compareWithRelease(release, head, undefined))).toEqual([
      '#### Against the latest release v1.0.0\\_&lt;b&gt; (`1111111`)',
      '',
      '| Target | Package | Release | Head | Change | % |',
      '| :-- | :-- | --: | --: | --: | --: |',
      '| linux/amd64 | . | 1.8 MiB | 1.9 MiB | +97.7 KiB | +5.3% |',
      '',
    ]);
    expect(renderReleaseSection(undefined)).toEqual([]);
  });

  it('shows each target’s trend, oldest first and head last', () => {
    let history = appendToHistory(undefined, sizeReportOf(sha('1'), { 'linux/amd64': 1_800_000 }));
    history = appendToHistory(history, sizeReportOf(sha('2'), { 'linux/amd64': 1_900_000 }));
    expect(renderTrendSection(history, head)).toEqual([
      '#### Trend over the last 2 default-branch reports, then head',
      '',
      '| Target | Package | Trend | Oldest | Head | Change |',
      '| :-- | :-- | :-- | --: | --: | --: |',
      '| linux/amd64 | . | ▁▅█ | 1.7 MiB | 1.9 MiB | +195.3 KiB (+11.1%) |',
      '',
    ]);
    expect(renderTrendSection(undefined, head)).toEqual([]);
  });

  it('adds the sections only while the comment fits GitHub’s limit, the trend going first', () => {
    expect(withBaselineSections('body\n', ['release'], ['trend'])).toBe('body\n\nrelease\ntrend');
    const long = 'x'.repeat(MAX_COMMENT_CHARS - 12);
    expect(withBaselineSections(long, ['release'], ['trend'])).toBe(`${long}\n\nrelease`);
    expect(withBaselineSections(long, ['a release section'], [])).toBe(long);
    expect(withBaselineSections('body', [], [])).toBe('body');
  });
});
