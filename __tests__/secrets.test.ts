// Secrets never reach a log. The action runs through the local runner with a github-token that posts a real size
// comment to the GitHub API stand-in, and with a cache service whose signed blob URLs @actions/cache logs at debug
// level; then every log this test run has saved so far (the local runner saves each step's output when
// SETUP_GO_ARM64_LOG_DIR is set, as the suite reporter arranges) is scanned for the tokens the tests recorded,
// and for `sig=` values GitHub would display unmasked. Each finding is counted, and fails this test. The suite
// reporter scans once more at the end, for logs written after this test ran.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildReport } from '../src/core/report/report.js';
import { runAction, type RunActionOptions, type RunActionResult } from '../scripts/local-runner.js';
import {
  BLOB_MODULE,
  gitIn,
  REPO_ROOT,
  UNSET_MACHINE_ENV,
  writeModuleProxy,
} from '../test/support/action-harness.js';
import { startCacheService, type CacheService } from '../test/support/cache-service.js';
import { startGitHubApi, type GitHubApi } from '../test/support/github-api.js';
import { describeFinding, scanRunLogs, scanSavedLogs } from '../test/support/log-scan.js';
import { recordCase, recordedSecrets, recordOutcome, recordSecret } from '../test/support/suite-counts.js';
import {
  buildTestEnv,
  localGo,
  scratchDir,
  tempModule,
  toolCacheWithLocalGo,
  twoCommandModule,
  type LocalGo,
} from './fixtures/builds/go-modules.js';

const TOKEN = `ghs_${randomBytes(18).toString('hex')}`;
const OWNER = 'octo';
const REPO = 'hello';

let api: GitHubApi;
let cacheService: CacheService;
let go: LocalGo;
let toolCache: string;
let workspace: string;
/** GOPROXY, GOMODCACHE and friends: one module cache path for every run, as on runners of one image. */
let goEnv: Record<string, string>;
/** Where this test's runs save their logs: the suite's directory, or one of its own outside a reported run. */
let logDir: string;
const runs: RunActionResult[] = [];

async function run(options: Partial<RunActionOptions> & { inputs: Record<string, string> }) {
  const result = await runAction({
    actionDir: REPO_ROOT,
    workspace,
    toolCache,
    logDir,
    ...options,
    env: {
      ...buildTestEnv(),
      ...UNSET_MACHINE_ENV,
      ...cacheService.env,
      GITHUB_API_URL: api.url,
      ...goEnv,
      ...options.env,
    },
    inputs: { 'go-version': go.version, 'working-directory': 'app', ...options.inputs },
  });
  runs.push(result);
  return result;
}

beforeAll(async () => {
  logDir = process.env.SETUP_GO_ARM64_LOG_DIR ?? (await mkdtemp(path.join(os.tmpdir(), 'sga-secrets-logs-')));
  go = await localGo();
  [api, cacheService, toolCache] = await Promise.all([
    startGitHubApi(),
    startCacheService(),
    toolCacheWithLocalGo(go),
  ]);
  api.addToken(TOKEN, 'write');
  recordSecret(TOKEN, 'the github-token');
  recordSecret(cacheService.token, 'the cache service runtime token');
  const scratch = await scratchDir('sga-secrets-');
  workspace = path.join(scratch, 'workspace');
  const app = path.join(workspace, 'app');
  await tempModule(twoCommandModule(), app);
  // A dependency, so the module cache has something to save and restore.
  goEnv = {
    GOPROXY: await writeModuleProxy(path.join(scratch, 'proxy')),
    GOSUMDB: 'off',
    GOFLAGS: '-mod=mod',
    GOMODCACHE: path.join(scratch, 'modcache'),
  };
  execFileSync(go.goBinary, ['get', `${BLOB_MODULE}@v1.0.0`], {
    cwd: app,
    env: { ...buildTestEnv(), ...goEnv },
  });
  execFileSync('chmod', ['-R', 'u+w', goEnv.GOMODCACHE as string]);
  await rm(goEnv.GOMODCACHE as string, { recursive: true });
  const git = gitIn(workspace);
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'the pull request');
  const headSha = git('rev-parse', 'HEAD');
  api.addPullRequest(OWNER, REPO, { number: 3, state: 'open', headSha, baseSha: 'b'.repeat(40) });
  const host = `${go.goos}/${go.goarch}`;
  const [goos, goarch] = host.split('/') as [string, string];
  // The base side of the comparison: the same target, smaller.
  await writeFile(
    path.join(workspace, 'base-report.json'),
    JSON.stringify(
      buildReport({
        go: { version: go.version, hostOs: go.goos, hostArch: go.goarch, native: true },
        commit: 'b'.repeat(40),
        flags: { ldflags: '-s -w', trimpath: true, cgo: false },
        targets: [
          {
            goos,
            goarch,
            package: './cmd/a',
            path: `app/dist/a_${goos}_${goarch}`,
            sizeBytes: 1000,
            buildMs: 1,
            sha256: 'c'.repeat(64),
            format: 'elf',
            arch: goarch,
          },
        ],
        wallMs: 1,
      }),
    ),
  );
  const pullRequest = {
    eventName: 'pull_request',
    sha: headSha,
    eventPayload: {
      pull_request: {
        number: 3,
        head: { sha: headSha, repo: { full_name: `${OWNER}/${REPO}` } },
        base: { sha: 'b'.repeat(40), repo: { full_name: `${OWNER}/${REPO}` } },
      },
      repository: { name: REPO, owner: { login: OWNER } },
    },
  };
  const build = {
    targets: host,
    packages: './cmd/a',
    'github-token': TOKEN,
    'base-report': 'base-report.json',
    'comment-on': 'always',
    'cache-build': 'false',
  };
  // A first run saves the module cache (a signed upload URL), a second restores it (a signed download URL).
  const download = [{ name: 'go mod download', command: 'go', args: ['-C', 'app', 'mod', 'download'] }];
  await run({ ...pullRequest, between: download, inputs: build });
  execFileSync('chmod', ['-R', 'u+w', goEnv.GOMODCACHE as string]);
  await rm(goEnv.GOMODCACHE as string, { recursive: true });
  await run({ ...pullRequest, inputs: build });
  // A malformed token: warned about, never echoed, each of its lines masked.
  const halves = [`ghs_${randomBytes(12).toString('hex')}`, randomBytes(12).toString('hex')];
  halves.forEach((half, index) => recordSecret(half, `line ${index + 1} of a malformed github-token`));
  await run({ ...pullRequest, inputs: { ...build, 'github-token': halves.join('\n') } });
}, 300_000);

afterAll(async () => {
  await Promise.all([api?.stop(), cacheService?.stop()]);
});

describe('secrets in logs', () => {
  it('runs the action with a token that posts and a cache that hands out signed URLs', () => {
    recordCase('attack', 'secrets: a github-token and signed cache URLs in the logs of a pull-request run');
    expect(runs.map((result) => result.success)).toEqual([true, true, true]);
    // The token really was used, so a leak had every chance to happen.
    expect(
      api.requests.filter((request) => request.authorization === `token ${TOKEN}`).length,
    ).toBeGreaterThan(0);
    expect(api.comments(OWNER, REPO, 3)).toHaveLength(1);
    expect(runs[0]?.masks).toContain(TOKEN);
    expect(runs[1]?.outputs['cache-hit']).toBe('exact');
    // Signed URLs were logged, and displayed masked.
    const displayed = runs.flatMap((result) => result.steps.map((step) => step.displayedLog)).join('\n');
    expect(displayed).toMatch(/sig=\*\*\*/);
    expect(displayed).not.toContain(TOKEN);
    expect(runs[2]?.steps[0]?.commands.find((c) => c.command === 'warning')?.message).toContain(
      'github-token',
    );
  });

  it('finds no recorded token and no unmasked signature in any log saved so far', () => {
    recordCase('attack', 'secrets: every saved log scanned for tokens and unmasked signatures');
    const scan = scanSavedLogs(logDir, recordedSecrets());
    for (const finding of scan.findings) recordOutcome('secret-in-log', describeFinding(finding));
    expect(scan.logs).toBeGreaterThanOrEqual(runs.length);
    expect(scan.findings.map(describeFinding)).toEqual([]);
  });

  it('would find them: a token outside its mask line, and a signature shown before its mask', () => {
    const secret = { label: 'a token', value: `ghs_${randomBytes(8).toString('hex')}` };
    const url = 'https://blob.example/c/x.tar?sv=2024&sig=AbC%2Fd';
    const { findings } = scanRunLogs(
      [
        { file: '0-main.log', text: `::add-mask::${secret.value}\nusing ${secret.value}\nGET ${url}` },
        { file: '1-post.log', text: `::add-mask::AbC%252Fd\n::debug::GET ${url.replace(/%/g, '%25')}` },
      ],
      [secret],
    );
    expect(findings.map(describeFinding)).toEqual([
      '0-main.log:2: a token appears in the log',
      "0-main.log:3: a signed URL's sig= (7 characters) is displayed unmasked",
    ]);
  });
});
