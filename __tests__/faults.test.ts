// The whole action under faults, through the bundled action and the local runner (the modules' own fault tests
// are in download, extract, install, go-caches, releases, sumdb-client and pr-comment): a release index that is
// huge or not JSON, the action killed mid-extraction, four jobs installing one version at once, a full disk
// during the download and during the extraction, and a cache service that is down, fails to finalize, or hands
// back a corrupt archive. After every case the tool cache is walked, and any partial install is counted.
import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import { execFile, execFileSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { INSTALL_MARKER } from '../src/io/toolchain/install.js';
import { runAction, type RunActionOptions, type RunActionResult } from '../scripts/local-runner.js';
import {
  measureToolCache,
  messagesOf,
  REPO_ROOT,
  UNSET_MACHINE_ENV,
  walkToolCache,
  workspaceWithHello,
  writeModuleProxy,
} from '../test/support/action-harness.js';
import { REAL_TOOLCHAIN, recordedToolchainSum, toolchainModuleZip } from '../test/support/archives.js';
import { startCacheService, type CacheService } from '../test/support/cache-service.js';
import { HOST, HOST_TARGET } from '../test/support/host.js';
import { recordCase, recordOutcome } from '../test/support/suite-counts.js';
import { ToolchainServer } from '../test/support/toolchain-server.js';
import { localGo, toolCacheWithLocalGo, type LocalGo } from './fixtures/builds/go-modules.js';

const execFileAsync = promisify(execFile);
const VERSION = REAL_TOOLCHAIN.goVersion;
const MODULE_ZIP = `/golang.org/toolchain/@v/${REAL_TOOLCHAIN.moduleVersion}.zip`;
const INDEX = '/dl/?mode=json&include=all';
/** Where the tool cache keeps this host's toolchain of VERSION. */
const ARCH_DIR = HOST.toolCacheArch;

/** The go.sum line sum.golang.org signed for the host's toolchain module (fixtures/sumdb holds its answer). */
const TOOLCHAIN_SUM = recordedToolchainSum();

let server: ToolchainServer;

beforeAll(async () => {
  server = await ToolchainServer.start();
  server.serveFile(MODULE_ZIP, await toolchainModuleZip());
}, 600_000);

afterAll(async () => {
  await server?.close();
});

async function freshToolCache(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'sga-faults-toolcache-'));
}

/** The action on a copy of examples/hello, its toolchain from the local server through GOPROXY, pinned. */
async function runSetup(
  toolCache: string,
  options: Partial<RunActionOptions> & { inputs?: Record<string, string> } = {},
): Promise<RunActionResult> {
  const workspace = await workspaceWithHello('sga-faults-ws-');
  return runAction({
    actionDir: REPO_ROOT,
    workspace,
    toolCache,
    ...options,
    env: { ...UNSET_MACHINE_ENV, ...options.env },
    inputs: {
      'working-directory': 'hello',
      'toolchain-source': 'goproxy',
      goproxy: server.baseUrl,
      // The line sum.golang.org signed, pinned as on a runner that cannot reach the database.
      'toolchain-sum': TOOLCHAIN_SUM,
      'checksum-database': 'off',
      cache: 'false',
      ...options.inputs,
    },
  });
}

/** Walks the tool cache after a case (counting partial installs) and expects none. */
async function expectNoPartialInstall(toolCache: string, caseName: string) {
  const state = await measureToolCache(toolCache, caseName);
  expect(state.partial).toEqual([]);
  return state;
}

describe('a release index that is not one', () => {
  it.each([
    [
      'a sign-in page instead of JSON',
      () => server.serveBuffer(INDEX, '<!doctype html><title>Sign in</title>', 'text/html'),
      /did not answer with a Go release index/,
    ],
    [
      'a 40 MiB body',
      () => server.serveBuffer(INDEX, Buffer.alloc(40 * 1024 * 1024, 0x5b), 'application/json'),
      /over the 33554432-byte limit/,
    ],
  ])('%s fails the step at once, naming the index, and installs nothing', async (name, serve, why) => {
    recordCase('fault', `release index: ${name}`);
    serve();
    const toolCache = await freshToolCache();
    const started = Date.now();
    const result = await runSetup(toolCache, {
      inputs: { 'toolchain-source': 'go.dev', 'go-download-base-url': server.url('/dl') },
    });
    expect(result.success).toBe(false);
    const error = messagesOf(result, 'error').join('\n');
    expect(error).toContain(server.url(INDEX));
    expect(error).toMatch(why);
    // Neither is worth a retry.
    expect(server.requestsFor(INDEX)).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(30_000);
    const state = await expectNoPartialInstall(toolCache, `release index: ${name}`);
    expect(state.installed).toEqual([]);
    server.requests.length = 0;
  });
});

describe('installs that are interrupted or raced', () => {
  it('recovers from a SIGKILL mid-extraction: the leftovers are cleaned, a markerless directory is never used', async () => {
    recordCase('fault', 'action killed with SIGKILL mid-extraction, then run again');
    const toolCache = await freshToolCache();
    const versionDir = path.join(toolCache, 'go', VERSION);
    let killedWhile: string | undefined;
    const killed = await runSetup(toolCache, {
      skipPost: true,
      onStepStart: (_name: string, child: ChildProcess) => {
        void (async () => {
          // Mid-extraction: the staging directory has the small top-level files and is into src/.
          while (child.exitCode === null && !killedWhile) {
            const staging = (await readdir(versionDir).catch(() => [] as string[])).find((name) =>
              name.startsWith(`.${ARCH_DIR}.staging-`),
            );
            if (staging && existsSync(path.join(versionDir, staging, 'src'))) {
              killedWhile = staging;
              child.kill('SIGKILL');
            }
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
        })();
      },
    });
    expect(killedWhile).toBeDefined();
    expect(killed.steps[0]?.exitCode).not.toBe(0);
    const afterKill = await expectNoPartialInstall(toolCache, 'SIGKILL mid-extraction');
    expect(afterKill.installed).toEqual([]);
    expect(afterKill.workDirs).toEqual([`go/${VERSION}/${killedWhile}`]);

    // What an interrupted copy by some other tool leaves: a directory at the final path without a marker.
    await mkdir(path.join(versionDir, ARCH_DIR, 'bin'), { recursive: true });
    await writeFile(
      path.join(versionDir, ARCH_DIR, 'bin', 'go'),
      `#!/bin/sh\necho go version go${VERSION} ${HOST_TARGET}\n`,
      { mode: 0o755 },
    );
    recordCase('fault', 'a markerless toolchain directory at the final path');
    const planted = await walkToolCache(toolCache);
    expect(planted.partial).toEqual([`go/${VERSION}/${ARCH_DIR}`]);

    const recovered = await runSetup(toolCache, { skipPost: true });
    expect(recovered.success).toBe(true);
    const state = await expectNoPartialInstall(toolCache, 'run after SIGKILL');
    expect(state).toEqual({ installed: [`go/${VERSION}/${ARCH_DIR}`], partial: [], workDirs: [] });
    const goroot = path.join(versionDir, ARCH_DIR);
    expect(recovered.outputs['go-root']).toBe(goroot);
    expect(JSON.parse(await readFile(path.join(goroot, INSTALL_MARKER), 'utf8'))).toMatchObject({
      module: `golang.org/toolchain@${REAL_TOOLCHAIN.moduleVersion}`,
    });
    // The real toolchain, not the planted script.
    expect((await stat(path.join(goroot, 'bin', 'go'))).size).toBeGreaterThan(1_000_000);
    expect(
      execFileSync(path.join(goroot, 'bin', 'go'), ['env', 'GOVERSION'], { encoding: 'utf8' }).trim(),
    ).toBe(`go${VERSION}`);
  }, 300_000);

  it('lets four jobs install one version at once: four successes, one good copy', async () => {
    recordCase('fault', 'four processes installing the same version at once');
    recordCase('fault', 'an <arch>.complete file without its directory');
    const toolCache = await freshToolCache();
    // A runner image's .complete whose directory is gone must not count as installed.
    await mkdir(path.join(toolCache, 'go', VERSION), { recursive: true });
    await writeFile(path.join(toolCache, 'go', VERSION, `${ARCH_DIR}.complete`), '');
    const mark = server.requestsFor(MODULE_ZIP).length;
    const runs = await Promise.all([1, 2, 3, 4].map(() => runSetup(toolCache, { skipPost: true })));
    expect(runs.map((run) => run.success)).toEqual([true, true, true, true]);
    const goroot = path.join(toolCache, 'go', VERSION, ARCH_DIR);
    expect(new Set(runs.map((run) => run.outputs['go-root']))).toEqual(new Set([goroot]));
    // Each fetched it (none was there when it looked); one rename won, the others threw their copy away.
    expect(server.requestsFor(MODULE_ZIP).length - mark).toBe(4);
    const state = await expectNoPartialInstall(toolCache, 'four concurrent installs');
    expect(state).toEqual({ installed: [`go/${VERSION}/${ARCH_DIR}`], partial: [], workDirs: [] });
    expect(execFileSync(path.join(goroot, 'bin', 'go'), ['version'], { encoding: 'utf8' })).toContain(
      `go${VERSION} ${HOST_TARGET}`,
    );
  }, 300_000);
});

/** Mounts an 8 MB tmpfs when this process may (root, and a sandbox that allows it); undefined otherwise. */
function mountSmallTmpfs(): string | undefined {
  const dir = execFileSync('mktemp', ['-d', path.join(os.tmpdir(), 'sga-tmpfs-XXXXXX')], {
    encoding: 'utf8',
  }).trim();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    execFileSync('rmdir', [dir]);
    return undefined;
  }
}

/** A directory whose disk is full after 8 MB: a real tmpfs, or the ENOSPC injected by test/support/disk-full.mjs. */
interface FullDisk {
  dir: string;
  env: Record<string, string>;
  release(): Promise<void>;
}

const DISK_FULL_PRELOAD = pathToFileURL(path.join(REPO_ROOT, 'test/support/disk-full.mjs')).href;

async function fullDisk(kind: 'tmpfs' | 'injected'): Promise<FullDisk> {
  if (kind === 'tmpfs') {
    const dir = mountSmallTmpfs() as string;
    return {
      dir,
      env: {},
      release: async () => {
        execFileSync('umount', [dir]);
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sga-full-'));
  return {
    dir,
    env: {
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${DISK_FULL_PRELOAD}`.trim(),
      SETUP_GO_ARM64_FULL_DIR: dir,
      SETUP_GO_ARM64_FULL_BYTES: String(8 * 1024 * 1024),
    },
    release: () => rm(dir, { recursive: true, force: true }),
  };
}

const tmpfsAllowed = (() => {
  // tmpfs is Linux's; elsewhere (macOS) the full disk is the injected one.
  if (process.platform !== 'linux') return false;
  const probe = mountSmallTmpfs();
  if (probe) execFileSync('umount', [probe]);
  if (probe) execFileSync('rmdir', [probe]);
  return probe !== undefined;
})();
const diskKinds: ('tmpfs' | 'injected')[] = tmpfsAllowed ? ['tmpfs', 'injected'] : ['injected'];

async function filesUnder(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true }).catch(() => [] as string[])).map(String).sort();
}

/** Runs `body` against a full disk of `kind`, and releases the disk however it ends. */
async function onFullDisk(
  kind: 'tmpfs' | 'injected',
  body: (disk: FullDisk) => Promise<void>,
): Promise<void> {
  const disk = await fullDisk(kind);
  try {
    await body(disk);
  } finally {
    await disk.release();
  }
}

const diskKindsTitle = tmpfsAllowed ? 'an 8 MB tmpfs, and' : 'no tmpfs mount allowed here, only';
describe(`a full disk (${diskKindsTitle} ENOSPC injected at fs writes)`, () => {
  it.each(diskKinds)(
    '%s: RUNNER_TEMP full during the download fails clearly, at once, leaving nothing',
    async (kind) => {
      recordCase('fault', `disk full during the download (${kind})`);
      await onFullDisk(kind, async (disk) => {
        const toolCache = await freshToolCache();
        const started = Date.now();
        const result = await runSetup(toolCache, { temp: disk.dir, env: disk.env, skipPost: true });
        expect(result.success).toBe(false);
        const error = messagesOf(result, 'error').join('\n');
        expect(error).toContain('no space left on device');
        expect(error).toContain('Free space on that disk');
        // A full disk is not a flaky network: no retries.
        expect(result.steps[0]?.stdout).not.toMatch(/Download attempt \d+ of \d+ failed/);
        expect(Date.now() - started).toBeLessThan(60_000);
        // The runner's own files are all that is left in RUNNER_TEMP: no partial download.
        expect(
          (await filesUnder(disk.dir)).filter((file) => !file.startsWith('_runner_file_commands')),
        ).toEqual(['event.json']);
        const state = await expectNoPartialInstall(toolCache, `disk full during the download (${kind})`);
        expect(state).toEqual({ installed: [], partial: [], workDirs: [] });
      });
    },
    120_000,
  );

  it.each(diskKinds)(
    '%s: the tool cache full during the extraction fails clearly, leaving nothing',
    async (kind) => {
      recordCase('fault', `disk full during the extraction (${kind})`);
      await onFullDisk(kind, async (disk) => {
        const result = await runSetup(disk.dir, { env: disk.env, skipPost: true });
        expect(result.success).toBe(false);
        expect(result.steps[0]?.stderr).toBe('');
        expect(messagesOf(result, 'error').join('\n')).toMatch(
          /Cannot extract .*: ENOSPC: no space left on device/,
        );
        const state = await expectNoPartialInstall(disk.dir, `disk full during the extraction (${kind})`);
        expect(state).toEqual({ installed: [], partial: [], workDirs: [] });
      });
    },
    120_000,
  );
});

describe('the Go caches when the cache service misbehaves', () => {
  let service: CacheService;
  let go: LocalGo;
  let toolCache: string;
  let workspace: string;
  let goproxy: string;
  let scratch: string;

  function goEnv(modCache: string): Record<string, string> {
    return {
      GOMODCACHE: modCache,
      GOCACHE: path.join(scratch, 'gocache'),
      GOPATH: path.join(scratch, 'gopath'),
      GOPROXY: goproxy,
      GOSUMDB: 'off',
      GOFLAGS: '-mod=mod',
      GOTOOLCHAIN: 'local',
    };
  }

  /** A fresh runner's run: empty GOMODCACHE, `go mod download` between main and post. */
  async function runWithCache(modCache: string, options: Partial<RunActionOptions> = {}) {
    return runAction({
      actionDir: REPO_ROOT,
      workspace,
      toolCache,
      env: { ...UNSET_MACHINE_ENV, ...service.env, ...goEnv(modCache) },
      between: [{ name: 'go mod download', command: 'go', args: ['-C', 'app', 'mod', 'download'] }],
      ...options,
      inputs: {
        'go-version': go.version,
        'working-directory': 'app',
        'cache-build': 'false',
        'cache-key-prefix': `faults-${randomBytes(4).toString('hex')}`,
        ...options.inputs,
      },
    });
  }

  /** Every file under `dir` with the SHA-256 of its content. */
  async function snapshot(dir: string): Promise<Record<string, string>> {
    const files: Record<string, string> = {};
    for (const file of await filesUnder(dir)) {
      const full = path.join(dir, file);
      if ((await stat(full)).isFile())
        files[file] = createHash('sha256')
          .update(await readFile(full))
          .digest('hex');
    }
    return files;
  }

  async function removeModCache(dir: string): Promise<void> {
    if (!existsSync(dir)) return;
    await execFileAsync('chmod', ['-R', 'u+w', dir]);
    await rm(dir, { recursive: true, force: true });
  }

  beforeAll(async () => {
    go = await localGo();
    [service, toolCache] = await Promise.all([startCacheService(), toolCacheWithLocalGo(go)]);
    scratch = await mkdtemp(path.join(os.tmpdir(), 'sga-faults-cache-'));
    goproxy = await writeModuleProxy(path.join(scratch, 'proxy'));
    workspace = path.join(scratch, 'workspace');
    const app = path.join(workspace, 'app');
    await mkdir(app, { recursive: true });
    await writeFile(
      path.join(app, 'go.mod'),
      'module example.com/app\n\ngo 1.22\n\nrequire example.com/blob v1.0.0\n',
    );
    await writeFile(
      path.join(app, 'main.go'),
      'package main\n\nimport "example.com/blob"\n\nfunc main() { println(blob.Name) }\n',
    );
    const tidyCache = path.join(scratch, 'tidy-modcache');
    await execFileAsync(go.goBinary, ['mod', 'tidy'], {
      cwd: app,
      env: { ...process.env, ...goEnv(tidyCache) },
    });
    await removeModCache(tidyCache);
  }, 120_000);

  afterAll(async () => {
    await service?.stop();
    if (scratch) {
      for (const name of await readdir(scratch))
        if (name.startsWith('modcache')) await removeModCache(path.join(scratch, name));
      await rm(scratch, { recursive: true, force: true });
    }
  });

  afterEach(() => service.heal());

  it('a service that is down: a notice, nothing restored or saved, the job goes on', async () => {
    recordCase('fault', 'cache service down');
    service.setDown();
    const result = await runWithCache(path.join(scratch, 'modcache-down'));
    expect(result.success).toBe(true);
    expect(result.outputs['cache-hit']).toBe('none');
    expect(messagesOf(result, 'notice').join('\n')).toMatch(/stopped answering/);
    expect(messagesOf(result, 'error')).toEqual([]);
  });

  it('a 5xx on finalize: a warning, the job goes on, and no entry is left for a restore to take', async () => {
    recordCase('fault', 'cache service 5xx on finalize');
    service.fail('FinalizeCacheEntryUpload', { status: 500, forgetUpload: true });
    const result = await runWithCache(path.join(scratch, 'modcache-finalize'));
    expect(result.success).toBe(true);
    const post = result.steps.at(-1);
    expect(post?.name).toBe('post');
    expect(
      post?.commands
        .filter((c) => c.command === 'warning')
        .map((c) => c.message)
        .join('\n'),
    ).toMatch(/Could not save|Failed to save/);
    expect(service.entries().filter((entry) => entry.key === result.outputs['cache-key'])).toEqual([]);
  });

  it('a corrupt archive on restore: a warning, the job goes on, and nothing corrupt is left in GOMODCACHE', async () => {
    recordCase('fault', 'corrupt cache archive on restore');
    const prefix = `corrupt-${randomBytes(4).toString('hex')}`;
    // One path for both runs, as on two runners of one image (the entry's version hashes the cached paths).
    const modCache = path.join(scratch, 'modcache-corrupt');
    const saved = await runWithCache(modCache, { inputs: { 'cache-key-prefix': prefix } });
    expect(saved.success).toBe(true);
    const entry = service.entries().find((e) => e.key === saved.outputs['cache-key'] && e.finalized);
    expect(entry?.sizeBytes).toBeGreaterThan(1_000_000);
    const good = await snapshot(modCache);
    await removeModCache(modCache);

    // Flip bytes near the end of the archive in blob storage: the restore reads most of it before it breaks.
    const { azurite } = service;
    const blob = new BlobServiceClient(
      azurite.blobEndpoint,
      new StorageSharedKeyCredential(azurite.accountName, azurite.accountKey),
    )
      .getContainerClient('actions-cache')
      .getBlockBlobClient(entry?.blobName as string);
    const bytes = await blob.downloadToBuffer();
    const at = Math.floor(bytes.length * 0.9);
    for (let i = at; i < at + 64; i++) bytes[i] = (bytes[i] as number) ^ 0xff;
    await blob.uploadData(bytes);

    const restored = await runWithCache(modCache, {
      between: [],
      skipPost: true,
      inputs: { 'cache-key-prefix': prefix },
    });
    expect(restored.success).toBe(true);
    expect(messagesOf(restored, 'warning').join('\n')).toMatch(/restore/i);
    expect(restored.outputs['cache-hit']).toBe('none');
    // Whatever the failed restore wrote is gone, or else it is the whole entry: never part of it.
    const left = await snapshot(modCache);
    const corrupt = Object.keys(left).length > 0 && JSON.stringify(left) !== JSON.stringify(good);
    if (corrupt)
      recordOutcome(
        'corrupt-restore',
        `GOMODCACHE holds ${Object.keys(left).length} file(s) of a broken archive`,
      );
    expect(corrupt).toBe(false);
  }, 180_000);
});
