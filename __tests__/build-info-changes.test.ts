// Why a binary grew, by module: the bundled action builds examples/hello (base) and a head that adds
// github.com/dustin/go-humanize and moves spf13/pflag to v1.0.7 (both downloaded from the Go module proxy); the two
// Reports' build info is checked against `go version -m`, compared, rendered, and carried through a fork's
// comment file. The pure diff is checked on its own cases at the end.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { GoBuildInfo } from '../src/core/binary/buildinfo.js';
import { inspectBinaryFile } from '../src/io/binary/inspect-file.js';
import { buildInfoChanges } from '../src/core/compare/build-info-changes.js';
import { renderSizeComment } from '../src/core/compare/comment.js';
import { createCommentFile, verifyCommentFile } from '../src/core/compare/comment-file.js';
import { compareReports, type SizeComparison } from '../src/core/compare/compare.js';
import { parseReport } from '../src/core/report/parse.js';
import { judge } from '../src/core/compare/thresholds.js';
import type { Report } from '../src/core/report/report.js';
import { changeHelloHead } from '../scripts/demo-pr.js';
import { runAction } from '../scripts/local-runner.js';
import { REPO_ROOT, UNSET_MACHINE_ENV } from '../test/support/action-harness.js';
import { recordCase } from '../test/support/suite-counts.js';
import { runGo } from './fixtures/binary/go-programs.js';
import { buildTestEnv, localGo, toolCacheWithLocalGo, type LocalGo } from './fixtures/builds/go-modules.js';

const BASE_SHA = '1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d';
const HEAD_SHA = '9f8e7d6c5b4a39281706f5e4d3c2b1a098765432';

let root: string;
let go: LocalGo;
let toolCache: string;
let moduleCache: string;
let base: Report;
let head: Report;
let comparison: SizeComparison;

/** The action's Report for the module in `workspace`, built for linux/amd64 with its default -s -w. */
async function actionReport(workspace: string, commit: string): Promise<Report> {
  const result = await runAction({
    actionDir: REPO_ROOT,
    workspace,
    toolCache,
    temp: await mkdtemp(path.join(root, 'temp-')),
    skipPost: true,
    sha: commit,
    env: { ...buildTestEnv({ GOMODCACHE: moduleCache }), ...UNSET_MACHINE_ENV },
    inputs: { 'go-version': go.version, targets: 'linux/amd64', cache: 'false', attribution: 'true' },
  });
  if (!result.success)
    throw new Error(`the action failed on ${workspace}:\n${result.steps.map((s) => s.stdout).join('\n')}`);
  return parseReport(JSON.parse(result.outputs.report ?? ''), `${workspace}'s report`);
}

/** What `go version -m -json` says a file links: the dependencies as the Report records them, and the toolchain. */
async function linkedByGo(file: string): Promise<Pick<GoBuildInfo, 'goVersion' | 'deps'>> {
  const json = JSON.parse(await runGo(['version', '-m', '-json', file])) as {
    GoVersion: string;
    Deps: { Path: string; Version: string; Sum: string }[];
  };
  return {
    goVersion: json.GoVersion,
    deps: json.Deps.map((d) => ({ path: d.Path, version: d.Version, sum: d.Sum })),
  };
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'build-info-changes-'));
  moduleCache = path.join(root, 'modcache');
  go = await localGo();
  toolCache = await toolCacheWithLocalGo(go);
  const [baseDir, headDir] = [path.join(root, 'base'), path.join(root, 'head')];
  for (const dir of [baseDir, headDir])
    await cp(path.join(REPO_ROOT, 'examples/hello'), dir, { recursive: true });
  await changeHelloHead(headDir);
  // The builds run with GOPROXY=off, so the modules come from the proxy first, as on a runner's first run.
  for (const dir of [baseDir, headDir])
    await runGo(['mod', 'download'], { cwd: dir, env: { GOMODCACHE: moduleCache, GOFLAGS: '-mod=mod' } });
  [base, head] = [await actionReport(baseDir, BASE_SHA), await actionReport(headDir, HEAD_SHA)];
  comparison = compareReports(base, head);
}, 600_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('the build info a Report carries', () => {
  it('is what go version -m reads from the stripped binary', async () => {
    for (const report of [base, head]) {
      const [target] = report.targets;
      const file = path.join(root, report === base ? 'base' : 'head', target?.path ?? '');
      expect(target?.buildInfo).toMatchObject(await linkedByGo(file));
      expect(target?.buildInfo).toEqual((await inspectBinaryFile(file)).buildInfo);
      expect(target?.buildInfo?.settings).toMatchObject({
        GOOS: 'linux',
        GOARCH: 'amd64',
        '-trimpath': 'true',
      });
    }
    expect(head.targets[0]?.buildInfo?.deps.map((d) => `${d.path}@${d.version}`)).toContain(
      'github.com/dustin/go-humanize@v1.0.1',
    );
  });
});

describe('why the target grew', () => {
  it('names the module head added and the one it upgraded, and nothing else', () => {
    const [row] = comparison.rows;
    expect(row?.deltaBytes).toBeGreaterThan(0);
    expect(row?.buildChanges).toEqual({
      modules: [
        { path: 'github.com/dustin/go-humanize', head: { version: 'v1.0.1' } },
        { path: 'github.com/spf13/pflag', base: { version: 'v1.0.6' }, head: { version: 'v1.0.7' } },
      ],
      settings: [],
    });
  });

  const section = (body: string) => body.slice(body.indexOf('<details><summary>What grew in'));

  it('lists them in the comment, next to the packages that grew most', () => {
    const body = renderSizeComment({ header: 'setup-go-arm64' }, comparison, judge(comparison, {}));
    const lines = section(body).split('\n');
    expect(lines[0]).toBe('<details><summary>What grew in linux/amd64: modules 1 added, 1 changed</summary>');
    expect(lines.slice(2, 6)).toEqual([
      '| Module | Base | Head |',
      '| :-- | :-- | :-- |',
      '| github.com/dustin/go-humanize | — | v1.0.1 |',
      '| github.com/spf13/pflag | v1.0.6 | v1.0.7 |',
    ]);
    expect(lines.slice(7, 9)).toEqual(['| Package | Base | Head | Change |', '| :-- | --: | --: | --: |']);
    expect(lines.slice(9).some((line) => line.startsWith('| golang.org/x/text/collate |'))).toBe(true);
  });

  it('travels in a fork’s comment file and is shown by the poster', () => {
    const file = createCommentFile(7, HEAD_SHA, 'setup-go-arm64', {
      head,
      base: { report: base, commit: BASE_SHA },
      thresholds: {},
    });
    const posted = verifyCommentFile(JSON.parse(JSON.stringify(file)), 'size-comment.json');
    expect(section(posted.body)).toContain('| github.com/dustin/go-humanize | — | v1.0.1 |');
  });

  it('shows the build settings and the toolchain that changed, and withholds values that are not plain', () => {
    const [baseInfo, headInfo] = [base.targets[0]?.buildInfo, head.targets[0]?.buildInfo] as [
      GoBuildInfo,
      GoBuildInfo,
    ];
    const otherwise = {
      ...headInfo,
      goVersion: 'go1.27.0',
      settings: { ...headInfo.settings, GOAMD64: 'v3', CGO_CFLAGS: 'approved by the security team' },
    };
    const grown = { ...head, targets: [{ ...head.targets[0]!, buildInfo: otherwise }] };
    const changed = compareReports(
      { ...base, targets: [{ ...base.targets[0]!, buildInfo: baseInfo }] },
      grown,
    );
    const body = renderSizeComment({ header: 'h' }, changed, judge(changed, {}));
    expect(section(body)).toContain(
      ': modules 1 added, 1 changed, another Go, other build settings</summary>',
    );
    expect(section(body)).toContain(
      [
        '| Build setting | Base | Head |',
        '| :-- | :-- | :-- |',
        `| Go | ${baseInfo.goVersion} | go1.27.0 |`,
        '| CGO\\_CFLAGS | unset | (not shown: not plain text) |',
        '| GOAMD64 | v1 | v3 |',
      ].join('\n'),
    );
  });
});

describe('build info in a comment file from an untrusted run', () => {
  // Each case edits a copy of head's Report when it runs, after the builds.
  const withHeadInfo = (change: (info: GoBuildInfo) => void) => () => {
    const copy = JSON.parse(JSON.stringify(head)) as Report;
    change(copy.targets[0]!.buildInfo!);
    return createCommentFile(7, HEAD_SHA, 'setup-go-arm64', {
      head: copy,
      base: { report: base, commit: BASE_SHA },
      thresholds: {},
    });
  };
  const humanize = (info: GoBuildInfo) => info.deps.find((d) => d.path === 'github.com/dustin/go-humanize')!;

  it.each([
    [
      'a module path that mentions a team',
      withHeadInfo((info) => (humanize(info).path = '@octo/security-team')),
      'head: targets[0].buildInfo has module path "@octo/security-team", which is not plain text',
    ],
    [
      'a version that is a sentence',
      withHeadInfo((info) => (humanize(info).version = 'v1.0.1 approved by the security team')),
      'has version "v1.0.1 approved by the security team" of github.com/dustin/go-humanize',
    ],
    [
      'a replacement that is a link',
      withHeadInfo(
        (info) => (humanize(info).replace = { path: '[fix](https://evil.example)', version: 'v1.0.2' }),
      ),
      'has module path "[fix](https://evil.example)"',
    ],
    [
      'a toolchain that is HTML',
      withHeadInfo((info) => (info.goVersion = '<img src=x>')),
      'has goVersion "<img src=x>"',
    ],
    [
      'a setting named like a sentence',
      withHeadInfo((info) => (info.settings['approved by security'] = '1')),
      'has setting "approved by security"',
    ],
    [
      'dependencies that are no list',
      withHeadInfo((info) => ((info as unknown as { deps: string }).deps = 'github.com/x')),
      'head is not a setup-go-arm64 report (schema v1): targets[0].buildInfo.deps is not a list; it is "github.com/x"',
    ],
  ])('refuses %s', (what, fileOf, why) => {
    recordCase('attack', `build-info: a comment file with ${what}`);
    const file = fileOf();
    expect(() => verifyCommentFile(JSON.parse(JSON.stringify(file)), 'c.json')).toThrow(
      `c.json is refused: `,
    );
    expect(() => verifyCommentFile(JSON.parse(JSON.stringify(file)), 'c.json')).toThrow(why);
  });
});

describe('buildInfoChanges', () => {
  const info = (deps: GoBuildInfo['deps'], settings: Record<string, string> = {}): GoBuildInfo => ({
    goVersion: 'go1.25.4',
    path: 'example.com/app',
    main: { path: 'example.com/app', version: '(devel)' },
    deps,
    settings: { GOOS: 'linux', GOARCH: 'amd64', ...settings },
  });
  const uuid = { path: 'github.com/google/uuid', version: 'v1.6.0', sum: 'h1:x' };
  const text = { path: 'golang.org/x/text', version: 'v0.30.0', sum: 'h1:y' };

  it('is undefined for the same modules and settings, whatever the commit', () => {
    const same = buildInfoChanges(
      info([uuid, text], {
        'vcs.revision': 'aaa',
        'vcs.time': '2026-01-01T00:00:00Z',
        '-ldflags': '-X m.c=a',
      }),
      {
        ...info([text, uuid], {
          'vcs.revision': 'bbb',
          'vcs.time': '2026-02-01T00:00:00Z',
          '-ldflags': '-X m.c=b',
        }),
        main: { path: 'example.com/app', version: 'v0.0.0-20260201000000-bbbbbbbbbbbb' },
      },
    );
    expect(same).toBeUndefined();
  });

  it('finds removed modules and replacements that moved, ordered by path', () => {
    const greet = { path: 'example.com/greet', version: 'v0.0.0' };
    const changes = buildInfoChanges(
      info([uuid, { ...greet, replace: { path: './greet', version: '(devel)' } }, text]),
      info([text, { ...greet, replace: { path: 'example.com/greet-fork', version: 'v0.1.0' } }]),
    );
    expect(changes).toEqual({
      modules: [
        {
          path: 'example.com/greet',
          base: { version: 'v0.0.0', replace: { path: './greet', version: '(devel)' } },
          head: { version: 'v0.0.0', replace: { path: 'example.com/greet-fork', version: 'v0.1.0' } },
        },
        { path: 'github.com/google/uuid', base: { version: 'v1.6.0' } },
      ],
      settings: [],
    });
  });

  it('finds settings set, unset or changed, and another toolchain', () => {
    const changes = buildInfoChanges(info([], { CGO_ENABLED: '0', '-tags': 'netgo' }), {
      ...info([], { CGO_ENABLED: '1', DefaultGODEBUG: 'gotypesalias=0' }),
      goVersion: 'go1.26.0',
    });
    expect(changes).toEqual({
      modules: [],
      goVersion: { base: 'go1.25.4', head: 'go1.26.0' },
      settings: [
        { key: '-tags', base: 'netgo' },
        { key: 'CGO_ENABLED', base: '0', head: '1' },
        { key: 'DefaultGODEBUG', head: 'gotypesalias=0' },
      ],
    });
  });
});
