import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { DownloadError } from '../src/core/net/attempts.js';
import { toolchainModule } from '../src/core/toolchain/goproxy.js';
import { fetchGoDevIndex, fetchToolchainModuleList } from '../src/io/version/fetch-releases.js';
import { IndexShapeError, parseGoDevIndex, parseToolchainModuleList } from '../src/core/version/releases.js';
import { recordCase } from '../test/support/suite-counts.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'version');
const GO_DEV_JSON = readFileSync(path.join(FIXTURES, 'go-dev-index.json'), 'utf8');
const PROXY_LIST = readFileSync(path.join(FIXTURES, 'proxy-toolchain-list.txt'), 'utf8');

describe('parseGoDevIndex', () => {
  const releases = parseGoDevIndex(GO_DEV_JSON);
  const raw = JSON.parse(GO_DEV_JSON) as { version: string; stable: boolean; files: unknown[] }[];

  it('reads every release Go can name, newest first, with its stability', () => {
    expect(releases.map((release) => `${release.version}${release.stable ? '' : ' (unstable)'}`)).toEqual([
      '1.26.1',
      '1.26.0',
      '1.26rc1 (unstable)',
      '1.25.9',
      '1.25.8',
      '1.25.0',
      '1.24.13',
      '1.21.0',
      '1.21rc2 (unstable)',
      '1.20.14',
      '1.20',
      '1.9.2',
    ]);
  });

  it('leaves out a release Go cannot name (a pre-release of a patch release)', () => {
    expect(raw.some((release) => release.version === 'go1.9.2rc2')).toBe(true);
    expect(releases.some((release) => release.version.startsWith('1.9.2rc'))).toBe(false);
  });

  it('keeps every file with its kind, platform, hash and size', () => {
    const latest = releases[0];
    expect(latest?.files).toHaveLength(raw[0]?.files.length ?? -1);
    expect(latest?.files.filter((file) => file.kind === 'installer').map((file) => file.filename)).toEqual([
      'go1.26.1.darwin-amd64.pkg',
      'go1.26.1.darwin-arm64.pkg',
      'go1.26.1.windows-amd64.msi',
    ]);
    expect(latest?.files.find((file) => file.kind === 'source')).toEqual({
      filename: 'go1.26.1.src.tar.gz',
      os: '',
      arch: '',
      kind: 'source',
      sha256: '3172293d04b209dc1144698e7ba13f0477f6ba8c5ffd0be66c20fdbc9785dfbb',
      size: 31_000_000,
    });
  });

  it('skips files of a kind it does not know, and a repeated release', () => {
    const first = raw[0] as { version: string; stable: boolean; files: unknown[] };
    const extended = [
      {
        ...first,
        files: [...first.files, { filename: 'go.msix', os: 'windows', arch: 'arm64', kind: 'msix' }],
      },
      { ...first, files: [] },
    ];
    const [only, ...rest] = parseGoDevIndex(JSON.stringify(extended));
    expect(rest).toEqual([]);
    expect(only?.files).toHaveLength(first.files.length);
  });

  const release = (patch: object) =>
    JSON.stringify([{ version: 'go1.26.1', stable: true, files: [], ...patch }]);
  const file = (patch: object) =>
    release({ files: [{ filename: 'a.tar.gz', os: 'linux', arch: 'arm64', kind: 'archive', ...patch }] });
  it.each([
    ['<!doctype html><title>502</title>', /not JSON.*<!doctype html>/],
    ['{"versions": []}', /not a JSON array/],
    ['[42]', /Release #1 .* is not an object: 42/],
    [release({ version: '1.26.1' }), /has no "go…" version: "1\.26\.1"/],
    [release({ stable: 'yes' }), /\(go1\.26\.1\) has no boolean "stable"/],
    [release({ files: null }), /has no "files" array/],
    [file({ filename: undefined }), /File #1 of go1\.26\.1 lacks a filename, os or arch/],
    [file({ kind: undefined }), /\(a\.tar\.gz\) has no kind/],
    [file({ sha256: 'ABC' }), /malformed sha256: "ABC"/],
    [file({ size: -1 }), /malformed size: -1/],
  ])('refuses %s', (text, message) => {
    expect(() => parseGoDevIndex(text)).toThrow(IndexShapeError);
    expect(() => parseGoDevIndex(text)).toThrow(message);
  });
});

describe('parseToolchainModuleList on the real proxy list', () => {
  const releases = parseToolchainModuleList(PROXY_LIST);
  const lines = PROXY_LIST.split('\n').filter((line) => line.trim() !== '');

  it('turns every line into one module file of one release', () => {
    const files = releases.flatMap((release) => release.files);
    expect(files).toHaveLength(lines.length);
    expect(new Set(files.map((file) => file.filename))).toEqual(new Set(lines.map((line) => `${line}.zip`)));
  });

  it('names each file as the go command names the module it downloads', () => {
    for (const release of releases) {
      for (const file of release.files) {
        expect(file.kind).toBe('module');
        expect(file.filename).toBe(`${toolchainModule(release.version, file.os, file.arch).version}.zip`);
      }
    }
  });

  it('groups platforms per release, newest first, stable unless alpha/beta/rc', () => {
    const find = (version: string) => releases.find((release) => release.version === version);
    expect(
      find('1.25.4')
        ?.files.map((file) => `${file.os}/${file.arch}`)
        .sort(),
    ).toEqual(['darwin/amd64', 'darwin/arm64', 'linux/amd64', 'linux/arm64']);
    expect(releases.filter((release) => !release.stable).map((release) => release.version)).toEqual([
      '1.26rc1',
      '1.18beta1',
      '1.9rc2',
    ]);
    expect(releases.slice(0, 3).map((release) => release.version)).toEqual(['1.27.4', '1.27.3', '1.27.2']);
    expect(releases.some((release) => release.version === '1.20')).toBe(true);
  });

  it('tolerates CRLF and blank lines, skips other packagings and versions Go cannot name', () => {
    const text =
      'v0.0.1-go1.25.4.linux-arm64\r\n\r\nv0.0.2-go1.30.0.linux-arm64\r\nv0.0.1-go1.9.2rc2.linux-amd64\r\n';
    expect(parseToolchainModuleList(text)).toEqual([
      {
        version: '1.25.4',
        stable: true,
        files: [{ filename: 'v0.0.1-go1.25.4.linux-arm64.zip', os: 'linux', arch: 'arm64', kind: 'module' }],
      },
    ]);
    expect(parseToolchainModuleList('')).toEqual([]);
  });

  it.each([
    ['v0.0.1-go1.25.4.linux-arm64\n<html>\n', /Line 2 .* is not a toolchain module version: "<html>"/],
    ['v0.0.1-go1.25.4\n', /Line 1/],
    ['not found\n', /Line 1 .*"not found"/],
  ])('refuses %j', (text, message) => {
    expect(() => parseToolchainModuleList(text)).toThrow(IndexShapeError);
    expect(() => parseToolchainModuleList(text)).toThrow(message);
  });
});

/** A real HTTP server on 127.0.0.1 that answers each request with the next scripted handler. */
class ScriptedServer {
  readonly requests: { url: string; accept: string | undefined }[] = [];
  private script: ((req: IncomingMessage, res: ServerResponse) => void)[] = [];
  private server: Server = createServer((req, res) => {
    this.requests.push({ url: req.url ?? '', accept: req.headers.accept });
    const next = this.script.shift() ?? ((_req, response) => response.writeHead(599).end('script ran out'));
    next(req, res);
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  answer(...handlers: ((req: IncomingMessage, res: ServerResponse) => void)[]): void {
    this.script = handlers;
    this.requests.length = 0;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const ok =
  (body: string, type = 'application/json') =>
  (_req: IncomingMessage, res: ServerResponse) =>
    res.writeHead(200, { 'content-type': type, 'content-length': Buffer.byteLength(body) }).end(body);
const status =
  (code: number, headers: Record<string, string> = {}) =>
  (_req: IncomingMessage, res: ServerResponse) =>
    res.writeHead(code, headers).end(`status ${code}`);

async function failure(run: Promise<unknown>): Promise<DownloadError> {
  try {
    await run;
  } catch (error) {
    if (error instanceof DownloadError) return error;
    throw error;
  }
  throw new Error('expected a DownloadError');
}

describe('fetchGoDevIndex and fetchToolchainModuleList against a real server', () => {
  const server = new ScriptedServer();
  let base = '';
  const fast = { policy: { backoffMs: () => 20 }, stallTimeoutMs: 2000 };
  beforeAll(async () => {
    base = await server.start();
  });
  afterAll(() => server.stop());

  it('fetches the go.dev index from <base>/?mode=json&include=all', async () => {
    server.answer(ok(GO_DEV_JSON));
    const releases = await fetchGoDevIndex(`${base}/dl/`, fast);
    expect(releases.map((release) => release.version)).toEqual(
      parseGoDevIndex(GO_DEV_JSON).map((r) => r.version),
    );
    expect(server.requests).toEqual([{ url: '/dl/?mode=json&include=all', accept: 'application/json' }]);
  });

  it('fetches the toolchain list from <proxy>/golang.org/toolchain/@v/list', async () => {
    server.answer(ok(PROXY_LIST, 'text/plain; charset=utf-8'));
    const releases = await fetchToolchainModuleList(base, fast);
    expect(releases).toEqual(parseToolchainModuleList(PROXY_LIST));
    expect(server.requests.map((request) => request.url)).toEqual(['/golang.org/toolchain/@v/list']);
    expect(server.requests[0]?.accept).toBe('text/plain');
  });

  it('retries a 500 and logs why', async () => {
    recordCase('fault', 'releases: retries a 500 and logs why');
    server.answer(status(500), ok(GO_DEV_JSON));
    const log: string[] = [];
    const releases = await fetchGoDevIndex(`${base}/dl`, { ...fast, log: (line) => log.push(line) });
    expect(releases).toHaveLength(12);
    expect(server.requests).toHaveLength(2);
    expect(log).toEqual([
      expect.stringMatching(
        /^Attempt 1 of 5 to fetch \S+\/dl\/\?mode=json&include=all failed: HTTP 500 Internal Server Error; retrying/,
      ),
    ]);
  });

  it('waits as long as a 429 Retry-After asks before retrying', async () => {
    recordCase('fault', 'releases: waits as long as a 429 Retry-After asks before retrying');
    server.answer(status(429, { 'retry-after': '1' }), ok(PROXY_LIST, 'text/plain'));
    const started = Date.now();
    await fetchToolchainModuleList(base, fast);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(server.requests).toHaveLength(2);
  });

  it('gives up after the last attempt, naming the URL and the last status', async () => {
    recordCase('fault', 'releases: gives up after the last attempt, naming the URL and the last status');
    server.answer(status(502), status(503), status(503));
    const error = await failure(
      fetchToolchainModuleList(base, { ...fast, policy: { ...fast.policy, attempts: 3 } }),
    );
    expect(error.status).toBe(503);
    expect(error.url).toBe(`${base}/golang.org/toolchain/@v/list`);
    expect(error.message).toMatch(
      /Could not fetch http:\/\/127\.0\.0\.1:\d+\/golang\.org\/toolchain\/@v\/list: HTTP 503/,
    );
    expect(error.message).toMatch(/last HTTP status 503/);
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry a 404, so a GOPROXY list can fall through at once', async () => {
    recordCase('fault', 'releases: does not retry a 404, so a GOPROXY list can fall through at once');
    server.answer(status(404), ok(PROXY_LIST));
    const error = await failure(fetchToolchainModuleList(base, fast));
    expect(error.status).toBe(404);
    expect(server.requests).toHaveLength(1);
  });

  it('retries a dropped connection', async () => {
    recordCase('fault', 'releases: retries a dropped connection');
    server.answer((req) => req.socket.destroy(), ok(GO_DEV_JSON));
    await expect(fetchGoDevIndex(base, fast)).resolves.toHaveLength(12);
    expect(server.requests).toHaveLength(2);
  });

  it('times an attempt out and says so', async () => {
    recordCase('fault', 'releases: times an attempt out and says so');
    server.answer(
      () => undefined,
      () => undefined,
    );
    const error = await failure(
      fetchGoDevIndex(base, { ...fast, stallTimeoutMs: 300, policy: { ...fast.policy, attempts: 2 } }),
    );
    expect(error.status).toBeUndefined();
    expect(error.message).toMatch(/Could not fetch \S+: no response within 0.3s/);
    expect(server.requests).toHaveLength(2);
  });

  it('refuses a body that is not JSON, without retrying', async () => {
    recordCase('fault', 'releases: refuses a body that is not JSON, without retrying');
    server.answer(ok('<!doctype html><h1>Service Unavailable</h1>', 'text/html'), ok(GO_DEV_JSON));
    const error = await failure(fetchGoDevIndex(base, fast));
    expect(error.status).toBe(200);
    expect(error.message).toMatch(
      /\/\?mode=json&include=all did not answer with a Go release index: .*not JSON/,
    );
    expect(server.requests).toHaveLength(1);
  });

  it('refuses a list that is not a toolchain list', async () => {
    recordCase('fault', 'releases: refuses a list that is not a toolchain list');
    server.answer(ok('<html>blocked by proxy</html>', 'text/html'));
    const error = await failure(fetchToolchainModuleList(base, fast));
    expect(error.message).toMatch(/did not answer with a Go release index: Line 1/);
  });

  it('refuses a body declared too big, and one that grows too big without a length', async () => {
    recordCase(
      'attack',
      'releases: refuses a body declared too big, and one that grows too big without a length',
    );
    server.answer(ok(GO_DEV_JSON));
    const declared = await failure(fetchGoDevIndex(base, { ...fast, maxBytes: 1000 }));
    expect(declared.message).toMatch(/declares \d+ bytes, over the 1000-byte limit/);

    server.answer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(GO_DEV_JSON.slice(0, 800));
      res.end(GO_DEV_JSON.slice(800));
    });
    const grown = await failure(fetchGoDevIndex(base, { ...fast, maxBytes: 1000 }));
    expect(grown.message).toMatch(/grew past the 1000-byte limit/);
    expect(server.requests).toHaveLength(1);
  });
});
