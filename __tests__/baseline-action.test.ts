// The bundled action end to end, main and post as the runner runs them, against the local cache service and a
// real blob store: a release's run saves its Report, default-branch pushes save theirs and the history, and a
// pull request's comment and summary compare with the release and show the trend, failing on a release: limit.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runAction, type RunActionResult } from '../scripts/local-runner.js';
import type { Report } from '../src/core/report/report.js';
import { sizeReportOf } from './fixtures/size-report.js';
import { messagesOf, REPO_ROOT, UNSET_MACHINE_ENV } from '../test/support/action-harness.js';
import { startCacheService, type CacheService } from '../test/support/cache-service.js';

const commitOf = (n: number) => n.toString(16).padStart(40, 'a');
let root: string;
let temp: string;
let service: CacheService;

const sizeReport = (commit: string, sizeBytes: number): Report =>
  sizeReportOf(commit, { 'linux/amd64': sizeBytes });

/** One run of the action that merges `report` (no build), for `eventName`. */
async function run(
  report: Report,
  eventName: string,
  eventPayload: unknown,
  inputs: Record<string, string> = {},
): Promise<RunActionResult> {
  const workspace = await mkdtemp(path.join(root, 'ws-'));
  await mkdir(path.join(workspace, 'reports'));
  await writeFile(path.join(workspace, 'reports', 'linux.json'), JSON.stringify(report));
  return runAction({
    actionDir: REPO_ROOT,
    workspace,
    toolCache: path.join(root, 'toolcache'),
    // The same RUNNER_TEMP in every run, as on GitHub's runners: the cached file's path is part of its version.
    temp,
    eventName,
    eventPayload,
    sha: report.commit ?? undefined,
    inputs: { 'merge-reports': 'reports/*.json', 'github-token': '', ...inputs },
    env: { ...UNSET_MACHINE_ENV, ...service.env },
  });
}

const postLog = (result: RunActionResult) => result.steps.find((s) => s.name === 'post')?.stdout ?? '';

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'baseline-action-'));
  temp = path.join(root, 'runner-temp');
  await mkdir(temp, { recursive: true });
  service = await startCacheService();
}, 120_000);

afterAll(async () => {
  await service?.stop();
  await rm(root, { recursive: true, force: true });
});

const repository = {
  name: 'hello',
  owner: { login: 'octo' },
  default_branch: 'main',
  full_name: 'octo/hello',
};

describe('a release, two default-branch pushes, then a pull request', () => {
  it('saves the release’s Report from the workflow_run after the release, under its tag', async () => {
    const result = await run(sizeReport(commitOf(1), 1_000_000), 'workflow_run', {
      workflow_run: { event: 'release', head_branch: 'v1.0.0' },
      repository,
    });
    expect(result.success).toBe(true);
    expect(postLog(result)).toContain(
      'Saved the size report of v1.0.0 to the cache as go-size-release-v1.0.0',
    );
  }, 120_000);

  it('saves each push’s Report and the history that grows with them', async () => {
    for (const [n, size] of [
      [2, 1_050_000],
      [3, 1_080_000],
    ] as const) {
      const result = await run(sizeReport(commitOf(n), size), 'push', { ref: 'refs/heads/main', repository });
      expect(result.success).toBe(true);
      expect(postLog(result)).toContain(`go-size-report-${commitOf(n)}`);
      expect(postLog(result)).toContain(
        `Saved the size history (${n - 1} default-branch reports) to the cache as go-size-history-${commitOf(n)}`,
      );
    }
    expect(service.entries().map((e) => e.key)).toEqual([
      'go-size-release-v1.0.0',
      `go-size-report-${commitOf(2)}`,
      `go-size-history-${commitOf(2)}`,
      `go-size-report-${commitOf(3)}`,
      `go-size-history-${commitOf(3)}`,
    ]);
  }, 240_000);

  it('compares the pull request with the release and shows the trend, failing on the release: limit', async () => {
    const result = await run(
      sizeReport(commitOf(9), 1_100_000),
      'pull_request',
      {
        pull_request: {
          number: 4,
          base: { sha: commitOf(3), repo: { full_name: 'octo/hello' } },
          head: { sha: commitOf(9), repo: { full_name: 'octo/hello' } },
        },
        repository,
      },
      { 'fail-on-size-increase': '5%; release:5%' },
    );
    const body = result.outputs['comment-body'] ?? '';
    expect(body).toContain('Base `aaaaaaa` → head `aaaaaaa` · base sizes from the cache entry for aaaaaaa');
    expect(body).toContain(
      [
        '#### Against the latest release v1.0.0 (`aaaaaaa`)',
        '',
        '| Target | Package | Release | Head | Change | % |',
        '| :-- | :-- | --: | --: | --: | --: |',
        '| linux/amd64 | . | 976.6 KiB | 1.0 MiB | +97.7 KiB | +10.0% |',
        '',
        '**❌ Size regression: linux/amd64 grew +97.7 KiB \\(+10.0%\\), over the fail-on-size-increase limit of release:5%.**',
      ].join('\n'),
    );
    expect(body).toContain('#### Trend over the last 2 default-branch reports, then head');
    expect(body).toContain('| linux/amd64 | . | ▁▅█ | 1.0 MiB | 1.0 MiB | +48.8 KiB (+4.8%) |');
    // Within the base's 5% (+1.9%), over the release's: the step fails for the release alone.
    expect(result.outputs['size-regression']).toBe('true');
    expect(messagesOf(result, 'error').join('\n')).toContain(
      'over the fail-on-size-increase limit of release:5%',
    );
    expect(result.summary).toContain('#### Against the latest release v1.0.0');
  }, 120_000);
});
