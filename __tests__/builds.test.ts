// Cross-builds with the real go: the worker pool on its own, then the bundled action end to end through the
// local runner, with the go on PATH preinstalled in the runner's tool cache (as hosted images ship Go).
import { execFileSync } from 'node:child_process';
import { cp, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { inspectBinaryFile } from '../src/io/binary/inspect-file.js';
import { readMachOLayout } from '../src/core/binary/macho-layout.js';
import { locateNmTool, measureAttribution } from '../src/io/build/attribution.js';
import { planBuilds } from '../src/core/build/plan.js';
import { runBuilds, type JobOutcome } from '../src/io/build/run.js';
import { runCommand } from '../src/io/platform/process.js';
import { parseTargets } from '../src/core/build/targets.js';
import { attributeSizes, parseNmOutput, symbolPackage } from '../src/core/report/attribution.js';
import type { Report } from '../src/core/report/report.js';
import { runAction, type RunActionResult, type WorkflowCommand } from '../scripts/local-runner.js';
import { expectValidReport } from '../test/support/report-schema.js';
import {
  buildConfig,
  buildTestEnv,
  columnOf,
  INJECT_MAIN,
  lineOf,
  localGo,
  REPO_ROOT,
  runBuildsOptions,
  scratchDir,
  tempModule,
  toolCacheWithLocalGo,
  twoCommandModule,
  TYPO_MAIN,
  type LocalGo,
} from './fixtures/builds/go-modules.js';

let go: LocalGo;
/** This machine's own platform, whose binaries the tests can run. */
let host: string;

beforeAll(async () => {
  go = await localGo();
  host = `${go.goos}/${go.goarch}`;
});

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

describe('runBuilds', () => {
  it('builds two packages for two targets at once, each file what was asked for (GOARM=6 read back)', async () => {
    const moduleDir = await tempModule(twoCommandModule());
    const jobs = planBuilds(
      buildConfig(moduleDir, {
        packages: ['./cmd/a', './cmd/b'],
        targets: parseTargets(`${host} linux/arm/6`),
      }),
    );
    const outcomes = await runBuilds(jobs, runBuildsOptions(go, moduleDir));
    expect(outcomes.map((o) => [o.job.label, o.ok])).toEqual([
      [`./cmd/a ${host}`, true],
      ['./cmd/a linux/arm/6', true],
      [`./cmd/b ${host}`, true],
      ['./cmd/b linux/arm/6', true],
    ]);
    for (const outcome of outcomes) {
      const { target } = outcome.job;
      const inspected = await inspectBinaryFile(outcome.job.output);
      expect(inspected.header.arch).toBe(target.goarch);
      expect(inspected.buildInfo?.path).toBe(`example.com/tools/${outcome.job.package.slice(2)}`);
      expect(inspected.buildInfo?.settings).toMatchObject({
        GOOS: target.goos,
        GOARCH: target.goarch,
        CGO_ENABLED: '0',
        '-trimpath': 'true',
      });
      if (target.goarch === 'arm') {
        expect(inspected.header).toMatchObject({ format: 'elf', arch: 'arm', bits: 32 });
        expect(inspected.buildInfo?.settings.GOARM).toBe('6');
        expect(path.basename(outcome.job.output)).toMatch(/_linux_arm_6$/);
      }
    }
    const hostBinary = outcomes.find(
      (o) => o.job.package === './cmd/b' && o.job.target.goarch === go.goarch,
    )!;
    expect(execFileSync(hostBinary.job.output, { encoding: 'utf8' })).toBe('b dev none unknown\n');
  });

  it('builds everything after a failure, or stops at the first one with fail-fast', async () => {
    const moduleDir = await tempModule({ ...twoCommandModule(), 'cmd/bad/main.go': TYPO_MAIN });
    const jobs = planBuilds(
      buildConfig(moduleDir, { packages: ['./cmd/bad', './cmd/a'], targets: parseTargets(host) }),
    );
    const options = runBuildsOptions(go, moduleDir, { parallel: 1 });

    const all = await runBuilds(jobs, { ...options, failFast: false });
    expect(all.map((o) => [o.ok, o.skipped])).toEqual([
      [false, false],
      [true, false],
    ]);
    expect(all[0]?.output).toMatch(/undefined: greeting/);
    expect(await exists(jobs[1]!.output)).toBe(true);

    const ended: JobOutcome[] = [];
    const stopped = await runBuilds(jobs, { ...options, failFast: true, onJobEnd: (o) => ended.push(o) });
    expect(stopped.map((o) => [o.ok, o.skipped])).toEqual([
      [false, false],
      [false, true],
    ]);
    expect(ended.map((o) => o.job.label)).toEqual([`./cmd/bad ${host}`]);
  });

  it('is reproducible: two checkouts, output dirs and GOCACHEs give the same bytes with the default flags', async () => {
    const first = await tempModule(twoCommandModule());
    const second = path.join(await scratchDir('sga-checkout-'), 'elsewhere', 'tools');
    await cp(first, second, { recursive: true });
    const build = async (moduleDir: string, gocache: string) => {
      const [job] = planBuilds(
        buildConfig(moduleDir, { packages: ['./cmd/a'], targets: parseTargets('darwin/arm64') }),
      );
      const [outcome] = await runBuilds(
        [job!],
        runBuildsOptions(go, moduleDir, { env: buildTestEnv({ GOCACHE: gocache }), parallel: 1 }),
      );
      expect(outcome?.ok).toBe(true);
      return inspectBinaryFile(job!.output);
    };
    // One build from the shared cache, one from an empty cache that compiles everything again.
    const warm = await build(first, buildTestEnv().GOCACHE as string);
    const cold = await build(second, path.join(await scratchDir('sga-gocache-'), 'gocache'));
    expect(warm.header).toMatchObject({ format: 'macho', arch: 'arm64' });
    expect(cold.sha256).toBe(warm.sha256);
    expect(cold.sizeBytes).toBe(warm.sizeBytes);
  }, 180_000);
});

describe('size attribution', () => {
  it('names the package of Go, generated, assembly and escaped symbols', () => {
    expect(symbolPackage('github.com/google/uuid.(*UUID).String')).toBe('github.com/google/uuid');
    expect(symbolPackage('golang.org/x/text/language.Parse')).toBe('golang.org/x/text/language');
    expect(symbolPackage('gopkg.in/yaml%2ev3.(*parser).init')).toBe('gopkg.in/yaml.v3');
    expect(symbolPackage('internal/sync.(*HashTrieMap[go.shape.interface {},go.shape.string]).Load')).toBe(
      'internal/sync',
    );
    expect(symbolPackage('slices.pdqsortCmpFunc[go.shape.struct { Key reflect.Value }]')).toBe('slices');
    expect(symbolPackage('main.main.func1')).toBe('main');
    expect(symbolPackage('type:.eq.golang.org/x/text/language.Tag')).toBe('type:');
    expect(symbolPackage('typerel.*')).toBe('type:');
    expect(symbolPackage('_type:*')).toBe('type:');
    expect(symbolPackage('go:itab.*os.File,io.Writer')).toBe('go:');
    expect(symbolPackage('$f64.3ff0000000000000')).toBe('go:');
    expect(symbolPackage('aeshashbody')).toBe('(assembly and C)');
    expect(symbolPackage('_aeshashbody')).toBe('(assembly and C)');
  });

  it('reads a real unstripped Mach-O: markers, groups, bss and aliases left out, sizes from the archives', async () => {
    const moduleDir = await tempModule(twoCommandModule());
    const [job] = planBuilds(
      buildConfig(moduleDir, { packages: ['./cmd/a'], targets: parseTargets('darwin/arm64') }),
    );
    const invocation = { goBinary: go.goBinary, cwd: moduleDir, env: buildTestEnv() };
    const scratch = path.join(await scratchDir('sga-nm-'), 'a');
    const nmTool = await locateNmTool(invocation);
    const attribution = await measureAttribution(job!, invocation, nmTool, scratch, 15);

    const nm = await runCommand(nmTool, ['-size', '-sort', 'size', scratch], {
      cwd: moduleDir,
      env: buildTestEnv(),
    });
    const symbols = parseNmOutput(nm.stdout);
    const names = symbols.map((symbol) => symbol.name);
    // The traps are really there: a pclntab marker with a size, aliases, and a bss bigger than the file.
    expect(symbols.find((symbol) => symbol.name === 'runtime.pclntab')?.size).toBeGreaterThan(100_000);
    expect(names).toEqual(expect.arrayContaining(['typerel.*', '_type:*', 'runtime.noptrbss']));
    // Each symbol counts its size in the package archives, cut at the end of its section (from the file's load
    // commands): no package grows, and the padding and unnamed data after symbols are gone.
    const sections = readMachOLayout(await readFile(scratch))!.sections;
    const clamped = attributeSizes(symbols, Infinity, sections);
    const uncut = attributeSizes(symbols, Infinity);
    for (const entry of attribution) {
      expect(entry.sizeBytes).toBeLessThanOrEqual(
        clamped.find((e) => e.package === entry.package)!.sizeBytes,
      );
      expect(entry.sizeBytes).toBeLessThanOrEqual(uncut.find((e) => e.package === entry.package)!.sizeBytes);
    }
    expect(attribution[0]!.sizeBytes).toBeLessThan(clamped.find((e) => e.package === 'runtime')!.sizeBytes);

    const unstrippedBytes = (await stat(scratch)).size;
    const everything = attributeSizes(symbols, Infinity);
    expect(everything.reduce((sum, entry) => sum + entry.sizeBytes, 0)).toBeLessThan(unstrippedBytes);
    expect(attribution).toHaveLength(15);
    expect(attribution[0]?.package).toBe('runtime');
    expect(attribution.slice(1, 3).map((entry) => entry.package)).toContain('go:');
    // typerel.* and _type:* are one group symbol at one address, holding every descriptor: as on ELF, it counts
    // nothing, and type: holds only what has a symbol of its own.
    const descriptors = symbols.find((symbol) => symbol.name === 'typerel.*')!.size;
    const types = attribution.find((entry) => entry.package === 'type:')?.sizeBytes ?? 0;
    expect(types).toBeLessThan(descriptors / 4);
    expect(attribution.map((entry) => entry.package)).toContain('os');
    expect(await inspectBinaryFile(scratch).then((file) => file.header.arch)).toBe('arm64');
  });
});

describe('the action, end to end', () => {
  let toolCache: string;
  const sha = '4f1c0c2a9d6e8b7a5f3e2d1c0b9a8f7e6d5c4b3a';

  beforeAll(async () => {
    toolCache = await toolCacheWithLocalGo(go);
  });

  /** A workspace holding the module in app/, committed to git at a known date. */
  async function workspaceWith(files: Record<string, string>): Promise<string> {
    const workspace = await scratchDir('sga-ws-');
    await tempModule(files, path.join(workspace, 'app'));
    const git = (...args: string[]) =>
      execFileSync(
        'git',
        ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args],
        {
          cwd: workspace,
          env: { ...process.env, GIT_COMMITTER_DATE: '2024-02-29T13:45:10+01:00' },
        },
      );
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'the commit being built');
    return workspace;
  }

  function run(workspace: string, inputs: Record<string, string>, env: Record<string, string> = {}) {
    return runAction({
      actionDir: REPO_ROOT,
      workspace,
      toolCache,
      sha,
      skipPost: true,
      env: buildTestEnv(env),
      inputs: {
        'go-version': go.version,
        'working-directory': 'app',
        'report-file': 'report.json',
        ...inputs,
      },
    });
  }

  const commandsOf = (result: RunActionResult): WorkflowCommand[] => result.steps[0]?.commands ?? [];
  const failureOf = (result: RunActionResult) =>
    commandsOf(result)
      .filter((c) => c.command === 'error' && !c.properties.file)
      .pop()?.message ?? '';

  it('builds, stamps and measures two packages for two targets, and reports them', async () => {
    const workspace = await workspaceWith(twoCommandModule());
    const result = await run(
      workspace,
      {
        targets: `${host} linux/arm/6`,
        packages: './cmd/a ./cmd/b',
        ldflags: '-s -w -X main.version={version} -X main.commit={commit} -X main.date={date}',
        attribution: 'true',
      },
      { GITHUB_REF: 'refs/tags/v1.2.3', GITHUB_REF_NAME: 'v1.2.3', SOURCE_DATE_EPOCH: '1700000000' },
    );
    expect(result.steps[0]?.stderr).toBe('');
    expect(result.success).toBe(true);

    const report = JSON.parse(await readFile(path.join(workspace, 'report.json'), 'utf8')) as Report;
    expectValidReport(report);
    expect(JSON.parse(result.outputs.report!)).toEqual(report);
    expect(
      report.targets.map((t) => `${t.package} ${t.goos}/${t.goarch}${t.variant ? `/${t.variant}` : ''}`),
    ).toEqual(
      [`./cmd/a ${host}`, './cmd/a linux/arm/6', `./cmd/b ${host}`, './cmd/b linux/arm/6'].sort((a, b) =>
        a.localeCompare(b),
      ),
    );
    const arm = report.targets.find((t) => t.package === './cmd/a' && t.goarch === 'arm')!;
    expect(arm).toMatchObject({ variant: '6', format: 'elf', arch: 'arm', path: 'app/dist/a_linux_arm_6' });

    // The tag, the commit and the commit's own date (git's, not SOURCE_DATE_EPOCH's, and never the clock).
    const hostA = report.targets.find((t) => t.package === './cmd/a' && t.goarch === go.goarch)!;
    expect(execFileSync(path.join(workspace, hostA.path), { encoding: 'utf8' })).toBe(
      `a v1.2.3 ${sha} 2024-02-29T12:45:10Z\n`,
    );

    for (const t of report.targets) {
      const attribution = t.attribution ?? [];
      expect(attribution.length).toBeGreaterThan(5);
      expect(attribution.length).toBeLessThanOrEqual(15);
      expect(attribution[0]?.package).toBe('runtime');
      const sizes = attribution.map((entry) => entry.sizeBytes);
      expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
      expect(sizes.reduce((sum, size) => sum + size, 0)).toBeLessThan(t.sizeBytes);
      expect(attribution.map((entry) => entry.package)).toEqual(
        expect.arrayContaining(['go:', 'os', 'syscall']),
      );
    }

    expect(result.summary.match(/^### Builds of .*$/gm)).toEqual([
      '### Builds of `./cmd/a`',
      '### Builds of `./cmd/b`',
    ]);
    expect(result.summary.match(/xychart-beta/g)).toHaveLength(2);
    expect(result.summary).toContain('<details><summary>Size by Go package');
    expect(result.steps[0]?.stdout).toMatch(/Size attribution of 4 file\(s\) took/);
  }, 180_000);

  it('annotates compile errors on the right file and line, keeps go from issuing commands, and reports what built', async () => {
    const workspace = await workspaceWith({
      ...twoCommandModule(),
      'cmd/typo/main.go': TYPO_MAIN,
      'cmd/inject/main.go': INJECT_MAIN,
    });
    const result = await run(workspace, { targets: host, packages: './cmd/a ./cmd/typo ./cmd/inject' });
    expect(result.success).toBe(false);

    const annotations = commandsOf(result).filter((c) => c.command === 'error' && c.properties.file);
    expect(
      annotations.map((c) => [c.properties.file, c.properties.line, c.properties.col, c.message]),
    ).toEqual([
      [
        'app/cmd/typo/main.go',
        String(lineOf(TYPO_MAIN, 'greeting)')),
        String(columnOf(TYPO_MAIN, 'greeting)')),
        'undefined: greeting',
      ],
      [
        'app/cmd/typo/main.go',
        String(lineOf(TYPO_MAIN, 'greet()')),
        String(columnOf(TYPO_MAIN, 'greet()')),
        'not enough arguments in call to greet\nhave ()\nwant (string)',
      ],
      ['app/cmd/inject/main.go', String(lineOf(INJECT_MAIN, 'go:embed')), expect.any(String), 'pattern a'],
    ]);
    expect(annotations[0]?.properties.title).toBe(`go build ./cmd/typo ${host}`);

    // go printed `::error file=x.go…` and `##[warning]…`; the log shows them, the runner would not obey them.
    const stdout = result.steps[0]?.stdout ?? '';
    expect(stdout).toContain('\\::error file=x.go,line=1::pwned');
    expect(stdout).toContain('##\\[warning]legacy');
    expect(
      commandsOf(result).filter((c) => c.properties.file === 'x.go' || /pwned|legacy/.test(c.message)),
    ).toEqual([]);

    expect(failureOf(result)).toBe(`2 of 3 build(s) failed: ./cmd/typo ${host}, ./cmd/inject ${host}`);
    const report = JSON.parse(await readFile(path.join(workspace, 'report.json'), 'utf8')) as Report;
    expectValidReport(report);
    expect(report.targets.map((t) => t.package)).toEqual(['./cmd/a']);
    expect(await exists(path.join(workspace, report.targets[0]!.path))).toBe(true);
  }, 120_000);

  it('refuses unknown targets before building, naming the near matches', async () => {
    const workspace = await workspaceWith(twoCommandModule());
    const result = await run(workspace, { targets: 'linux/amd46 darwn/arm64', packages: './cmd/a' });
    expect(result.success).toBe(false);
    const message = failureOf(result);
    expect(message).toMatch(
      /^Targets linux\/amd46, darwn\/arm64 in targets are not platforms this Go toolchain/,
    );
    expect(message).toMatch(/instead of linux\/amd46, did you mean linux\/amd64,/);
    expect(message).toMatch(/instead of darwn\/arm64, did you mean darwin\/arm64,/);
    expect(await exists(path.join(workspace, 'app', 'dist'))).toBe(false);
  }, 60_000);

  it('refuses a package that is not main, saying which', async () => {
    const workspace = await workspaceWith(twoCommandModule());
    const result = await run(workspace, { targets: host, packages: './cmd/a ./internal/greet' });
    expect(result.success).toBe(false);
    expect(failureOf(result)).toMatch(
      /^Input packages names \.\/internal\/greet \(example\.com\/tools\/internal\/greet\), which is package greet, not package main\. List only packages that build a program/,
    );
    expect(await exists(path.join(workspace, 'app', 'dist'))).toBe(false);
  }, 60_000);
});
