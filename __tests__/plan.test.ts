// Planning builds: file names, collisions, the argv go gets, and ldflags stamped with version, commit and date.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stampValues, templateLdflags, usedPlaceholders } from '../src/core/build/ldflags.js';
import { planBuilds, unstrippedBuild, type BuildConfig } from '../src/core/build/plan.js';
import { parseTargets } from '../src/core/build/targets.js';
import { inputError } from '../test/support/input-error.js';

const moduleDir = path.resolve('/work/repo/tools');
const outputDir = path.join(moduleDir, 'dist');

function config(overrides: Partial<BuildConfig> = {}): BuildConfig {
  return {
    workingDirectory: moduleDir,
    packages: ['.'],
    targets: parseTargets('linux/amd64 windows/arm64'),
    ldflags: '-s -w',
    trimpath: true,
    cgo: false,
    tags: [],
    extraFlags: [],
    outputDir,
    nameTemplate: '{name}_{goos}_{goarch}{ext}',
    ...overrides,
  };
}

const names = (jobs: { output: string }[]) => jobs.map((job) => path.relative(outputDir, job.output));
/** How each planned argv opens: `go build -o` the file `name` in the output directory. */
const buildInto = (name: string) => ['build', '-o', path.join(outputDir, name)];

describe('planBuilds', () => {
  it('names each binary after its package and target, .exe on windows', () => {
    const jobs = planBuilds(config({ packages: ['.', './cmd/lint/'] }));
    expect(names(jobs)).toEqual([
      'tools_linux_amd64',
      'tools_windows_arm64.exe',
      'lint_linux_amd64',
      'lint_windows_arm64.exe',
    ]);
    expect(jobs.map((job) => job.label)).toEqual([
      '. linux/amd64',
      '. windows/arm64',
      './cmd/lint/ linux/amd64',
      './cmd/lint/ windows/arm64',
    ]);
  });

  it('keeps variants apart, with or without {variant} in the template', () => {
    const targets = parseTargets('linux/arm/6 linux/arm/7 windows/amd64/v3');
    expect(names(planBuilds(config({ targets })))).toEqual([
      'tools_linux_arm_6',
      'tools_linux_arm_7',
      'tools_windows_amd64_v3.exe',
    ]);
    expect(
      names(planBuilds(config({ targets, nameTemplate: '{goos}-{goarch}{variant}/{name}{ext}' }))),
    ).toEqual(
      ['linux-arm6/tools', 'linux-arm7/tools', 'windows-amd64v3/tools.exe'].map((name) =>
        path.join(...name.split('/')),
      ),
    );
  });

  it('runs go build with the planned flags, in order, and the target in the environment', () => {
    const [job] = planBuilds(
      config({
        targets: parseTargets('linux/arm/6'),
        ldflags: '-s -w -X main.version=v1.0.0',
        tags: ['netgo', 'osusergo'],
        extraFlags: ['-gcflags=all=-N -l', '-v'],
        packages: ['./cmd/tool'],
      }),
    );
    expect(job?.args).toEqual([
      ...buildInto('tool_linux_arm_6'),
      '-trimpath',
      '-buildvcs=false',
      '-ldflags=-s -w -X main.version=v1.0.0',
      '-tags=netgo,osusergo',
      '-gcflags=all=-N -l',
      '-v',
      './cmd/tool',
    ]);
    expect(job?.env).toEqual({ GOOS: 'linux', GOARCH: 'arm', GOARM: '6', CGO_ENABLED: '0' });
    const [plain] = planBuilds(config({ ldflags: '', trimpath: false, cgo: true }));
    expect(plain?.args).toEqual([...buildInto('tools_linux_amd64'), '-buildvcs=false', '.']);
    expect(plain?.env.CGO_ENABLED).toBe('1');
  });

  it('refuses a template that makes two targets write one file, naming both and the missing placeholders', () => {
    const error = inputError(() =>
      planBuilds(config({ nameTemplate: '{name}_{goos}', targets: parseTargets('linux/amd64 linux/arm64') })),
    );
    expect(error.input).toBe('name-template');
    expect(error.message).toMatch(
      /Builds of \. linux\/amd64 and \. linux\/arm64 would both write tools_linux in output-dir/,
    );
    expect(error.message).toMatch(/Add \{goarch\}, e\.g\. \{name\}_\{goos\}_\{goarch\}\{ext\}/);
  });

  it('refuses two packages whose binaries share a name', () => {
    const error = inputError(() =>
      planBuilds(config({ packages: ['./cmd/server', './internal/tools/server'] })),
    );
    expect(error.input).toBe('packages');
    expect(error.message).toMatch(
      /\.\/cmd\/server linux\/amd64 and \.\/internal\/tools\/server linux\/amd64 would both write server_linux_amd64.*both packages are named server/,
    );
  });

  it('refuses unknown placeholders, names outside output-dir, and packages that go would read as flags', () => {
    const unknown = inputError(() => planBuilds(config({ nameTemplate: '{name}-{os}-{goarch}' })));
    expect(unknown.input).toBe('name-template');
    expect(unknown.message).toMatch(
      /uses \{os\}, which is not a placeholder.*\{name\}, \{goos\}, \{goarch\}, \{variant\}, \{ext\}/,
    );
    const outside = inputError(() => planBuilds(config({ nameTemplate: '../{name}_{goos}_{goarch}' })));
    expect(outside.message).toMatch(
      /gives "\.\.\/tools_linux_amd64" for \. linux\/amd64, which is not a file inside output-dir/,
    );
    expect(inputError(() => planBuilds(config({ nameTemplate: '{variant}' }))).message).toMatch(/gives ""/);
    const flag = inputError(() => planBuilds(config({ packages: ['-toolexec=/bin/sh'] })));
    expect(flag.input).toBe('packages');
    expect(flag.message).toMatch(/"-toolexec=\/bin\/sh", which go would read as a flag/);
  });
});

describe('unstrippedBuild', () => {
  it('links the same build again with symbols, into another file', () => {
    const [job] = planBuilds(config({ extraFlags: ['-tags=x'] }));
    const unstripped = unstrippedBuild(job!, '/tmp/scratch/0');
    expect(unstripped.args).toEqual([
      'build',
      '-o',
      '/tmp/scratch/0',
      '-trimpath',
      '-buildvcs=false',
      '-ldflags=-s -w -s=false -w',
      '-tags=x',
      '.',
    ]);
    expect(unstripped.env).toEqual(job!.env);
    const [bare] = planBuilds(config({ ldflags: '' }));
    expect(unstrippedBuild(bare!, '/tmp/x').args).toContain('-ldflags=-s=false -w');
  });

  it('amends the -ldflags go keeps, the last one, when build-flags brings its own', () => {
    const [job] = planBuilds(config({ extraFlags: ['-ldflags=-s -X main.a=b'] }));
    const args = unstrippedBuild(job!, '/tmp/x').args;
    expect(args.filter((arg) => arg.startsWith('-ldflags='))).toEqual([
      '-ldflags=-s -w',
      '-ldflags=-s -X main.a=b -s=false -w',
    ]);
  });
});

describe('ldflags stamping', () => {
  const sha = '4f1c0c2a9d6e8b7a5f3e2d1c0b9a8f7e6d5c4b3a';

  it('uses the tag when a tag is built, else the short commit', () => {
    expect(stampValues({ ref: 'refs/tags/v1.4.0', refName: 'v1.4.0', sha }).values.version).toBe('v1.4.0');
    expect(stampValues({ ref: 'refs/tags/v2.0.0-rc.1', sha }).values.version).toBe('v2.0.0-rc.1');
    expect(stampValues({ ref: 'refs/heads/main', refName: 'main', sha }).values).toEqual({
      version: '4f1c0c2',
      commit: sha,
    });
    expect(stampValues({ ref: 'refs/pull/12/merge', sha }).values.version).toBe('4f1c0c2');
  });

  it('takes the date from the commit itself, in UTC', () => {
    const repo = mkdtempSync(path.join(os.tmpdir(), 'sga-git-'));
    const git = (...args: string[]) =>
      execFileSync(
        'git',
        ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args],
        {
          cwd: repo,
          encoding: 'utf8',
          env: {
            ...process.env,
            GIT_COMMITTER_DATE: '2024-02-29T13:45:10+01:00',
            GIT_AUTHOR_DATE: '2001-01-01T00:00:00Z',
          },
        },
      );
    git('init', '-q');
    writeFileSync(path.join(repo, 'main.go'), 'package main\n');
    git('add', '.');
    git('commit', '-q', '-m', 'first');
    const commitDate = git('log', '-1', '--format=%cI').trim();
    const stamp = stampValues({ sha, commitDate, sourceDateEpoch: '1700000000' });
    expect(stamp.values.date).toBe('2024-02-29T12:45:10Z');
    expect(templateLdflags('-s -w -X main.date={date} -X main.commit={commit}', stamp)).toBe(
      `-s -w -X main.date=2024-02-29T12:45:10Z -X main.commit=${sha}`,
    );
  });

  it('falls back to SOURCE_DATE_EPOCH, and never to the clock', () => {
    const fromEpoch = stampValues({
      sha,
      commitDateError: 'not a git repository',
      sourceDateEpoch: '1700000000',
    });
    expect(fromEpoch.values.date).toBe('2023-11-14T22:13:20Z');
    const none = stampValues({ sha, commitDateError: 'fatal: not a git repository' });
    expect(none.values.date).toBeUndefined();
    const error = inputError(() => templateLdflags('-X main.date={date}', none));
    expect(error.input).toBe('ldflags');
    expect(error.message).toMatch(
      /uses \{date\}, but git could not give the commit date \(fatal: not a git repository\)/,
    );
    expect(error.message).toMatch(/SOURCE_DATE_EPOCH/);
    // Without {date}, a missing date is no problem.
    expect(templateLdflags('-s -w -X main.v={version}', none)).toBe('-s -w -X main.v=4f1c0c2');
  });

  it('refuses placeholders it does not know, and leaves other braces alone', () => {
    const stamp = stampValues({ sha });
    const error = inputError(() =>
      templateLdflags('-X main.v={version} -X main.b={branch} -X main.t={tag}', stamp),
    );
    expect(error.message).toMatch(/uses \{branch\}, \{tag\}, which are not placeholders/);
    expect(error.message).toMatch(/\{version\}, \{commit\} or \{date\}/);
    expect(templateLdflags(`-X 'main.json={"a":1}' -X main.e={}`, stamp)).toBe(
      `-X 'main.json={"a":1}' -X main.e={}`,
    );
    expect(usedPlaceholders('-X a={date} -X b={date} -X c={commit}')).toEqual(['date', 'commit']);
  });
});
