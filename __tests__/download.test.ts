import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { downloadFile, type DownloadOptions } from '../src/io/net/download.js';
import { DownloadError } from '../src/core/net/attempts.js';
import { ToolchainServer } from '../test/support/toolchain-server.js';
import { recordCase } from '../test/support/suite-counts.js';

// Small timeouts and backoff keep the suite fast; the retry logic is the same as with the defaults.
const FAST = { attempts: 4, stallTimeoutMs: 400, backoffMs: () => 20 } satisfies Partial<DownloadOptions>;

const payload = randomBytes(300 * 1024);
const payloadSha256 = createHash('sha256').update(payload).digest('hex');

let server: ToolchainServer;
let work: string;
let destination: string;
let logs: string[];

beforeAll(async () => {
  server = await ToolchainServer.start();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  server.reset();
  server.serveBuffer('/dl/go.tar.gz', payload);
  work = await mkdtemp(path.join(os.tmpdir(), 'download-test-'));
  destination = path.join(work, 'go.tar.gz');
  logs = [];
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

function download(url: string, options: Partial<DownloadOptions> = {}) {
  return downloadFile({ ...FAST, url, destination, log: (line) => logs.push(line), ...options });
}

/** What download() must leave behind: the whole file on success, nothing at all (no partial file) on failure. */
async function expectDirectoryHolds(names: string[]): Promise<void> {
  expect((await readdir(work)).sort()).toEqual(names);
}

async function expectWholePayload(result: Awaited<ReturnType<typeof download>>, attempts: number) {
  expect(result).toMatchObject({ bytes: payload.length, sha256: payloadSha256, attempts });
  expect((await readFile(destination)).equals(payload)).toBe(true);
  await expectDirectoryHolds(['go.tar.gz']);
}

async function expectFailure(
  promise: Promise<unknown>,
  url: string,
  status: number | undefined,
  reason: RegExp,
) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DownloadError);
  const failure = error as DownloadError;
  expect(failure.url).toBe(url);
  expect(failure.status).toBe(status);
  expect(failure.message).toContain(url);
  expect(failure.message).toMatch(reason);
  if (status !== undefined) expect(failure.message).toContain(`last HTTP status ${status}`);
  await expectDirectoryHolds([]);
}

describe('downloadFile against a real HTTP server', () => {
  it('streams a file and hashes it on the fly', async () => {
    const result = await download(server.url('/dl/go.tar.gz'));
    await expectWholePayload(result, 1);
    expect(server.requestsFor('/dl/go.tar.gz')).toHaveLength(1);
    expect(server.requests[0]?.headers['accept-encoding']).toBe('identity');
  });

  it('retries 500, 502 and 503 and then succeeds', async () => {
    recordCase('fault', 'download: retries 500, 502 and 503 and then succeeds');
    server.injectFaults(
      '/dl/go.tar.gz',
      { kind: 'status', status: 500 },
      { kind: 'status', status: 502 },
      { kind: 'status', status: 503 },
    );
    const result = await download(server.url('/dl/go.tar.gz'));
    await expectWholePayload(result, 4);
    expect(server.requests.map((request) => request.fault ?? 'served')).toEqual([
      'status',
      'status',
      'status',
      'served',
    ]);
    expect(
      logs.filter((line) => /Attempt \d of 4 to download \S+ failed: HTTP 50[023]/.test(line)),
    ).toHaveLength(3);
  });

  it('waits as long as a 429 Retry-After asks, not the shorter backoff', async () => {
    recordCase('fault', 'download: waits as long as a 429 Retry-After asks, not the shorter backoff');
    server.injectFaults('/dl/go.tar.gz', { kind: 'status', status: 429, headers: { 'retry-after': '1' } });
    const result = await download(server.url('/dl/go.tar.gz'));
    await expectWholePayload(result, 2);
    const [first, second] = server.requests;
    const waitedMs = (second?.atMs ?? 0) - (first?.atMs ?? 0);
    expect(waitedMs).toBeGreaterThanOrEqual(950);
    expect(waitedMs).toBeLessThan(3000);
    expect(logs.join('\n')).toMatch(/HTTP 429 .*retrying in 1s/);
  });

  it('shortens a Retry-After longer than maxRetryAfterMs', async () => {
    recordCase('fault', 'download: shortens a Retry-After longer than maxRetryAfterMs');
    server.injectFaults('/dl/go.tar.gz', { kind: 'status', status: 503, headers: { 'retry-after': '3600' } });
    const result = await download(server.url('/dl/go.tar.gz'), { maxRetryAfterMs: 150 });
    await expectWholePayload(result, 2);
    const waitedMs = (server.requests[1]?.atMs ?? 0) - (server.requests[0]?.atMs ?? 0);
    expect(waitedMs).toBeGreaterThanOrEqual(140);
    expect(waitedMs).toBeLessThan(2000);
  });

  it('retries a body cut short (the connection ends before Content-Length bytes)', async () => {
    recordCase(
      'fault',
      'download: retries a body cut short (the connection ends before Content-Length bytes)',
    );
    server.injectFaults('/dl/go.tar.gz', { kind: 'truncate', afterBytes: 70_000 });
    const result = await download(server.url('/dl/go.tar.gz'));
    await expectWholePayload(result, 2);
    expect(logs[0]).toMatch(
      /Attempt 1 of 4 to download \S+ failed: (connection lost after \d+ bytes|truncated body)/,
    );
  });

  it('retries a connection reset mid-stream', async () => {
    recordCase('fault', 'download: retries a connection reset mid-stream');
    server.injectFaults('/dl/go.tar.gz', { kind: 'reset', afterBytes: 100_000 });
    const result = await download(server.url('/dl/go.tar.gz'));
    await expectWholePayload(result, 2);
    expect(logs[0]).toMatch(/Attempt 1 of 4 to download \S+ failed: connection lost after \d+ bytes/);
  });

  it('gives up on a stalled body after the stall timeout, then retries', async () => {
    recordCase('fault', 'download: gives up on a stalled body after the stall timeout, then retries');
    server.injectFaults('/dl/go.tar.gz', { kind: 'stall', afterBytes: 10 });
    const pending = download(server.url('/dl/go.tar.gz'));
    // Mid-download, the bytes so far live in a temporary file: the destination does not exist yet.
    await new Promise((resolve) => setTimeout(resolve, FAST.stallTimeoutMs / 2));
    expect(server.requests).toHaveLength(1);
    expect(await readdir(work)).toEqual([expect.stringMatching(/^go\.tar\.gz\.\d+-[0-9a-f]+\.partial$/)]);
    const result = await pending;
    await expectWholePayload(result, 2);
    const waitedMs = (server.requests[1]?.atMs ?? 0) - (server.requests[0]?.atMs ?? 0);
    expect(waitedMs).toBeGreaterThanOrEqual(FAST.stallTimeoutMs - 20);
    expect(logs[0]).toMatch(/stalled: no data for 0.4s/);
  });

  it('fails with the URL and last status when every answer has a wrong Content-Length', async () => {
    recordCase(
      'fault',
      'download: fails with the URL and last status when every answer has a wrong Content-Length',
    );
    const url = server.url('/dl/go.tar.gz');
    server.failAlways('/dl/go.tar.gz', { kind: 'wrong-length', declaredBytes: payload.length + 4096 });
    await expectFailure(download(url), url, 200, /connection lost|truncated body/);
    expect(server.requestsFor('/dl/go.tar.gz')).toHaveLength(FAST.attempts);
  });

  it('fails with the URL and last status after persistent 503s', async () => {
    recordCase('fault', 'download: fails with the URL and last status after persistent 503s');
    const url = server.url('/dl/go.tar.gz');
    server.failAlways('/dl/go.tar.gz', { kind: 'status', status: 503 });
    await expectFailure(download(url), url, 503, /HTTP 503 Service Unavailable/);
    expect(server.requestsFor('/dl/go.tar.gz')).toHaveLength(FAST.attempts);
  });

  it('does not retry a 404', async () => {
    recordCase('fault', 'download: does not retry a 404');
    const url = server.url('/dl/go9.99.tar.gz');
    await expectFailure(download(url), url, 404, /HTTP 404 Not Found/);
    expect(server.requests).toHaveLength(1);
  });

  it('follows a redirect to the real file', async () => {
    server.failAlways('/old/go.tar.gz', { kind: 'redirect', location: '/dl/go.tar.gz', status: 301 });
    const result = await download(server.url('/old/go.tar.gz'), {
      headers: { authorization: 'Bearer mirror' },
    });
    await expectWholePayload(result, 1);
    expect(server.requests.map((request) => request.url)).toEqual(['/old/go.tar.gz', '/dl/go.tar.gz']);
    // Same origin: the mirror's credentials follow the redirect.
    expect(server.requests[1]?.headers.authorization).toBe('Bearer mirror');
  });

  it('drops custom headers when a redirect leaves the origin', async () => {
    recordCase('attack', 'download: drops custom headers when a redirect leaves the origin');
    const other = await ToolchainServer.start();
    try {
      other.serveBuffer('/go.tar.gz', payload);
      server.failAlways('/old/go.tar.gz', { kind: 'redirect', location: other.url('/go.tar.gz') });
      const result = await download(server.url('/old/go.tar.gz'), {
        headers: { authorization: 'Bearer mirror' },
      });
      await expectWholePayload(result, 1);
      expect(server.requests[0]?.headers.authorization).toBe('Bearer mirror');
      expect(other.requests[0]?.headers.authorization).toBeUndefined();
    } finally {
      await other.close();
    }
  });

  it('refuses a redirect loop without retrying it', async () => {
    recordCase('fault', 'download: refuses a redirect loop without retrying it');
    const url = server.url('/loop/a');
    server.failAlways('/loop/a', { kind: 'redirect', location: '/loop/b' });
    server.failAlways('/loop/b', { kind: 'redirect', location: '/loop/a' });
    await expectFailure(download(url), url, 302, /redirect loop: .*\/loop\/a -> .*\/loop\/b -> .*\/loop\/a/);
    expect(server.requests.map((request) => request.url)).toEqual(['/loop/a', '/loop/b']);
  });

  it('refuses a body larger than maxBytes without retrying', async () => {
    recordCase('attack', 'download: refuses a body larger than maxBytes without retrying');
    const url = server.url('/dl/go.tar.gz');
    await expectFailure(
      download(url, { maxBytes: 1000 }),
      url,
      200,
      /declares 307200 bytes, over the 1000-byte limit/,
    );
    expect(server.requests).toHaveLength(1);
  });

  it('fails with the URL and no status when nothing listens', async () => {
    recordCase('fault', 'download: fails with the URL and no status when nothing listens');
    const closed = await ToolchainServer.start();
    const url = closed.url('/go.tar.gz');
    await closed.close();
    await expectFailure(download(url, { attempts: 2 }), url, undefined, /ECONNREFUSED/);
  });
});
