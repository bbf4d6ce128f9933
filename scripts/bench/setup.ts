// What every row needs before it measures: the bundle, the Go toolchain the builds use (installed by the action
// itself into the bench's tool cache), the workload as a git repository, a warm module cache, goreleaser, and the
// published actions/setup-go the rows that compare with it run.
import { existsSync } from 'node:fs';
import { chmod, cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { REAL_TOOLCHAIN } from '../../test/support/archives.js';
import { runAction } from '../local-runner.js';
import { freshDir, log, mustRun, removeTree } from './processes.js';

/** The targets rows 5 to 7 build, as the README's example workflow names them. */
export const TARGETS = ['darwin/arm64', 'darwin/amd64', 'linux/arm64', 'linux/amd64'] as const;

/** goreleaser, pinned: the newest release the Go module proxy serves in full whose go.mod the local go accepts. */
export const GORELEASER = { module: 'github.com/goreleaser/goreleaser/v2', version: 'v2.16.0' } as const;

/** A real, mid-sized program built from its module through the proxy. */
export const GOJQ = { module: 'github.com/itchyny/gojq', version: 'v0.12.19', mainDir: 'cmd/gojq' } as const;

export interface Workload {
  name: string;
  /** Module root, a git repository with one commit (goreleaser needs one). */
  dir: string;
  /** The main package as `go build` and the action's `packages` input take it. */
  packagePath: string;
  binaryName: string;
  description: string;
}

export interface BenchSetup {
  root: string;
  /** `.bench/`: everything the bench writes outside bench/results.json. */
  benchDir: string;
  /** Scratch space for samples, emptied at the start. */
  scratch: string;
  /** The tool cache holding the toolchain the builds use. */
  toolCache: string;
  go: { version: string; goroot: string; binary: string; hostOs: string; hostArch: string };
  /** Environment for every go command and action run: no user go.env, no toolchain switching, the public proxy. */
  goEnv: NodeJS.ProcessEnv;
  /** Warm module cache shared by the builds that are not about caches. */
  modCache: string;
  workload: Workload;
  /** `.bench/bin/goreleaser`, when row 5 runs. */
  goreleaser?: string;
  /** actions/setup-go as published (action.yml and dist/), when rows 2 or 3 run. */
  setupGoDir?: string;
  /** How long each preparation took (ms), e.g. building goreleaser on a fresh clone. */
  setupMs: Record<string, number>;
}

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'bench',
  GIT_AUTHOR_EMAIL: 'bench@localhost',
  GIT_COMMITTER_NAME: 'bench',
  GIT_COMMITTER_EMAIL: 'bench@localhost',
  GIT_CONFIG_NOSYSTEM: '1',
};

/** The environment every go command of the bench runs with, on top of this process's. */
export function benchGoEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // The user's `go env -w` settings would make the figures depend on this machine's configuration.
    GOENV: 'off',
    GOFLAGS: '',
    GOTOOLCHAIN: 'local',
    GOPROXY: 'https://proxy.golang.org,direct',
    GOSUMDB: 'sum.golang.org',
    GONOSUMDB: '',
    GOPRIVATE: '',
    ...extra,
  };
}

async function timed<T>(setupMs: Record<string, number>, name: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const value = await work();
  setupMs[name] = Date.now() - started;
  return value;
}

/** Builds dist/ when the bundle the action runs from is missing (a fresh clone before `npm run build`). */
async function ensureBundle(root: string): Promise<void> {
  if (existsSync(path.join(root, 'dist/setup/index.js')) && existsSync(path.join(root, 'dist/post/index.js')))
    return;
  log('dist/ is missing: npm run build');
  await mustRun('npm', ['run', 'build'], { cwd: root, env: process.env });
}

/** Installs the toolchain the rows build with into the bench's tool cache, through the action (a no-op once there). */
async function installBenchToolchain(setup: Pick<BenchSetup, 'root' | 'scratch' | 'toolCache' | 'goEnv'>) {
  const workspace = await freshDir(path.join(setup.scratch, 'toolchain-workspace'));
  const result = await runAction({
    actionDir: setup.root,
    workspace,
    toolCache: setup.toolCache,
    temp: await freshDir(path.join(setup.scratch, 'toolchain-temp')),
    inputs: { 'go-version': REAL_TOOLCHAIN.goVersion, 'toolchain-source': 'goproxy', cache: 'false' },
    env: setup.goEnv,
  });
  const goroot = result.outputs['go-root'];
  if (!result.success || !goroot) {
    throw new Error(
      `Installing Go ${REAL_TOOLCHAIN.goVersion} into ${setup.toolCache} failed:\n${result.steps.map((s) => s.stdout + s.stderr).join('\n')}`,
    );
  }
  const binary = path.join(goroot, 'bin', 'go');
  const hostEnv = await mustRun(binary, ['env', 'GOHOSTOS', 'GOHOSTARCH'], {
    cwd: workspace,
    env: setup.goEnv,
  });
  const [hostOs = '', hostArch = ''] = hostEnv.stdout.trim().split('\n');
  return { version: REAL_TOOLCHAIN.goVersion, goroot, binary, hostOs, hostArch };
}

/**
 * Builds goreleaser once from the Go module proxy into .bench/bin (several minutes on two cores), with its own
 * module and build caches, removed afterwards; later runs reuse the binary when its version matches the pin.
 */
async function ensureGoreleaser(benchDir: string): Promise<string> {
  const binary = path.join(benchDir, 'bin', 'goreleaser');
  if (existsSync(binary)) {
    const version = await mustRun(binary, ['--version'], { cwd: benchDir, env: process.env }).catch(
      () => undefined,
    );
    if (version && new RegExp(`GitVersion:\\s+${GORELEASER.version}\\b`).test(version.output)) return binary;
  }
  const work = path.join(benchDir, 'goreleaser-build');
  log(`Building ${GORELEASER.module}@${GORELEASER.version} into .bench/bin (once; takes minutes)`);
  try {
    await mustRun('go', ['install', `${GORELEASER.module}@${GORELEASER.version}`], {
      cwd: benchDir,
      env: benchGoEnv({
        GOBIN: path.join(benchDir, 'bin'),
        GOPATH: path.join(work, 'gopath'),
        GOMODCACHE: path.join(work, 'gopath', 'pkg', 'mod'),
        GOCACHE: path.join(work, 'gocache'),
        // goreleaser's go.mod may ask for a newer Go than the one on PATH: let go fetch it.
        GOTOOLCHAIN: 'auto',
      }),
    });
  } finally {
    await removeTree(work);
  }
  return binary;
}

/** The goreleaser configuration matching the action's defaults: the 4 targets, -s -w, -trimpath, no cgo. */
function goreleaserConfig(workload: Pick<Workload, 'name' | 'packagePath' | 'binaryName'>): string {
  const goos = [...new Set(TARGETS.map((target) => target.split('/')[0]))];
  const goarch = [...new Set(TARGETS.map((target) => target.split('/')[1]))];
  return [
    'version: 2',
    `project_name: ${workload.name}`,
    'builds:',
    `  - id: ${workload.name}`,
    `    main: ${workload.packagePath}`,
    `    binary: ${workload.binaryName}`,
    '    env: [CGO_ENABLED=0]',
    `    goos: [${goos.join(', ')}]`,
    `    goarch: [${goarch.join(', ')}]`,
    '    flags: [-trimpath, -buildvcs=false]',
    '    ldflags: [-s -w]',
    // A local repository has no remote to release to; `goreleaser build` never releases anyway.
    'release:',
    '  disable: true',
    '',
  ].join('\n');
}

/** Makes the workload directory a git repository with one commit, as goreleaser wants. */
async function commitWorkload(workload: Workload): Promise<void> {
  await writeFile(path.join(workload.dir, '.goreleaser.yaml'), goreleaserConfig(workload));
  await writeFile(path.join(workload.dir, '.gitignore'), '/dist/\n/bench-out/\n');
  const git = { cwd: workload.dir, env: { ...process.env, ...GIT_ENV } };
  await mustRun('git', ['-c', 'init.defaultBranch=main', 'init', '-q'], git);
  await mustRun('git', ['add', '-A'], git);
  await mustRun('git', ['-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'bench workload'], git);
}

async function prepareWorkload(
  setup: Pick<BenchSetup, 'root' | 'benchDir' | 'go' | 'goEnv'>,
): Promise<Workload> {
  const go = setup.go.binary;
  // goreleaser builds only a main package inside the project, so gojq's main.go is copied verbatim into the
  // module as ./cmd/gojq: every side builds the same package, and everything it compiles is gojq's.
  const gojq: Workload = {
    name: 'gojq',
    dir: await freshDir(path.join(setup.benchDir, 'workloads', 'gojq')),
    packagePath: './cmd/gojq',
    binaryName: 'gojq',
    description: `${GOJQ.module}@${GOJQ.version}'s cmd/gojq, in a module that requires it`,
  };
  await writeFile(path.join(gojq.dir, 'go.mod'), `module bench.localhost/gojq\n\ngo ${setup.go.version}\n`);
  await mustRun(go, ['get', `${GOJQ.module}@${GOJQ.version}`], { cwd: gojq.dir, env: setup.goEnv });
  const upstreamMain = path.join(
    setup.goEnv.GOMODCACHE as string,
    `${GOJQ.module}@${GOJQ.version}`,
    GOJQ.mainDir,
    'main.go',
  );
  await mkdir(path.join(gojq.dir, 'cmd', 'gojq'), { recursive: true });
  await cp(upstreamMain, path.join(gojq.dir, 'cmd', 'gojq', 'main.go'));
  await chmod(path.join(gojq.dir, 'cmd', 'gojq', 'main.go'), 0o644);
  await mustRun(go, ['mod', 'tidy'], { cwd: gojq.dir, env: setup.goEnv });
  const goMod = await readFile(path.join(gojq.dir, 'go.mod'), 'utf8');
  if (!goMod.includes(`${GOJQ.module} ${GOJQ.version}`) || !goMod.includes(`go ${setup.go.version}\n`)) {
    throw new Error(
      `go mod tidy did not keep ${GOJQ.module} ${GOJQ.version} and go ${setup.go.version}:\n${goMod}`,
    );
  }
  await commitWorkload(gojq);
  return gojq;
}

/**
 * Where a workload's build cache is kept warm for row 7: the cold-build rows leave their last filled GOCACHE
 * here, so row 7 need not fill one itself.
 */
export function warmGocacheDir(setup: Pick<BenchSetup, 'scratch'>, workload: Pick<Workload, 'name'>): string {
  return path.join(setup.scratch, `warm-gocache-${workload.name}`);
}

/** The published actions/setup-go at `dir`, or an error saying how to get it. */
async function checkSetupGo(dir: string): Promise<string> {
  const metadata = path.join(dir, 'action.yml');
  const text = existsSync(metadata) ? await readFile(metadata, 'utf8') : '';
  if (
    !/^name: 'Setup Go environment'$/m.test(text) ||
    !existsSync(path.join(dir, 'dist', 'setup', 'index.js'))
  ) {
    throw new Error(
      `--setup-go: ${dir} holds no published actions/setup-go (action.yml and dist/setup/index.js). ` +
        'Clone it there (git clone https://github.com/actions/setup-go, a release tag or later), pass its ' +
        'directory with --setup-go DIR, or leave rows 2 and 3 out with --rows.',
    );
  }
  return dir;
}

/** Prepares everything; goreleaser and actions/setup-go only when a row that needs them runs. */
export async function prepareBench(
  root: string,
  needs: { goreleaser: boolean; setupGoDir: string | undefined },
): Promise<BenchSetup> {
  const setupMs: Record<string, number> = {};
  const benchDir = path.join(root, '.bench');
  const scratch = await freshDir(path.join(benchDir, 'run'));
  const modCache = path.join(benchDir, 'go', 'pkg', 'mod');
  await mkdir(modCache, { recursive: true });
  const goEnv = benchGoEnv({ GOPATH: path.join(benchDir, 'go'), GOMODCACHE: modCache });
  const toolCache = path.join(benchDir, 'toolcache');

  // Checked first: a missing checkout should not wait for the toolchain install to be reported.
  const setupGoDir = needs.setupGoDir ? await checkSetupGo(path.resolve(root, needs.setupGoDir)) : undefined;
  await timed(setupMs, 'bundle', () => ensureBundle(root));
  const go = await timed(setupMs, 'toolchain', () =>
    installBenchToolchain({ root, scratch, toolCache, goEnv }),
  );
  const workload = await timed(setupMs, 'workload', () => prepareWorkload({ root, benchDir, go, goEnv }));
  const goreleaser = needs.goreleaser
    ? await timed(setupMs, 'goreleaser', () => ensureGoreleaser(benchDir))
    : undefined;
  return {
    root,
    benchDir,
    scratch,
    toolCache,
    go,
    goEnv,
    modCache,
    workload,
    ...(goreleaser ? { goreleaser } : {}),
    ...(setupGoDir ? { setupGoDir } : {}),
    setupMs,
  };
}
