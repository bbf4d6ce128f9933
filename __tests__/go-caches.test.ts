// GOMODCACHE and GOCACHE through @actions/cache against the local cache service (Twirp front door + azurite),
// with real `go` builds of a small module that requires github.com/pkg/errors. The runs below form one story,
// in order: a first run, a second run, a run on another GOARCH, a go.sum change; then the failure cases.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  prepareGoCaches,
  restoreGoCaches,
  saveGoCaches,
  type GoCacheInputs,
} from '../src/io/cache/go-caches.js';
import type { CachePlan } from '../src/core/cache/keys.js';
import { InputError } from '../src/core/errors.js';
import { parseWorkflowCommand, type WorkflowCommand } from '../scripts/local-runner.js';
import { startCacheService, type CacheService } from '../test/support/cache-service.js';
import { recordCase } from '../test/support/suite-counts.js';

const execFileAsync = promisify(execFile);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seedRoot = path.join(repoRoot, 'node_modules/.cache/setup-go-arm64-tests/go-caches');

const MAIN_GO = `package main

import (
	"os"

	"github.com/pkg/errors"
)

func main() { os.Stdout.WriteString(errors.Wrap(errors.New("cache"), "hello").Error() + "\\n") }
`;
// The standard packages github.com/pkg/errors and main.go import.
const STD_GO = `package main

import (
	_ "fmt"
	_ "io"
	_ "os"
	_ "path"
	_ "runtime"
	_ "strings"
)

func main() {}
`;
const goMod = (version: string) =>
  `module example.com/cachedemo\n\ngo 1.22\n\nrequire github.com/pkg/errors ${version}\n`;

let service: CacheService;
let root: string;
let app: string;
let modCache: string;
let buildCache: string;
let goBinary: string;
let goVersion: string;
let hostArch: string;
let seed: { proxy: string; stdBuildCache: string };
let goSums: Record<'v0.9.0' | 'v0.9.1', string>;
let runs = 0;
const savedEnv = { ...process.env };

function goEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GOMODCACHE: modCache,
    GOCACHE: buildCache,
    GOPROXY: `file://${seed.proxy}`,
    GOSUMDB: 'off',
    GOFLAGS: '-mod=readonly',
    GOTOOLCHAIN: 'local',
    CGO_ENABLED: '0',
    ...extra,
  };
}

async function go(args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  return execFileAsync(goBinary, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
}

/** Builds the app with -x and counts the packages the compiler had to compile (0 when all came from GOCACHE). */
async function buildApp(env: NodeJS.ProcessEnv = goEnv()): Promise<number> {
  const { stderr } = await go(['build', '-x', '-o', path.join(root, 'out', 'app'), '.'], app, env);
  return stderr.split('\n').filter((line) => /[/\\]compile(\.exe)? -o /.test(line)).length;
}

/**
 * Module downloads and the compiled standard library, made once per Go version and kept between test runs: the
 * module zips come from proxy.golang.org, and a fresh runner's GOCACHE is seeded with the standard library so
 * each simulated first build compiles only what the module adds (compiling std from scratch takes 15 s or more).
 */
async function ensureSeed(): Promise<{ proxy: string; stdBuildCache: string }> {
  const dir = path.join(seedRoot, goVersion);
  const result = {
    proxy: path.join(dir, 'mod', 'cache', 'download'),
    stdBuildCache: path.join(dir, 'gocache'),
  };
  if (existsSync(path.join(dir, 'ready'))) return result;
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'go-caches-seed-'));
  const env = {
    ...process.env,
    GOMODCACHE: path.join(scratch, 'mod'),
    GOCACHE: path.join(scratch, 'gocache'),
    GOFLAGS: '-mod=mod -modcacherw',
    GOTOOLCHAIN: 'local',
    CGO_ENABLED: '0',
  };
  await writeFile(path.join(scratch, 'go.mod'), 'module example.com/seed\n\ngo 1.22\n');
  await writeFile(path.join(scratch, 'main.go'), STD_GO);
  await go(['mod', 'download', 'github.com/pkg/errors@v0.9.0', 'github.com/pkg/errors@v0.9.1'], scratch, env);
  await go(['build', '-o', path.join(scratch, 'seed'), '.'], scratch, env);
  await mkdir(dir, { recursive: true });
  await rm(path.join(dir, 'mod'), { recursive: true, force: true });
  await rm(path.join(dir, 'gocache'), { recursive: true, force: true });
  await rename(path.join(scratch, 'mod'), path.join(dir, 'mod'));
  await rename(path.join(scratch, 'gocache'), path.join(dir, 'gocache'));
  await writeFile(path.join(dir, 'ready'), '');
  await rm(scratch, { recursive: true, force: true });
  return result;
}

/** go.sum for the app at each version of its dependency, written by `go mod tidy` from the seeded proxy. */
async function tidyGoSums(): Promise<Record<'v0.9.0' | 'v0.9.1', string>> {
  const sums = { 'v0.9.0': '', 'v0.9.1': '' };
  for (const version of ['v0.9.0', 'v0.9.1'] as const) {
    const scratch = await mkdtemp(path.join(os.tmpdir(), 'go-caches-tidy-'));
    await writeFile(path.join(scratch, 'go.mod'), goMod(version));
    await writeFile(path.join(scratch, 'main.go'), MAIN_GO);
    const env = { ...goEnv({ GOFLAGS: '-mod=mod -modcacherw' }), GOMODCACHE: path.join(scratch, 'mod') };
    await go(['mod', 'tidy'], scratch, env);
    sums[version] = await readFile(path.join(scratch, 'go.sum'), 'utf8');
    await rm(scratch, { recursive: true, force: true });
  }
  return sums;
}

async function useDependency(version: 'v0.9.0' | 'v0.9.1') {
  await writeFile(path.join(app, 'go.mod'), goMod(version));
  await writeFile(path.join(app, 'go.sum'), goSums[version]);
}

/** A fresh runner: no module cache, and a build cache holding only the standard library (or nothing). */
async function freshRunner(options: { seedStandardLibrary: boolean } = { seedStandardLibrary: true }) {
  if (existsSync(modCache)) await go(['clean', '-modcache'], app, goEnv());
  await rm(buildCache, { recursive: true, force: true });
  if (options.seedStandardLibrary) {
    await cp(seed.stdBuildCache, buildCache, { recursive: true });
    // As on a machine that compiled them a while ago: go marks an entry it uses only when it is over an hour old.
    const longAgo = new Date(Date.now() - 3 * 60 * 60 * 1000);
    for (const file of await filesUnder(buildCache))
      await utimes(path.join(buildCache, file), longAgo, longAgo);
  }
}

function inputs(overrides: Partial<GoCacheInputs> = {}): GoCacheInputs {
  return {
    cache: true,
    cacheBuild: true,
    cacheSave: 'auto',
    keyPrefix: 'it',
    dependencyPath: '',
    runnerOs: 'Linux',
    goHostArch: hostArch,
    goVersion,
    targets: [],
    flags: { cgo: false, trimpath: false, tags: [], buildFlags: [], env: {} },
    runStamp: String(++runs),
    workingDirectory: app,
    modCacheDir: modCache,
    buildCacheDir: buildCache,
    stagingDir: path.join(root, 'staging'),
    ...overrides,
  };
}

/** Runs `run` with stdout captured; returns the workflow commands (notices, warnings…) it wrote. */
async function capture<T>(
  run: () => Promise<T>,
): Promise<{ value: T; commands: WorkflowCommand[]; text: string }> {
  const original = process.stdout.write;
  let text = '';
  process.stdout.write = ((chunk: unknown) => {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
    return true;
  }) as typeof process.stdout.write;
  try {
    const value = await run();
    const commands = text
      .split(/\r?\n/)
      .map((line) => parseWorkflowCommand(line))
      .filter((command): command is WorkflowCommand => command !== undefined);
    return { value, commands, text };
  } finally {
    process.stdout.write = original;
  }
}

/** The plan, with the glob's debug lines kept out of the test output. */
async function prepare(overrides: Partial<GoCacheInputs> = {}): Promise<CachePlan> {
  return (await capture(() => prepareGoCaches(inputs(overrides)))).value;
}

const messages = (commands: WorkflowCommand[], kind: string) =>
  commands.filter((command) => command.command === kind).map((command) => command.message);

function requestsSince(mark: number) {
  return service.requests.slice(mark);
}

async function filesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) found.push(path.relative(dir, path.join(entry.parentPath, entry.name)));
  }
  return found;
}

beforeAll(async () => {
  const [{ stdout: which }, started] = await Promise.all([
    execFileAsync('go', ['env', 'GOROOT', 'GOVERSION', 'GOHOSTARCH']),
    startCacheService(),
  ]);
  service = started;
  const [goroot, version, arch] = which.trim().split('\n') as [string, string, string];
  goBinary = path.join(goroot, 'bin', 'go');
  goVersion = version.replace(/^go/, '');
  hostArch = arch;

  root = await mkdtemp(path.join(os.tmpdir(), 'go-caches-'));
  const workspace = path.join(root, 'work');
  app = path.join(workspace, 'app');
  modCache = path.join(root, 'home', 'go', 'pkg', 'mod');
  buildCache = path.join(root, 'home', '.cache', 'go-build');
  await mkdir(app, { recursive: true });
  await mkdir(path.join(root, 'runner-temp'));
  await writeFile(path.join(app, 'main.go'), MAIN_GO);

  seed = await ensureSeed();
  goSums = await tidyGoSums();

  // @actions/cache reads these at call time.
  delete process.env.ACTIONS_CACHE_URL;
  delete process.env.ACTIONS_CACHE_MODE;
  delete process.env.GITHUB_SERVER_URL;
  Object.assign(process.env, service.env, {
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: path.join(root, 'runner-temp'),
  });
}, 180_000);

afterAll(async () => {
  await service?.stop();
  if (root) {
    if (existsSync(modCache)) await go(['clean', '-modcache'], root, goEnv()).catch(() => undefined);
    await rm(root, { recursive: true, force: true });
  }
  for (const name of Object.keys(process.env)) if (!(name in savedEnv)) delete process.env[name];
  Object.assign(process.env, savedEnv);
});

describe('Go caches through @actions/cache and a real blob store', () => {
  let firstPlan: CachePlan;
  let firstCompiles: number;

  it('misses on a first run, then saves the module and the build cache under their keys', async () => {
    await freshRunner();
    await useDependency('v0.9.0');
    firstPlan = await prepare();
    const mark = service.requests.length;
    const restored = await capture(() => restoreGoCaches(firstPlan));
    expect(restored.value.status).toBe('attempted');
    expect(restored.value.cacheHit).toBe('none');
    expect(restored.value.outputs['cache-key']).toMatch(
      new RegExp(`^it-mod-Linux-${hostArch}-[0-9a-f]{64}$`),
    );

    firstCompiles = await buildApp();
    expect(firstCompiles).toBeGreaterThanOrEqual(2);

    const saved = await capture(() => saveGoCaches(firstPlan, restored.value));
    expect(saved.value.entries.map((entry) => [entry.kind, entry.outcome])).toEqual([
      ['mod', 'saved'],
      ['build', 'saved'],
    ]);
    expect(messages(saved.commands, 'warning')).toEqual([]);
    const finalized = service.entries().filter((entry) => entry.finalized);
    expect(finalized.map((entry) => entry.key).sort()).toEqual(
      firstPlan.entries.map((entry) => entry.key).sort(),
    );
    const routes = requestsSince(mark).map((request) => `${request.route} ${request.status}`);
    expect(routes.filter((route) => route.startsWith('FinalizeCacheEntryUpload'))).toEqual([
      'FinalizeCacheEntryUpload 200',
      'FinalizeCacheEntryUpload 200',
    ]);
  });

  it('hits exactly on a second run of the same GOARCH; go build then compiles nothing and needs no network', async () => {
    await freshRunner();
    const plan = await prepare();
    expect(plan.entries).toEqual(firstPlan.entries);
    const restored = await capture(() => restoreGoCaches(plan));
    expect(restored.value.cacheHit).toBe('exact');
    expect(restored.value.outputs['cache-matched-key']).toBe(firstPlan.entries[0]?.key);
    expect(restored.value.entries.every((entry) => (entry.archiveBytes ?? 0) > 0)).toBe(true);

    expect(await buildApp(goEnv({ GOPROXY: 'off' }))).toBe(0);

    const mark = service.requests.length;
    const saved = await capture(() => saveGoCaches(plan, restored.value));
    expect(saved.value.entries.map((entry) => entry.outcome)).toEqual(['exact-hit', 'exact-hit']);
    // The summary counts the restored build-cache files this run read (go skips the package archives of a
    // binary that is already up to date, so not all of them).
    const restoredBuild = restored.value.entries[1]?.restoredFiles ?? 0;
    const used = saved.value.entries[1]?.restoredUsed;
    expect(used?.restored).toBe(restoredBuild);
    expect(used?.used).toBeGreaterThan(0);
    expect(used?.used).toBeLessThanOrEqual(restoredBuild);
    expect(saved.text).toContain(`this run used ${used?.used} of the ${restoredBuild} restored files`);
    expect(requestsSince(mark)).toEqual([]);
  });

  it('does not restore the entries of another GOARCH', async () => {
    await freshRunner();
    const otherArch = hostArch === 'arm64' ? 'amd64' : 'arm64';
    const plan = await prepare({ goHostArch: otherArch });
    const mark = service.requests.length;
    const restored = await capture(() => restoreGoCaches(plan));
    expect(restored.value.cacheHit).toBe('none');
    expect(restored.value.entries.map((entry) => entry.matchedKey)).toEqual([null, null]);
    expect(existsSync(path.join(modCache, 'github.com'))).toBe(false);
    const asked = requestsSince(mark).map(
      (request) => request.body as { key: string; restore_keys: string[] },
    );
    expect(asked).toHaveLength(2);
    for (const body of asked) {
      for (const key of [body.key, ...body.restore_keys]) expect(key).toContain(`-${otherArch}-`);
    }
    expect(requestsSince(mark).map((request) => request.status)).toEqual([200, 200]);
  });

  it('restores through restore keys after a go.sum change, and saves without the stale module or unused builds', async () => {
    await freshRunner();
    await useDependency('v0.9.1');
    const plan = await prepare();
    const restored = await capture(() => restoreGoCaches(plan));
    expect(restored.value.cacheHit).toBe('partial');
    expect(restored.value.entries.map((entry) => entry.matchedKey)).toEqual(
      firstPlan.entries.map((entry) => entry.key),
    );
    expect(existsSync(path.join(modCache, 'cache/download/github.com/pkg/errors/@v/v0.9.0.zip'))).toBe(true);

    const compiles = await buildApp();
    expect(compiles).toBeGreaterThan(0);
    expect(compiles).toBeLessThanOrEqual(firstCompiles);

    const unused: string[] = [];
    for (const file of await filesUnder(buildCache)) {
      if (
        /^[0-9a-f]{2}[/\\]/.test(file) &&
        (await stat(path.join(buildCache, file))).mtimeMs <
          Math.floor(restored.value.runStartedAt / 1000) * 1000
      ) {
        unused.push(file);
      }
    }
    expect(unused.length).toBeGreaterThan(0);

    const saved = await capture(() => saveGoCaches(plan, restored.value));
    expect(saved.value.entries.map((entry) => entry.outcome)).toEqual(['saved', 'saved']);
    // The module entry leaves v0.9.0 out; the build entry leaves out what this build did not use.
    expect(saved.value.entries.map((entry) => entry.leftOut)).toEqual([
      '1 module version(s)',
      `${unused.length} file(s)`,
    ]);
    const used = saved.value.entries[1]?.restoredUsed;
    expect(used?.restored).toBe(restored.value.entries[1]?.restoredFiles);
    // Only outputs for v0.9.0 were written (the runner had the standard library): this build used none of them.
    expect(used?.used).toBeLessThan(used?.restored as number);
    // Nothing was deleted from the runner: v0.9.0 and the unused build outputs are still there.
    expect(existsSync(path.join(modCache, 'cache/download/github.com/pkg/errors/@v/v0.9.0.zip'))).toBe(true);
    for (const file of unused) expect(existsSync(path.join(buildCache, file))).toBe(true);

    // Restored into empty directories, they hold exactly what was saved.
    await freshRunner({ seedStandardLibrary: false });
    const again = await capture(() => restoreGoCaches(plan));
    expect(again.value.cacheHit).toBe('exact');
    const downloads = await readdir(path.join(modCache, 'cache/download/github.com/pkg/errors/@v'));
    expect(downloads.sort()).toEqual(['v0.9.1.info', 'v0.9.1.mod', 'v0.9.1.zip', 'v0.9.1.ziphash']);
    // Extracted trees are left out of the entry: go extracts the zip again, offline.
    expect(existsSync(path.join(modCache, 'github.com/pkg/errors@v0.9.1'))).toBe(false);
    const present = new Set(await filesUnder(buildCache));
    expect(unused.filter((file) => present.has(file))).toEqual([]);
    expect(await buildApp(goEnv({ GOPROXY: 'off' }))).toBe(0);
  });

  it('compares keys as @actions/cache does: a server that answers in lower case still gives an exact hit and no upload', async () => {
    await freshRunner();
    const plan = await prepare();
    service.lowercaseMatchedKeys();
    try {
      const restored = await capture(() => restoreGoCaches(plan));
      expect(restored.value.entries.map((entry) => entry.matchedKey)).toEqual(
        plan.entries.map((entry) => entry.key.toLowerCase()),
      );
      expect(restored.value.cacheHit).toBe('exact');
      const mark = service.requests.length;
      const saved = await capture(() => saveGoCaches(plan, restored.value));
      expect(saved.value.entries.map((entry) => entry.outcome)).toEqual(['exact-hit', 'exact-hit']);
      expect(requestsSince(mark)).toEqual([]);
    } finally {
      service.lowercaseMatchedKeys(false);
    }
  });

  it('a change of CGO or of a build tag changes the build key; the restore says which part differed', async () => {
    await freshRunner();
    const base = await prepare();
    for (const flags of [
      { cgo: true, trimpath: false, tags: [], buildFlags: [], env: {} },
      { cgo: false, trimpath: false, tags: ['netgo'], buildFlags: [], env: {} },
    ]) {
      const plan = await prepare({ flags });
      expect(plan.entries[0]?.key).toBe(base.entries[0]?.key);
      expect(plan.entries[1]?.key).not.toBe(base.entries[1]?.key);
      const restored = await capture(() => restoreGoCaches(plan));
      expect(restored.value.entries.map((entry) => entry.hit)).toEqual(['exact', 'partial']);
      const differences = restored.value.entries[1]?.differences ?? [];
      expect(differences.map((difference) => difference.part)).toEqual(['flags']);
      expect(differences[0]?.meaning).toBe(
        flags.cgo
          ? 'CGO_ENABLED 0 → 1'
          : 'build tags, build-flags, GOFLAGS, GOEXPERIMENT or an architecture level (GOARM, GOAMD64, …)',
      );
      expect(restored.text).toMatch(
        /Differs in: flags cgo0\.trim0\.[0-9a-f]{8} → cgo[01]\.trim0\.[0-9a-f]{8}/,
      );
    }
  });
});

describe('a self-hosted runner whose caches hold another module', () => {
  /** Every file under `dir` with the SHA-256 of its content (and its mode, so a chmod shows too). */
  async function snapshot(dir: string): Promise<Map<string, string>> {
    const files = new Map<string, string>();
    for (const file of await filesUnder(dir)) {
      const full = path.join(dir, file);
      files.set(
        file,
        `${(await stat(full)).mode} ${createHash('sha256')
          .update(await readFile(full))
          .digest('hex')}`,
      );
    }
    return files;
  }

  it('leaves every file of the runner as it was, and saves none of them', async () => {
    await freshRunner({ seedStandardLibrary: false });
    // Another module on this machine: pkg/errors v0.9.0 in GOMODCACHE, its build (with -trimpath) in GOCACHE.
    const other = path.join(root, 'other');
    await mkdir(other, { recursive: true });
    await writeFile(path.join(other, 'go.mod'), goMod('v0.9.0').replace('cachedemo', 'other'));
    await writeFile(path.join(other, 'go.sum'), goSums['v0.9.0']);
    await writeFile(path.join(other, 'main.go'), MAIN_GO);
    await go(['build', '-trimpath', '-o', path.join(root, 'out', 'other'), '.'], other, goEnv());
    // A run counts files from the whole second it started in (some file systems keep mtimes in seconds), so the
    // other module's last writes must be older than that second, as a previous job's are.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const runnerMod = await snapshot(modCache);
    const runnerBuild = await snapshot(buildCache);
    expect(runnerMod.size).toBeGreaterThan(5);
    expect(runnerBuild.size).toBeGreaterThan(50);

    await useDependency('v0.9.1');
    const plan = await prepare({ keyPrefix: 'self-hosted' });
    const restored = await capture(() => restoreGoCaches(plan));
    expect(restored.value.cacheHit).toBe('none');
    await buildApp();
    // go itself adds v0.9.1 to the module's list file; from here on nothing may change.
    const beforePost = await snapshot(modCache);
    const saved = await capture(() => saveGoCaches(plan, restored.value));
    expect(saved.value.entries.map((entry) => entry.outcome)).toEqual(['saved', 'saved']);
    expect(saved.text).toMatch(/GOMODCACHE entry: 1 module version\(s\) that go\.sum name/);
    expect(saved.text).toMatch(/left out 1 module version\(s\)/);

    const afterMod = await snapshot(modCache);
    const afterBuild = await snapshot(buildCache);
    for (const file of runnerMod.keys()) expect(afterMod.has(file)).toBe(true);
    for (const [file, digest] of beforePost) expect([file, afterMod.get(file)]).toEqual([file, digest]);
    for (const [file, digest] of runnerBuild) expect([file, afterBuild.get(file)]).toEqual([file, digest]);

    // A second run on the same machine: an exact hit that writes nothing over the runner's files, uploads nothing.
    const second = await capture(() => restoreGoCaches(plan));
    expect(second.value.cacheHit).toBe('exact');
    expect(second.value.entries.map((entry) => entry.restoredFiles)).toEqual([0, 0]);
    const mark = service.requests.length;
    expect(
      (await capture(() => saveGoCaches(plan, second.value))).value.entries.map((e) => e.outcome),
    ).toEqual(['exact-hit', 'exact-hit']);
    expect(requestsSince(mark)).toEqual([]);
    expect(await snapshot(modCache)).toEqual(afterMod);
    const secondBuild = await snapshot(buildCache);
    for (const [file, digest] of runnerBuild) expect([file, secondBuild.get(file)]).toEqual([file, digest]);

    // What the entries hold, seen from an empty runner: none of the other module's files.
    await freshRunner({ seedStandardLibrary: false });
    const fresh = await capture(() => restoreGoCaches(plan));
    expect(fresh.value.cacheHit).toBe('exact');
    const inMod = await filesUnder(modCache);
    const inBuild = await filesUnder(buildCache);
    expect(inMod.filter((file) => file.includes('v0.9.0'))).toEqual([]);
    expect(inMod.every((file) => file.includes('v0.9.1'))).toBe(true);
    expect(inBuild.filter((file) => runnerBuild.has(file) && !/^[0-9a-f]{2}[/\\]/.test(file))).toEqual([]);
    expect(inBuild.filter((file) => runnerBuild.has(file))).toEqual([]);
    expect(await buildApp(goEnv({ GOPROXY: 'off' }))).toBe(0);
  }, 400_000);
});

describe('cache-save', () => {
  it('never restores and uploads nothing; always saves a changed entry after an exact hit, under a key of its own', async () => {
    await freshRunner();
    await useDependency('v0.9.0');
    const auto = await prepare({ keyPrefix: 'save-modes' });
    const first = await capture(() => restoreGoCaches(auto));
    await buildApp();
    await capture(() => saveGoCaches(auto, first.value));

    const never = await prepare({ keyPrefix: 'save-modes', cacheSave: 'never' });
    await writeFile(path.join(app, 'extra.go'), 'package main\n\nvar extra = 1\n');
    try {
      const restored = await capture(() => restoreGoCaches(never));
      expect(restored.value.cacheHit).toBe('exact');
      await buildApp();
      const mark = service.requests.length;
      const saved = await capture(() => saveGoCaches(never, restored.value));
      expect(saved.value.entries.map((entry) => entry.outcome)).toEqual(['disabled', 'disabled']);
      expect(requestsSince(mark)).toEqual([]);

      const always = await prepare({ keyPrefix: 'save-modes', cacheSave: 'always' });
      const again = await capture(() => restoreGoCaches(always));
      expect(again.value.cacheHit).toBe('exact');
      // A change this run compiles: outputs go wrote in an earlier job, seconds ago, keep their mtimes (go marks
      // a use only on files over an hour old), so only a new compile here makes the entry differ for certain.
      await writeFile(path.join(app, 'extra.go'), 'package main\n\nvar extra = 2\n');
      await buildApp();
      const refreshed = await capture(() => saveGoCaches(always, again.value));
      // The module cache holds what it held; the build cache now holds the new package's outputs too.
      expect(refreshed.value.entries.map((entry) => entry.outcome)).toEqual(['unchanged', 'saved']);
      const buildKey = always.entries[1]?.key as string;
      expect(refreshed.value.entries[1]?.key).toMatch(new RegExp(`^${buildKey}-run\\d+$`));

      // The next run restores the newest entry for the key, the refreshed one, and counts it as exact.
      const next = await prepare({ keyPrefix: 'save-modes', cacheSave: 'always' });
      const latest = await capture(() => restoreGoCaches(next));
      expect(latest.value.entries[1]?.matchedKey).toBe(refreshed.value.entries[1]?.key);
      expect(latest.value.cacheHit).toBe('exact');
    } finally {
      await rm(path.join(app, 'extra.go'));
    }
  });
});

describe('cache-dependency-path', () => {
  it('names the files whose hash keys the caches; one that matches nothing is an input error', async () => {
    await useDependency('v0.9.0');
    const byDefault = await prepare();
    expect(byDefault.dependencyFiles).toEqual([path.join(app, 'go.sum')]);
    expect((await prepare({ dependencyPath: 'go.sum' })).entries).toEqual(byDefault.entries);
    expect((await prepare({ dependencyPath: 'go.sum\ngo.mod' })).entries[0]?.key).not.toBe(
      byDefault.entries[0]?.key,
    );
    const missing = capture(() => prepareGoCaches(inputs({ dependencyPath: 'services/*/go.sum' })));
    await expect(missing).rejects.toThrow(InputError);
    await expect(missing).rejects.toThrow(/cache-dependency-path.*services\/\*\/go\.sum/);
  });
});

describe('when the cache service misbehaves', () => {
  const modOnly = (keyPrefix: string) => prepare({ keyPrefix, cacheBuild: false });

  afterEach(() => service.heal());

  it('a finalize that fails leaves no entry that a later restore would take', async () => {
    recordCase('fault', 'go-caches: a finalize that fails leaves no entry that a later restore would take');
    const plan = await modOnly('finalize-fault');
    const restored = await capture(() => restoreGoCaches(plan));
    expect(restored.value.cacheHit).toBe('none');
    service.fail('FinalizeCacheEntryUpload', { times: 1, forgetUpload: true });
    const saved = await capture(() => saveGoCaches(plan, restored.value));
    expect(saved.value.entries.map((entry) => entry.outcome)).toEqual(['failed']);
    expect(messages(saved.commands, 'warning').length).toBeGreaterThan(0);
    expect(messages(saved.commands, 'error')).toEqual([]);
    expect(service.entries().filter((entry) => entry.key === plan.entries[0]?.key)).toEqual([]);

    const later = await capture(() => restoreGoCaches(plan));
    expect(later.value.cacheHit).toBe('none');
    const retried = await capture(() => saveGoCaches(plan, later.value));
    expect(retried.value.entries.map((entry) => entry.outcome)).toEqual(['saved']);
  });

  it('an upload the blob store refuses is a warning and leaves no entry', async () => {
    recordCase('fault', 'go-caches: an upload the blob store refuses is a warning and leaves no entry');
    const plan = await modOnly('upload-denied');
    const restored = await capture(() => restoreGoCaches(plan));
    service.denyUploads();
    const mark = service.requests.length;
    const saved = await capture(() => saveGoCaches(plan, restored.value));
    expect(saved.value.entries.map((entry) => entry.outcome)).toEqual(['failed']);
    expect(messages(saved.commands, 'warning').join('\n')).toMatch(/upload/i);
    expect(requestsSince(mark).map((request) => request.route)).not.toContain('FinalizeCacheEntryUpload');
    service.heal();
    expect((await capture(() => restoreGoCaches(plan))).value.cacheHit).toBe('none');
  });

  it('a service that is down gives notices, and restore and save carry on', async () => {
    recordCase('fault', 'go-caches: a service that is down gives notices, and restore and save carry on');
    const plan = await prepare({ keyPrefix: 'down' });
    service.setDown();
    const restored = await capture(() => restoreGoCaches(plan));
    expect(restored.value.status).toBe('unavailable');
    expect(restored.value.cacheHit).toBe('none');
    expect(messages(restored.commands, 'notice').join('\n')).toMatch(/stopped answering/);
    const mark = service.requests.length;
    const skipped = await capture(() => saveGoCaches(plan, restored.value));
    expect(skipped.value.entries.map((entry) => entry.outcome)).toEqual(['unavailable', 'unavailable']);
    expect(requestsSince(mark)).toEqual([]);

    service.heal();
    const upAtRestore = await capture(() => restoreGoCaches(plan));
    expect(upAtRestore.value.status).toBe('attempted');
    service.setDown();
    const saved = await capture(() => saveGoCaches(plan, upAtRestore.value));
    expect(saved.value.entries.map((entry) => entry.outcome)).toEqual(['unavailable', 'unavailable']);
    expect(messages(saved.commands, 'notice').join('\n')).toMatch(/stopped answering/);
    expect(messages(saved.commands, 'error')).toEqual([]);
  });

  it('without a cache service configured, restore and save give a notice and do nothing', async () => {
    recordCase(
      'fault',
      'go-caches: without a cache service configured, restore and save give a notice and do nothing',
    );
    const plan = await modOnly('no-service');
    const url = process.env.ACTIONS_RESULTS_URL;
    delete process.env.ACTIONS_RESULTS_URL;
    const mark = service.requests.length;
    try {
      const restored = await capture(() => restoreGoCaches(plan));
      expect(restored.value.status).toBe('unavailable');
      expect(messages(restored.commands, 'notice')).toHaveLength(1);
      const saved = await capture(() => saveGoCaches(plan, restored.value));
      expect(saved.value.entries.map((entry) => entry.outcome)).toEqual(['unavailable']);
      expect(requestsSince(mark)).toEqual([]);
    } finally {
      process.env.ACTIONS_RESULTS_URL = url;
    }
  });

  it('two saves of the same key at once: one wins, the other gives a notice and uploads nothing', async () => {
    recordCase(
      'fault',
      'go-caches: two saves of the same key at once: one wins, the other gives a notice and uploads nothing',
    );
    const plan = await modOnly('race');
    const restored = await capture(() => restoreGoCaches(plan));
    const mark = service.requests.length;
    const both = await capture(() =>
      Promise.all([saveGoCaches(plan, restored.value), saveGoCaches(plan, restored.value)]),
    );
    const outcomes = both.value.map((result) => result.entries[0]?.outcome).sort();
    expect(outcomes).toEqual(['conflict', 'saved']);
    expect(messages(both.commands, 'notice').join('\n')).toMatch(/Another job/);
    const requests = requestsSince(mark);
    expect(
      requests
        .filter((r) => r.route === 'CreateCacheEntry')
        .map((r) => r.status)
        .sort(),
    ).toEqual([200, 409]);
    expect(requests.filter((r) => r.route === 'FinalizeCacheEntryUpload')).toHaveLength(1);

    const next = service.requests.length;
    const late = await capture(() => saveGoCaches(plan, restored.value));
    expect(late.value.entries.map((entry) => entry.outcome)).toEqual(['conflict']);
    expect(requestsSince(next).map((r) => r.route)).toEqual(['GetCacheEntryDownloadURL']);
  });
});
