import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { INSTALL_MARKER, type ToolchainSlot } from '../src/io/toolchain/install.js';
import { goDevArch, selectGoDevArchive } from '../src/core/toolchain/godev-archive.js';
import { installFromGoDev } from '../src/io/toolchain/godev-source.js';
import { fetchGoDevIndex } from '../src/io/version/fetch-releases.js';
import type { Release, ReleaseFile } from '../src/core/version/resolve.js';
import { buildTarGz, goDevTarball, REAL_TOOLCHAIN, sha256OfFile } from '../test/support/archives.js';
import { goDevArchiveName, HOST, HOST_TARGET } from '../test/support/host.js';
import { ToolchainServer } from '../test/support/toolchain-server.js';
import { recordCase } from '../test/support/suite-counts.js';

const execFileAsync = promisify(execFile);
const FAST_DOWNLOAD = { attempts: 3, stallTimeoutMs: 5000, backoffMs: () => 20 };
const ARCHIVE = REAL_TOOLCHAIN.goDevFilename;

let server: ToolchainServer;
let tarball: string;
let tarballSha256: string;
let tarballSize: number;
let toolCache: string;
let temp: string;
let slot: ToolchainSlot;
let logs: string[];

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** A go.dev-shaped index entry for one file. */
function indexFile(
  filename: string,
  os: string,
  arch: string,
  kind: string,
  content: Buffer | string | number,
) {
  const size = typeof content === 'number' ? content : Buffer.byteLength(content);
  const hash = typeof content === 'number' ? sha256(filename) : sha256(content);
  return { filename, os, arch, version: 'go1.25.4', sha256: hash, size, kind };
}

/** The release as the action would have it: fetched from the server's index and parsed by the real parser. */
async function fetchRelease(version: string): Promise<Release> {
  const releases = await fetchGoDevIndex(server.url('/dl'), { policy: { attempts: 1 } });
  const release = releases.find((candidate) => candidate.version === version);
  if (!release) throw new Error(`go${version} is not in the index`);
  return release;
}

function install(
  release: { version: string; files: ReleaseFile[] },
  baseUrl = server.url('/dl'),
  verify?: boolean,
) {
  return installFromGoDev({
    baseUrl,
    release,
    goos: HOST.goos,
    goarch: HOST.goarch,
    slot,
    temp,
    log: (line) => logs.push(line),
    download: FAST_DOWNLOAD,
    ...(verify === undefined ? {} : { verify }),
  });
}

/** Nothing installed for the version: no final directory, no staging directory, no .complete; no archive left. */
async function expectNothingInstalled(version = '1.25.4'): Promise<void> {
  expect(await readdir(path.join(toolCache, 'go', version)).catch(() => [])).toEqual([]);
  expect(await readdir(temp)).toEqual([]);
}

beforeAll(async () => {
  tarball = await goDevTarball();
  tarballSha256 = await sha256OfFile(tarball);
  tarballSize = (await stat(tarball)).size;
  server = await ToolchainServer.start();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  server.reset();
  server.serveBuffer(
    '/dl/?mode=json&include=all',
    JSON.stringify([
      {
        version: 'go1.25.4',
        stable: true,
        // The host's archive among the other platforms' (whichever of these is the host's is listed once).
        files: [
          indexFile('go1.25.4.src.tar.gz', '', '', 'source', 31_000_000),
          { ...indexFile(ARCHIVE, HOST.goos, HOST.goarch, 'archive', tarballSize), sha256: tarballSha256 },
          ...[
            indexFile('go1.25.4.linux-amd64.tar.gz', 'linux', 'amd64', 'archive', 60_000_000),
            indexFile('go1.25.4.linux-arm64.tar.gz', 'linux', 'arm64', 'archive', 60_000_000),
            indexFile('go1.25.4.darwin-arm64.tar.gz', 'darwin', 'arm64', 'archive', 60_000_000),
            indexFile('go1.25.4.darwin-arm64.pkg', 'darwin', 'arm64', 'installer', 60_000_000),
            indexFile('go1.25.4.linux-armv6l.tar.gz', 'linux', 'armv6l', 'archive', 60_000_000),
            indexFile('go1.25.4.windows-amd64.zip', 'windows', 'amd64', 'archive', 70_000_000),
            indexFile('go1.25.4.windows-amd64.msi', 'windows', 'amd64', 'installer', 60_000_000),
          ].filter((file) => file.filename !== ARCHIVE),
        ],
      },
    ]),
    'application/json',
  );
  server.serveFile(`/dl/${ARCHIVE}`, tarball);
  toolCache = await mkdtemp(path.join(os.tmpdir(), 'godev-cache-'));
  temp = await mkdtemp(path.join(os.tmpdir(), 'godev-temp-'));
  slot = { toolCache, version: '1.25.4', arch: HOST.toolCacheArch };
  logs = [];
});
afterEach(async () => {
  await rm(toolCache, { recursive: true, force: true });
  await rm(temp, { recursive: true, force: true });
});

describe('installFromGoDev end to end', () => {
  it("downloads, verifies, extracts and installs the host's real go1.25.4 archive, which runs", async () => {
    server.injectFaults(`/dl/${ARCHIVE}`, { kind: 'status', status: 503 });
    const release = await fetchRelease('1.25.4');
    const started = performance.now();
    const result = await install(release);
    console.log(`installFromGoDev: ${tarballSize} bytes in ${Math.round(performance.now() - started)} ms`);

    const goroot = path.join(toolCache, 'go', '1.25.4', HOST.toolCacheArch);
    expect(result).toEqual({
      url: server.url(`/dl/${ARCHIVE}`),
      sha256: tarballSha256,
      goroot,
      installedByUs: true,
    });
    const { stdout } = await execFileAsync(path.join(goroot, 'bin', 'go'), ['version'], {
      env: { ...process.env, GOTOOLCHAIN: 'local' },
    });
    expect(stdout).toBe(`go version go1.25.4 ${HOST_TARGET}\n`);
    expect(JSON.parse(await readFile(path.join(goroot, INSTALL_MARKER), 'utf8'))).toEqual({
      source: 'go.dev',
      version: 'go1.25.4',
      url: result.url,
      sha256: tarballSha256,
      verified: true,
    });
    expect((await readdir(path.dirname(goroot))).sort()).toEqual([
      HOST.toolCacheArch,
      `${HOST.toolCacheArch}.complete`,
    ]);
    expect(await readdir(temp)).toEqual([]);
    expect(server.requestsFor(`/dl/${ARCHIVE}`).map((request) => request.fault ?? 'served')).toEqual([
      'status',
      'served',
    ]);
    expect(logs).toContain(
      `sha256 ${tarballSha256} of ${ARCHIVE} matches the release index at ${new URL(result.url).host}`,
    );
  });

  it('refuses a tampered archive (one byte flipped) before extracting it', async () => {
    recordCase('attack', 'godev-source: refuses a tampered archive (one byte flipped) before extracting it');
    const tampered = await readFile(tarball);
    const at = Math.floor(tampered.length / 2);
    tampered[at] = (tampered[at] ?? 0) ^ 0xff;
    server.serveBuffer(`/mirror/${ARCHIVE}`, tampered);
    const release = await fetchRelease('1.25.4');

    const error = await install(release, server.url('/mirror')).catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(
      `Checksum mismatch for ${ARCHIVE} from ${server.url(`/mirror/${ARCHIVE}`)}`,
    );
    expect((error as Error).message).toContain(`hashes to ${sha256(tampered)}`);
    expect((error as Error).message).toContain(`release index says ${tarballSha256}`);
    await expectNothingInstalled();
  });

  it('refuses a truncated archive before extracting it', async () => {
    recordCase('fault', 'godev-source: refuses a truncated archive before extracting it');
    const whole = await readFile(tarball);
    server.serveBuffer(`/mirror/${ARCHIVE}`, whole.subarray(0, 3 * 1024 * 1024));
    const release = await fetchRelease('1.25.4');
    await expect(install(release, server.url('/mirror'))).rejects.toThrow(
      new RegExp(`Checksum mismatch for ${ARCHIVE} .* release index says ${tarballSha256}`),
    );
    await expectNothingInstalled();
  });

  it('leaves nothing behind when an unverified truncated archive fails to extract', async () => {
    recordCase(
      'fault',
      'godev-source: leaves nothing behind when an unverified truncated archive fails to extract',
    );
    const whole = await readFile(tarball);
    server.serveBuffer(`/mirror/${ARCHIVE}`, whole.subarray(0, 3 * 1024 * 1024));
    const release = await fetchRelease('1.25.4');
    const unverified = {
      ...release,
      files: release.files.map((file) =>
        file.filename === ARCHIVE ? { ...file, sha256: undefined, size: undefined } : file,
      ),
    };
    await expect(install(unverified, server.url('/mirror'), false)).rejects.toThrow(
      new RegExp(`^Cannot extract .*${ARCHIVE.replace(/\./g, '\\.')}: `),
    );
    expect(
      logs.some((line) =>
        line.startsWith(`Not verified: the release index publishes no sha256 for ${ARCHIVE}`),
      ),
    ).toBe(true);
    await expectNothingInstalled();
  });

  it('refuses an index without a sha256 unless verification is turned off', async () => {
    recordCase('attack', 'godev-source: refuses an index without a sha256 unless verification is turned off');
    const release = await fetchRelease('1.25.4');
    const unverified = {
      ...release,
      files: release.files.map((file) => (file.filename === ARCHIVE ? { ...file, sha256: undefined } : file)),
    };
    await expect(install(unverified)).rejects.toThrow(`The release index publishes no sha256 for ${ARCHIVE}`);
    expect(server.requestsFor(`/dl/${ARCHIVE}`)).toHaveLength(0);
    await expectNothingInstalled();
  });

  it('fails with the URL and status when the archive is not there', async () => {
    recordCase('fault', 'godev-source: fails with the URL and status when the archive is not there');
    const release = await fetchRelease('1.25.4');
    await expect(install(release, server.url('/empty-mirror'))).rejects.toThrow(
      `Could not download ${server.url(`/empty-mirror/${ARCHIVE}`)}: HTTP 404 Not Found (last HTTP status 404)`,
    );
    await expectNothingInstalled();
  });
});

describe('installFromGoDev checks that bin/go runs and is the release', () => {
  /** A go.dev-shaped archive whose bin/go is a script answering `go env -json` with `goVersion`. */
  function fakeToolchain(goVersion: string, runs = true) {
    const script = `#!/bin/sh\necho '{"GOVERSION": "${goVersion}"}'\n`;
    return buildTarGz([
      { path: 'go/', type: 'Directory' },
      { path: 'go/bin/go', data: runs ? script : 'not a program', mode: runs ? 0o755 : 0o644 },
      { path: 'go/VERSION', data: `${goVersion}\n` },
    ]);
  }

  async function installFake(archive: Buffer, version: string) {
    const filename = goDevArchiveName(version);
    server.serveBuffer(`/fake/${filename}`, archive);
    slot = { ...slot, version };
    return install(
      {
        version,
        files: [
          {
            filename,
            os: HOST.goos,
            arch: HOST.goarch,
            kind: 'archive',
            sha256: sha256(archive),
            size: archive.length,
          },
        ],
      },
      server.url('/fake'),
    );
  }

  it('installs when bin/go reports the release version', async () => {
    const result = await installFake(fakeToolchain('go1.26.0'), '1.26.0');
    expect(result.goroot).toBe(path.join(toolCache, 'go', '1.26.0', HOST.toolCacheArch));
  });

  it('refuses an archive whose bin/go reports another version', async () => {
    recordCase('attack', 'godev-source: refuses an archive whose bin/go reports another version');
    await expect(installFake(fakeToolchain('go1.25.4'), '1.26.0')).rejects.toThrow(
      `bin/go from ${goDevArchiveName('1.26.0')} reports go1.25.4, not go1.26.0`,
    );
    await expectNothingInstalled('1.26.0');
  });

  it('refuses an archive whose bin/go does not run', async () => {
    recordCase('fault', 'godev-source: refuses an archive whose bin/go does not run');
    await expect(installFake(fakeToolchain('go1.26.0', false), '1.26.0')).rejects.toThrow(
      new RegExp(
        `^bin/go from ${goDevArchiveName('1.26.0').replace(/\./g, '\\.')} does not run on this machine: `,
      ),
    );
    await expectNothingInstalled('1.26.0');
  });
});

describe('selectGoDevArchive', () => {
  const release: { version: string; files: ReleaseFile[] } = {
    version: '1.25.4',
    files: [
      { filename: 'go1.25.4.src.tar.gz', os: '', arch: '', kind: 'source' },
      { filename: 'go1.25.4.linux-armv6l.tar.gz', os: 'linux', arch: 'armv6l', kind: 'archive' },
      { filename: 'go1.25.4.darwin-arm64.pkg', os: 'darwin', arch: 'arm64', kind: 'installer' },
      { filename: 'go1.25.4.darwin-arm64.tar.gz', os: 'darwin', arch: 'arm64', kind: 'archive' },
      { filename: 'go1.25.4.windows-arm64.zip', os: 'windows', arch: 'arm64', kind: 'archive' },
    ],
  };

  it('picks the archive (not the installer) for the platform, spelling linux/arm as go.dev does', () => {
    expect(goDevArch('arm')).toBe('armv6l');
    expect(goDevArch('arm64')).toBe('arm64');
    expect(selectGoDevArchive(release, 'darwin', 'arm64').filename).toBe('go1.25.4.darwin-arm64.tar.gz');
    expect(selectGoDevArchive(release, 'linux', 'arm').filename).toBe('go1.25.4.linux-armv6l.tar.gz');
    expect(selectGoDevArchive(release, 'windows', 'arm64').filename).toBe('go1.25.4.windows-arm64.zip');
  });

  it('names the platforms it has when the one asked for is missing', () => {
    expect(() => selectGoDevArchive(release, 'linux', 'arm64')).toThrow(
      'Go 1.25.4 has no archive for linux/arm64 in the release index (it has linux/armv6l, darwin/arm64, windows/arm64)',
    );
  });

  it('refuses a file name that would leave the download directory', async () => {
    recordCase('attack', 'godev-source: refuses a file name that would leave the download directory');
    const hostile: { version: string; files: ReleaseFile[] } = {
      version: '1.25.4',
      files: [
        {
          filename: '../../evil.tar.gz',
          os: 'linux',
          arch: 'amd64',
          kind: 'archive',
          sha256: 'a'.repeat(64),
        },
      ],
    };
    await expect(install(hostile)).rejects.toThrow(
      /names the go1\.25\.4 archive "\.\.\/\.\.\/evil\.tar\.gz"/,
    );
    expect(server.requests).toHaveLength(0);
  });
});
