// The one HTTP client against servers that behave as ordinary ones do, not as Node's keep-alive server does:
// HTTP/1.0 answers that end with the server closing the connection right after the last byte, bodies without a
// length, gzip-encoded indexes, and file:// GOPROXY entries.
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { downloadFile } from '../src/io/net/download.js';
import { DownloadError } from '../src/core/net/attempts.js';
import { getBytes, openUrl } from '../src/io/net/http.js';
import { fetchToolchainModuleList } from '../src/io/version/fetch-releases.js';
import { recordCase } from '../test/support/suite-counts.js';

const body = randomBytes(3 * 1024 * 1024);
const bodySha256 = createHash('sha256').update(body).digest('hex');

interface RawAnswer {
  head: string;
  payload: Buffer;
}

/**
 * A server that writes each answer in one go and closes its end right after the last byte, as an HTTP/1.0
 * server does (Python's http.server among them). It is raw TCP so nothing in it waits for the reader.
 */
async function closingServer(answer: (requestLine: string, headers: string) => RawAnswer) {
  const requests: string[] = [];
  const server = net.createServer((socket) => {
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (!received.includes('\r\n\r\n')) return;
      const [requestLine = '', ...rest] = received.split('\r\n');
      requests.push(received);
      const { head, payload } = answer(requestLine, rest.join('\r\n'));
      socket.write(head);
      socket.end(payload);
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: (file: string) => `http://127.0.0.1:${port}${file}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const withLength = (payload: Buffer, extra = ''): RawAnswer => ({
  head: `HTTP/1.0 200 OK\r\nContent-Type: application/zip\r\nContent-Length: ${payload.length}\r\n${extra}\r\n`,
  payload,
});
const withoutLength = (payload: Buffer): RawAnswer => ({
  head: 'HTTP/1.0 200 OK\r\nContent-Type: application/zip\r\n\r\n',
  payload,
});

/** Reads a body slowly: the parser is held back by the reader while the server has already closed. */
async function readSlowly(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    await sleep(2);
  }
  return Buffer.concat(chunks);
}

let work: string;
beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'http-client-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('a server that closes the connection right after the last byte', () => {
  it.each([
    ['with a Content-Length', withLength],
    ['delimited by the close alone', withoutLength],
  ])('is read whole by a slow reader, every time (%s)', async (_case, shape) => {
    recordCase('fault', `http: server closes right after the last byte, slow reader (${_case})`);
    const server = await closingServer(() => shape(body));
    try {
      for (let round = 0; round < 10; round++) {
        const response = await openUrl(server.url('/toolchain.zip'));
        expect(response.status).toBe(200);
        const received = await readSlowly(response.body);
        expect(createHash('sha256').update(received).digest('hex')).toBe(bodySha256);
      }
    } finally {
      await server.close();
    }
  });

  it('downloads whole to a file, every time', async () => {
    recordCase('fault', 'http: downloadFile from a server that closes right after the last byte');
    const server = await closingServer(() => withLength(body));
    try {
      for (let round = 0; round < 10; round++) {
        const destination = path.join(work, `toolchain-${round}.zip`);
        const result = await downloadFile({
          url: server.url('/toolchain.zip'),
          destination,
          log: () => undefined,
        });
        expect(result).toMatchObject({ bytes: body.length, sha256: bodySha256, attempts: 1 });
        expect((await readFile(destination)).equals(body)).toBe(true);
      }
    } finally {
      await server.close();
    }
  });

  it('retries a body cut short of its Content-Length and names the byte counts', async () => {
    recordCase('fault', 'http: a close before Content-Length bytes is retried');
    let answered = 0;
    const server = await closingServer(() =>
      answered++ === 0 ? { head: withLength(body).head, payload: body.subarray(0, 1000) } : withLength(body),
    );
    const log: string[] = [];
    try {
      const destination = path.join(work, 'toolchain.zip');
      const result = await downloadFile({
        url: server.url('/toolchain.zip'),
        destination,
        log: (line) => log.push(line),
        backoffMs: () => 10,
      });
      expect(result).toMatchObject({ sha256: bodySha256, attempts: 2 });
      expect(log[0]).toMatch(/Attempt 1 of 5 to download \S+ failed: connection lost after 1000 bytes/);
    } finally {
      await server.close();
    }
  });
});

describe('indexes', () => {
  it('asks for gzip and inflates it; the size cap applies to the inflated bytes', async () => {
    recordCase('fault', 'http: a gzip-encoded index is inflated and capped');
    const list = 'v0.0.1-go1.22.5.linux-amd64\nv0.0.1-go1.22.5.darwin-arm64\n';
    const server = await closingServer((_line, headers) => {
      const gzip = /accept-encoding: gzip/i.test(headers);
      const payload = gzip ? gzipSync(list) : Buffer.from(list);
      return {
        head:
          `HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ${payload.length}\r\n` +
          (gzip ? 'Content-Encoding: gzip\r\n' : '') +
          '\r\n',
        payload,
      };
    });
    try {
      const releases = await fetchToolchainModuleList(server.url(''));
      expect(releases.map((release) => release.version)).toEqual(['1.22.5']);
      expect(server.requests[0]).toMatch(/accept-encoding: gzip/i);

      const capped = await getBytes(server.url('/x'), { maxBytes: 10 }).catch((error: unknown) => error);
      expect(capped).toBeInstanceOf(DownloadError);
      expect((capped as Error).message).toMatch(/the body grew past the 10-byte limit/);
    } finally {
      await server.close();
    }
  });
});

describe('file:// URLs, as go reads a file:// GOPROXY', () => {
  it('downloads a file, answers 404 for a missing one, and lists toolchains from a directory tree', async () => {
    recordCase('fault', 'http: file:// download, missing file, toolchain list');
    const tree = path.join(work, 'proxy', 'golang.org', 'toolchain', '@v');
    await mkdir(tree, { recursive: true });
    await writeFile(path.join(tree, 'v0.0.1-go1.22.5.linux-amd64.zip'), body);
    await writeFile(path.join(tree, 'list'), 'v0.0.1-go1.22.5.linux-amd64\n');
    const proxy = pathToFileURL(path.join(work, 'proxy')).href;

    const destination = path.join(work, 'toolchain.zip');
    const result = await downloadFile({
      url: `${proxy}/golang.org/toolchain/@v/v0.0.1-go1.22.5.linux-amd64.zip`,
      destination,
      log: () => undefined,
    });
    expect(result).toMatchObject({ bytes: body.length, sha256: bodySha256 });

    const missing = await openUrl(`${proxy}/golang.org/toolchain/@v/v0.0.1-go1.99.0.linux-amd64.zip`);
    expect(missing.status).toBe(404);
    const notFound = await getBytes(`${proxy}/nothing/here`, {
      maxBytes: 100,
      acceptStatus: (status) => status === 404,
    });
    expect(notFound.status).toBe(404);

    const releases = await fetchToolchainModuleList(proxy);
    expect(releases.map((release) => release.version)).toEqual(['1.22.5']);
  });
});

/** A free TCP port on 127.0.0.1 for a server that needs one in its configuration. */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** tinyproxy from Debian's packages, in the foreground on 127.0.0.1. */
async function startTinyproxy(): Promise<{
  url: string;
  log: () => Promise<string>;
  stop: () => Promise<void>;
}> {
  const port = await freePort();
  const config = path.join(work, 'tinyproxy.conf');
  const logFile = path.join(work, 'tinyproxy.log');
  await writeFile(
    config,
    `Port ${port}\nListen 127.0.0.1\nTimeout 30\nAllow 127.0.0.1\nLogLevel Connect\nLogFile "${logFile}"\n`,
  );
  const child = spawn('tinyproxy', ['-d', '-c', config], { stdio: 'ignore' });
  for (let tries = 0; tries < 100; tries++) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => resolve(true)).once('error', () => resolve(false));
      socket.unref();
      socket.once('connect', () => socket.end());
    });
    if (up) break;
    await sleep(50);
  }
  return {
    url: `http://127.0.0.1:${port}`,
    log: () => readFile(logFile, 'utf8').catch(() => ''),
    stop: async () => {
      child.kill();
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

const tinyproxyInstalled = spawnSync('tinyproxy', ['-v']).error === undefined;

(tinyproxyInstalled ? describe : describe.skip)(
  'through a real proxy (tinyproxy), as the toolkit reads it',
  () => {
    const saved = { ...process.env };
    afterEach(() => {
      for (const name of ['HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy']) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
    });

    it('goes through HTTP_PROXY, and straight to hosts NO_PROXY names', async () => {
      recordCase('fault', 'http: HTTP_PROXY honoured, NO_PROXY bypasses it');
      const proxy = await startTinyproxy();
      // 0.0.0.0 reaches this machine like 127.0.0.1, but is not one of the loopback names the toolkit never proxies.
      const server = await closingServer(() => withLength(Buffer.from('through\n')));
      const target = server.url('/file').replace('127.0.0.1', '0.0.0.0');
      try {
        process.env.HTTP_PROXY = proxy.url;
        const proxied = await getBytes(target, { maxBytes: 100 });
        expect(proxied.body.toString()).toBe('through\n');
        const tunnel = `CONNECT ${new URL(target).host} HTTP/1.1`;
        expect((await proxy.log()).split(tunnel)).toHaveLength(2);

        process.env.NO_PROXY = 'example.com,0.0.0.0';
        await getBytes(target, { maxBytes: 100 });
        expect(server.requests[1]).not.toMatch(/^via:/im);
      } finally {
        await server.close();
        await proxy.stop();
      }
    });
  },
);
