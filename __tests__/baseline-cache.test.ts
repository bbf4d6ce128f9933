// The release's Report and the default branch's size history in the cache, through @actions/cache, the local
// cache service and a real blob store (azurite): saved the way the post step saves them, found the way a pull
// request's run looks for them.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { releaseReportKey } from '../src/core/compare/baselines.js';
import { readThresholds, type Thresholds } from '../src/core/compare/thresholds.js';
import { restoreReportFromCache, saveReportToCache } from '../src/io/github/base-report.js';
import {
  compareWithOtherBaselines,
  restoreLatestRelease,
  saveReleaseReport,
  saveToHistory,
} from '../src/io/github/baseline-cache.js';
import type { Report } from '../src/core/report/report.js';
import { sizeReportOf } from './fixtures/size-report.js';
import { startCacheService, useCacheService, type CacheService } from '../test/support/cache-service.js';
import { captureLog, type CapturedLog } from '../test/support/github-api.js';

const savedEnv = { ...process.env };
const HEADER = 'setup-go-arm64';
const commitOf = (n: number) => n.toString(16).padStart(40, 'c');
let root: string;
let temp: string;
let service: CacheService;
let log: CapturedLog;

const sizeReport = (commit: string, sizeBytes: number): Report =>
  sizeReportOf(commit, { 'linux/amd64': sizeBytes });

/** What a pull request whose base is `baseSha` and head is `headBytes` big finds besides its base. */
const othersFor = (baseSha: string, headBytes: number, header: string, limits?: Thresholds['release']) =>
  compareWithOtherBaselines({ baseSha, head: sizeReport(commitOf(99), headBytes), temp, header, limits });

const downloads = () => service.requests.filter((r) => r.route === 'GetCacheEntryDownloadURL').length;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'baseline-cache-'));
  temp = path.join(root, 'runner-temp');
  await mkdir(path.join(root, 'workspace'), { recursive: true });
  service = await startCacheService();
  useCacheService(service, path.join(root, 'workspace'), temp);
}, 120_000);

afterAll(async () => {
  await service?.stop();
  for (const name of Object.keys(process.env)) if (!(name in savedEnv)) delete process.env[name];
  Object.assign(process.env, savedEnv);
  await rm(root, { recursive: true, force: true });
});

// @actions/cache logs at length; each test's log is kept to be looked at, not printed.
beforeEach(() => {
  log = captureLog();
});
afterEach(() => log.stop());

describe('the newest release', () => {
  it('is saved under its tag and found by the prefix alone, the newest winning', async () => {
    const tagRun = { tag: 'v1.0.0', visibleToPullRequests: false };
    expect(await saveReleaseReport(sizeReport(commitOf(1), 1_000_000), tagRun, temp, HEADER)).toBe(true);
    expect(log.text()).toContain('GitHub scopes what it caches to the tag, where no pull request looks');
    const afterRelease = { tag: 'v1.1.0', visibleToPullRequests: true };
    expect(await saveReleaseReport(sizeReport(commitOf(2), 1_100_000), afterRelease, temp, HEADER)).toBe(
      true,
    );
    expect(service.entries().map((e) => e.key)).toEqual([
      releaseReportKey('v1.0.0'),
      releaseReportKey('v1.1.0'),
    ]);

    const latest = await restoreLatestRelease(temp, HEADER);
    expect(latest?.tag).toBe('v1.1.0');
    expect(latest?.report).toEqual(sizeReport(commitOf(2), 1_100_000));
    expect(await restoreLatestRelease(temp, 'another-workflow')).toBeUndefined();
    expect(log.text()).toContain('No release’s size report in the cache');
  });

  it('is never what a pull request whose base saved nothing falls back to', async () => {
    expect(await saveReportToCache(sizeReport(commitOf(3), 1_050_000), commitOf(3), temp, HEADER)).toBe(true);
    expect(
      await saveReleaseReport(
        sizeReport(commitOf(4), 999),
        { tag: 'v1.2.0', visibleToPullRequests: true },
        temp,
        HEADER,
      ),
    ).toBe(true);
    const fallback = await restoreReportFromCache('0'.repeat(40), temp, HEADER);
    expect(fallback?.commit).toBe(commitOf(3));
    expect((await restoreLatestRelease(temp, HEADER))?.tag).toBe('v1.2.0');
  });
});

describe('the default branch’s size history', () => {
  const header = 'history-test';

  it('grows with each default-branch save and keeps the last ten, each save reading the one before', async () => {
    for (let n = 1; n <= 12; n++)
      expect(
        await saveToHistory(sizeReport(commitOf(n), 1_000_000 + n * 1000), commitOf(n), temp, header),
      ).toBe(true);
    expect(log.text()).toContain('No size history in the cache');
    expect(log.text()).toContain(
      `Saved the size history (10 default-branch reports) to the cache as go-size-history-${commitOf(12)}`,
    );

    const before = downloads();
    const others = await othersFor(commitOf(12), 1_020_000, header);
    // One lookup for the release and one for the whole trend, however long it is.
    expect(downloads() - before).toBe(2);
    expect(others.release).toBeUndefined();
    expect(others.sections.release).toEqual([]);
    expect(others.sections.trend).toEqual([
      '#### Trend over the last 10 default-branch reports, then head',
      '',
      '| Target | Package | Trend | Oldest | Head | Change |',
      '| :-- | :-- | :-- | --: | --: | --: |',
      '| linux/amd64 | . | ▁▁▂▂▃▃▃▄▄▅█ | 979.5 KiB | 996.1 KiB | +16.6 KiB (+1.7%) |',
      '',
    ]);
  });

  it('ends at the base commit when the base saved one', async () => {
    const others = await othersFor(commitOf(5), 1_020_000, header);
    expect(others.sections.trend[0]).toBe('#### Trend over the last 5 default-branch reports, then head');
  });
});

describe('a pull request against the release', () => {
  it('judges the release: limits and shows the release’s section', async () => {
    const limits = readThresholds((name) => (name === 'fail-on-size-increase' ? 'release:5%' : '')).release;
    const others = await othersFor(commitOf(3), 1_100, HEADER, limits);
    expect(others.release?.tag).toBe('v1.2.0');
    expect(others.release?.verdict?.regression).toBe(true);
    expect(others.sections.release.join('\n')).toContain(
      '**❌ Size regression: linux/amd64 grew +101 B \\(+10.1%\\), over the fail-on-size-increase limit of release:5%.**',
    );
  });

  it('does without a cache service', async () => {
    const url = process.env.ACTIONS_RESULTS_URL;
    delete process.env.ACTIONS_RESULTS_URL;
    try {
      const others = await othersFor(commitOf(3), 1, HEADER);
      expect(others).toEqual({ sections: { release: [], trend: [] } });
    } finally {
      process.env.ACTIONS_RESULTS_URL = url;
    }
    expect(log.text()).toContain(
      'The cache service is not available here; no release size report to restore',
    );
  });
});
