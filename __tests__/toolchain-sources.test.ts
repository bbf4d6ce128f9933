// The bundled action installing real toolchains from local servers shaped like go.dev and like a Go module proxy,
// through the local runner: each source, the auto fallback, check-latest, and tampered downloads.
import { mkdir, mkdtemp, open, readdir, stat, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { create as createTar } from 'tar';
import { runAction } from '../scripts/local-runner.js';
import { hashModuleZip } from '../src/io/toolchain/dirhash.js';
import {
  buildZip,
  goDevIndexJson,
  goDevTarball,
  RECORDED_CHECKSUM_DATABASE,
  REAL_TOOLCHAIN,
  sha256OfFile,
  toolchainModuleZip,
} from '../test/support/archives.js';
import { HOST } from '../test/support/host.js';
import { ToolchainServer } from '../test/support/toolchain-server.js';
import { recordCase } from '../test/support/suite-counts.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VERSION = REAL_TOOLCHAIN.goVersion;
const ARCHIVE = REAL_TOOLCHAIN.goDevFilename;
const ARCHIVE_PATTERN = ARCHIVE.replace(/\./g, '\\.');
const INDEX = '/dl/?mode=json&include=all';
const MODULE_ZIP = `/proxy/golang.org/toolchain/@v/${REAL_TOOLCHAIN.moduleVersion}.zip`;
/** The checksum database's record of the toolchain module, asked through the proxy as go asks it. */
const LOOKUP = `/proxy/sumdb/sum.golang.org/lookup/golang.org/toolchain@${REAL_TOOLCHAIN.moduleVersion}`;

let server: ToolchainServer;
let tarball: string;
let tarballSha256: string;
let tarballSize: number;
let moduleZip: string;
let moduleSum: string;

/** The go.sum line of the real toolchain module, as a user would pin it. */
function pinnedSum(): string {
  return `golang.org/toolchain ${REAL_TOOLCHAIN.moduleVersion} ${moduleSum}`;
}

/**
 * A go.dev-shaped archive a mirror might swap in: a bin/go that, once run, leaves `canary` behind and answers
 * `go env` as the real release would.
 */
async function alteredTarball(canary: string): Promise<string> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'sga-altered-'));
  await mkdir(path.join(work, 'go', 'bin'), { recursive: true });
  await writeFile(path.join(work, 'go', 'VERSION'), `go${VERSION}\n`);
  await writeFile(
    path.join(work, 'go', 'bin', 'go'),
    `#!/bin/sh\ntouch '${canary}'\necho '{"GOVERSION":"go${VERSION}","GOHOSTOS":"${HOST.goos}","GOHOSTARCH":"${HOST.goarch}"}'\n`,
    { mode: 0o755 },
  );
  const file = path.join(work, ARCHIVE);
  await createTar({ gzip: true, cwd: work, portable: true, file }, ['go']);
  return file;
}

/** An install of VERSION from the server's go.dev-shaped mirror, its files checked against the pinned sum. */
function fromMirror(): Record<string, string> {
  return {
    'go-version': VERSION,
    'toolchain-source': 'go.dev',
    'go-download-base-url': server.url('/dl'),
    goproxy: server.url('/proxy'),
    'toolchain-sum': pinnedSum(),
  };
}

/** An install of VERSION from the server's Go module proxy, its zip checked against the pinned sum. */
function fromProxy(): Record<string, string> {
  return {
    'go-version': VERSION,
    'toolchain-source': 'goproxy',
    goproxy: server.url('/proxy'),
    'toolchain-sum': pinnedSum(),
  };
}

function goDevIndex(sha256: string, size = tarballSize): string {
  return goDevIndexJson({ sha256, size });
}

async function runSetup(inputs: Record<string, string>, toolCache?: string) {
  const cache = toolCache ?? (await mkdtemp(path.join(os.tmpdir(), 'sga-sources-cache-')));
  const workspace = await mkdtemp(path.join(os.tmpdir(), 'sga-sources-ws-'));
  const result = await runAction({
    actionDir: root,
    workspace,
    toolCache: cache,
    inputs: { cache: 'false', ...inputs },
  });
  return { result, toolCache: cache, log: result.steps[0]?.stdout ?? '' };
}

/** What a failed install must leave: no toolchain directory, no staging directory, no marker for the version. */
async function toolCacheEntries(toolCache: string): Promise<string[]> {
  const versionDir = path.join(toolCache, 'go', VERSION);
  if (!(await stat(versionDir).catch(() => undefined))) return [];
  return readdir(versionDir);
}

/** A refusal before the download: the proxy's zip never asked for, the tool cache without the version. */
async function expectNothingFetchedOrInstalled(toolCache: string): Promise<void> {
  expect(server.requestsFor(MODULE_ZIP)).toHaveLength(0);
  expect(await toolCacheEntries(toolCache)).toEqual([]);
}

beforeAll(async () => {
  [tarball, moduleZip] = await Promise.all([goDevTarball(), toolchainModuleZip()]);
  tarballSha256 = await sha256OfFile(tarball);
  tarballSize = (await stat(tarball)).size;
  moduleSum = await hashModuleZip(moduleZip);
  server = await ToolchainServer.start();
}, 600_000);

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  server.reset();
  server.serveBuffer(INDEX, goDevIndex(tarballSha256), 'application/json');
  server.serveFile(`/dl/${ARCHIVE}`, tarball);
  server.serveFile(MODULE_ZIP, moduleZip);
  // The proxy also answers for sum.golang.org, with the database's real, signed answers.
  server.serveDirectory('/proxy/sumdb/sum.golang.org', RECORDED_CHECKSUM_DATABASE);
});

describe('toolchain sources through the action', () => {
  it('installs from a go.dev-compatible mirror, its files checked against the toolchain module’s h1:', async () => {
    const { result, toolCache, log } = await runSetup(fromMirror());
    expect(result.success).toBe(true);
    expect(result.outputs['go-version']).toBe(VERSION);
    expect(result.outputs['go-root']).toBe(path.join(toolCache, 'go', VERSION, HOST.toolCacheArch));
    // The mirror's own index is named as such; what vouches for the archive is a source the mirror does not run.
    expect(log).toContain(
      `sha256 ${tarballSha256} of ${ARCHIVE} matches the release index at ${new URL(server.url('/')).host}`,
    );
    expect(log).toContain(
      `Verified ${ARCHIVE}: its files hash to ${moduleSum} as golang.org/toolchain@${REAL_TOOLCHAIN.moduleVersion}, as sum.golang.org via ${server.url(LOOKUP)} and the toolchain-sum input says`,
    );
    expect(result.summary).toContain(
      `\`${moduleSum}\` (sum.golang.org via ${server.url(LOOKUP)} and the toolchain-sum input, for the archive's files as`,
    );
    expect(server.requestsFor(LOOKUP)).toHaveLength(1);
    expect(server.requestsFor(`/dl/${ARCHIVE}`)).toHaveLength(1);
  });

  it('refuses an altered archive that the mirror’s own index vouches for, and never runs anything from it', async () => {
    recordCase('attack', 'toolchain-sources: a go.dev mirror vouching for its own altered archive');
    const canary = path.join(await mkdtemp(path.join(os.tmpdir(), 'sga-mirror-canary-')), 'ran');
    const altered = await alteredTarball(canary);
    const alteredSha = await sha256OfFile(altered);
    server.serveBuffer(INDEX, goDevIndex(alteredSha, (await stat(altered)).size), 'application/json');
    server.serveFile(`/dl/${ARCHIVE}`, altered);
    const { result, toolCache, log } = await runSetup(fromMirror());
    expect(result.success).toBe(false);
    expect(log).toContain(`sha256 ${alteredSha} of ${ARCHIVE} matches the release index at`);
    expect(log).toMatch(
      new RegExp(
        `Checksum mismatch for ${ARCHIVE_PATTERN} from .*: its files hash to h1:.* sum\\.golang\\.org via .* and the toolchain-sum input says`,
      ),
    );
    expect(log).not.toMatch(/Verified/);
    expect(await stat(canary).catch(() => undefined)).toBeUndefined();
    expect(await toolCacheEntries(toolCache)).toEqual([]);
  });

  it('installs from a proxy-shaped tree when the pinned toolchain-sum and the checksum database agree', async () => {
    const { result } = await runSetup(fromProxy());
    expect(result.success).toBe(true);
    expect(result.summary).toContain(
      `\`${moduleSum}\` (sum.golang.org via ${server.url(LOOKUP)} and the toolchain-sum input)`,
    );
    expect(server.requestsFor(LOOKUP)).toHaveLength(1);
    expect(server.requestsFor(MODULE_ZIP)).toHaveLength(1);
  });

  it('trusts the pin alone with checksum-database: off, and never asks the database', async () => {
    const { result } = await runSetup({ ...fromProxy(), 'checksum-database': 'off' });
    expect(result.success).toBe(true);
    expect(result.summary).toContain(`\`${moduleSum}\` (the toolchain-sum input (checksum-database: off))`);
    expect(server.requests.filter((request) => request.url.includes('/sumdb/'))).toEqual([]);
  });

  it('refuses checksum-database: off without a pin, naming the input, before any download', async () => {
    recordCase('bad-input', 'toolchain-sources: checksum-database off without toolchain-sum');
    const { result, toolCache } = await runSetup({
      'go-version': VERSION,
      'toolchain-source': 'goproxy',
      goproxy: server.url('/proxy'),
      'checksum-database': 'off',
    });
    expect(result.success).toBe(false);
    const errors = result.steps[0]!.commands.filter((c) => c.command === 'error');
    expect(errors.map((e) => e.message).join('\n')).toMatch(
      /Input checksum-database is off and no toolchain-sum pins golang\.org\/toolchain@v\S+, so nothing could vouch for the download\. Pin its go\.sum line with toolchain-sum/,
    );
    await expectNothingFetchedOrInstalled(toolCache);
  });

  it('falls back from an unreachable go.dev to the proxy under auto, and warns once', async () => {
    recordCase(
      'fault',
      'toolchain-sources: falls back from an unreachable go.dev to the proxy under auto, and warns once',
    );
    const closed = await ToolchainServer.start();
    const deadUrl = closed.url('/dl');
    await closed.close();
    const { result } = await runSetup({
      'go-version': VERSION,
      'go-download-base-url': deadUrl,
      goproxy: server.url('/proxy'),
      'toolchain-sum': pinnedSum(),
    });
    expect(result.success).toBe(true);
    const warnings = result.steps[0]!.commands.filter((c) => c.command === 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(/Could not install Go 1\.25\.4 from go\.dev/);
    expect(result.summary).toContain('golang.org/toolchain module');
  }, 300_000);

  it('never falls back after a tampered go.dev archive, and leaves nothing in the tool cache', async () => {
    recordCase(
      'attack',
      'toolchain-sources: never falls back after a tampered go.dev archive, and leaves nothing in the tool cache',
    );
    server.serveBuffer(INDEX, goDevIndex('0'.repeat(64)), 'application/json');
    const { result, toolCache } = await runSetup({
      'go-version': VERSION,
      'go-download-base-url': server.url('/dl'),
      goproxy: server.url('/proxy'),
      'toolchain-sum': pinnedSum(),
    });
    expect(result.success).toBe(false);
    expect(result.steps[0]!.stdout).toMatch(new RegExp(`Checksum mismatch for ${ARCHIVE_PATTERN}`));
    await expectNothingFetchedOrInstalled(toolCache);
  });

  it('refuses a pin that the checksum database contradicts, before downloading anything', async () => {
    recordCase('attack', 'toolchain-sources: a toolchain-sum pin the checksum database contradicts');
    const wrongSum = `h1:${Buffer.alloc(32, 7).toString('base64')}`;
    const { result, toolCache } = await runSetup({
      'go-version': VERSION,
      'toolchain-source': 'goproxy',
      goproxy: server.url('/proxy'),
      'toolchain-sum': `golang.org/toolchain ${REAL_TOOLCHAIN.moduleVersion} ${wrongSum}`,
    });
    expect(result.success).toBe(false);
    expect(result.steps[0]!.stdout).toContain(
      `Input toolchain-sum pins golang.org/toolchain@${REAL_TOOLCHAIN.moduleVersion} to ${wrongSum}, but sum.golang.org (via ${server.url(LOOKUP)}) says ${moduleSum}`,
    );
    await expectNothingFetchedOrInstalled(toolCache);
  });

  it('refuses a proxy zip that is not the one the pin and the database agree on, and leaves nothing', async () => {
    recordCase(
      'attack',
      'toolchain-sources: refuses a proxy zip whose h1: hash is not the trusted one, and leaves nothing in the tool cache',
    );
    const top = `golang.org/toolchain@${REAL_TOOLCHAIN.moduleVersion}`;
    server.serveBuffer(MODULE_ZIP, buildZip([{ name: `${top}/bin/go`, data: '#!/bin/sh\nexit 0\n' }]));
    const { result, toolCache } = await runSetup(fromProxy());
    expect(result.success).toBe(false);
    expect(result.steps[0]!.stdout).toContain(`Checksum mismatch for ${top}`);
    expect(await toolCacheEntries(toolCache)).toEqual([]);
  });

  it('stops reading a proxy that streams more than Go’s 500 MiB module-zip cap', async () => {
    recordCase('attack', 'toolchain-sources: a proxy streaming zeros as the toolchain zip');
    const endless = path.join(await mkdtemp(path.join(os.tmpdir(), 'sga-endless-')), 'zeros.zip');
    // Sparse: 600 MiB of zeros that cost no disk.
    await truncate(
      await open(endless, 'w').then(async (handle) => (await handle.close(), endless)),
      600 * 1024 * 1024,
    );
    server.serveFile(MODULE_ZIP, endless);
    const { result, toolCache, log } = await runSetup(fromProxy());
    expect(result.success).toBe(false);
    expect(log + JSON.stringify(result.steps[0]?.commands)).toMatch(/(over|past) the 524288000-byte limit/);
    expect(await toolCacheEntries(toolCache)).toEqual([]);
  });

  it('answers 1.25 from the tool cache without asking the index, unless check-latest', async () => {
    const first = await runSetup(fromMirror());
    expect(first.result.success).toBe(true);
    server.reset();
    server.serveBuffer(INDEX, goDevIndex(tarballSha256), 'application/json');

    const cached = await runSetup(
      { 'go-version': '1.25', 'toolchain-source': 'go.dev', 'go-download-base-url': server.url('/dl') },
      first.toolCache,
    );
    expect(cached.result.outputs['go-version']).toBe(VERSION);
    expect(server.requestsFor(INDEX)).toHaveLength(0);

    const latest = await runSetup(
      {
        'go-version': '1.25',
        'check-latest': 'true',
        'toolchain-source': 'go.dev',
        'go-download-base-url': server.url('/dl'),
      },
      first.toolCache,
    );
    expect(latest.result.outputs['go-version']).toBe(VERSION);
    expect(server.requestsFor(INDEX)).toHaveLength(1);
    expect(latest.log).toMatch(/already in the tool cache/);
  });
});
