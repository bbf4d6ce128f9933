import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lookupModuleHash } from '../src/io/toolchain/sumdb-client.js';
import { TestLog, generateSigner, lookupResponse, recordText } from './fixtures/sumdb/test-log.js';
import { recordCase } from '../test/support/suite-counts.js';

const databaseFixtures = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'fixtures/sumdb/proxy/sumdb/sum.golang.org',
);

/** The client's policy with short waits; three attempts, as the assertions below count. */
const FAST = { attempts: 3, backoffMs: () => 20 };
const toolchain = { module: 'golang.org/toolchain', version: 'v0.0.1-go1.25.4.linux-amd64' };
const toolchainLookupPath = `lookup/${toolchain.module}@${toolchain.version}`;

async function fixture(urlPath: string): Promise<Buffer | undefined> {
  return readFile(path.join(databaseFixtures, ...urlPath.split('/'))).catch(() => undefined);
}

/** The zip line's hash in a fixture answer, read straight from its text. */
async function fixtureZipHash(lookupPath: string): Promise<string> {
  const zipLine = (await fixture(lookupPath))!.toString('utf8').split('\n')[1]!;
  return zipLine.split(' ')[2]!;
}

type Answer = { status: number; body?: string | Buffer } | undefined;
/** Answers a request path below a mount point; undefined means 404. */
type Route = (rest: string) => Answer | Promise<Answer>;

/** Serves checksum-database fixtures as a database would, at the root of its mount. */
const replayDatabase: Route = async (rest) => {
  const body = await fixture(rest);
  return body === undefined ? undefined : { status: 200, body };
};

/** A proxy that proxies the database: `/sumdb/sum.golang.org/...` replayed from fixtures. */
const replayProxy: Route = (rest) =>
  rest.startsWith('sumdb/sum.golang.org/')
    ? replayDatabase(rest.slice('sumdb/sum.golang.org/'.length))
    : undefined;

const notFound: Route = () => ({ status: 404, body: 'not found' });

let server: Server;
let origin: string;
let mounts: Record<string, Route> = {};
let requests: string[] = [];

beforeAll(async () => {
  server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname);
    const [, mount = '', ...rest] = url.pathname.split('/');
    const route = mounts[mount];
    Promise.resolve(route?.(decodeURIComponent(rest.join('/'))))
      .then((answer) => {
        response.writeHead(answer?.status ?? 404);
        response.end(answer?.body ?? 'not found');
      })
      .catch((error: Error) => {
        response.writeHead(500);
        response.end(error.message);
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  mounts = {};
  requests = [];
});

describe('lookupModuleHash through a proxy on 127.0.0.1', () => {
  it('uses a proxy that supports the database and returns the zip hash, proven in the signed tree', async () => {
    mounts = { proxy: replayProxy };
    const result = await lookupModuleHash({
      ...toolchain,
      goproxy: [`${origin}/proxy`],
      sumdbUrl: `${origin}/db`,
    });
    expect(result).toEqual({
      hash: await fixtureZipHash(toolchainLookupPath),
      via: `${origin}/proxy/sumdb/sum.golang.org/${toolchainLookupPath}`,
    });
    expect(requests[0]).toBe('/proxy/sumdb/sum.golang.org/supported');
    expect(requests[1]).toBe(`/proxy/sumdb/sum.golang.org/${toolchainLookupPath}`);
    // The inclusion proof needs tiles; every request stayed on the proxy.
    expect(requests.slice(2).length).toBeGreaterThan(0);
    expect(requests.every((request) => request.startsWith('/proxy/sumdb/sum.golang.org/'))).toBe(true);
    expect(requests.slice(2).every((request) => request.includes('/tile/8/'))).toBe(true);
  });

  it('moves past proxies answering 404 or 410 to supported, then to the next proxy', async () => {
    recordCase(
      'fault',
      'sumdb-client: moves past proxies answering 404 or 410 to supported, then to the next proxy',
    );
    mounts = { a: notFound, b: () => ({ status: 410, body: 'gone' }), c: replayProxy };
    const goproxy = [`${origin}/a/`, `${origin}/b`, `${origin}/c`];
    const result = await lookupModuleHash({ ...toolchain, goproxy, sumdbUrl: `${origin}/db` });
    expect(result.via).toBe(`${origin}/c/sumdb/sum.golang.org/${toolchainLookupPath}`);
    expect(requests.slice(0, 3)).toEqual([
      '/a/sumdb/sum.golang.org/supported',
      '/b/sumdb/sum.golang.org/supported',
      '/c/sumdb/sum.golang.org/supported',
    ]);
  });

  it('falls through to the database itself when no proxy supports it, or at "direct"', async () => {
    mounts = { a: notFound, db: replayDatabase };
    const sumdbUrl = `${origin}/db`;
    const viaDatabase = `${sumdbUrl}/${toolchainLookupPath}`;
    expect((await lookupModuleHash({ ...toolchain, goproxy: [`${origin}/a`], sumdbUrl })).via).toBe(
      viaDatabase,
    );
    expect((await lookupModuleHash({ ...toolchain, goproxy: [], sumdbUrl })).via).toBe(viaDatabase);
    requests = [];
    const direct = await lookupModuleHash({ ...toolchain, goproxy: ['direct', `${origin}/a`], sumdbUrl });
    expect(direct.via).toBe(viaDatabase);
    expect(requests.some((request) => request.startsWith('/a/'))).toBe(false);
  });

  it('case-encodes module paths in the lookup URL, as go does', async () => {
    mounts = { proxy: replayProxy };
    const lookupPath = 'lookup/github.com/!burnt!sushi/toml@v1.4.0';
    const result = await lookupModuleHash({
      module: 'github.com/BurntSushi/toml',
      version: 'v1.4.0',
      goproxy: [`${origin}/proxy`],
    });
    expect(result).toEqual({
      hash: await fixtureZipHash(lookupPath),
      via: `${origin}/proxy/sumdb/sum.golang.org/${lookupPath}`,
    });
  });

  it('rejects a forged record for a forged hash signed by a key that is not the trusted one', async () => {
    recordCase(
      'attack',
      'sumdb-client: rejects a forged record for a forged hash signed by a key that is not the trusted one',
    );
    const forgedHash = `h1:${Buffer.alloc(32, 0xee).toString('base64')}`;
    const forgedText = `${toolchain.module} ${toolchain.version} ${forgedHash}\n`;
    const log = new TestLog([recordText(0), forgedText, recordText(2)]);
    const impostor = generateSigner('sum.golang.org');
    mounts = {
      evil: (rest) => {
        if (rest === 'sumdb/sum.golang.org/supported') return { status: 200, body: '' };
        if (rest === `sumdb/sum.golang.org/${toolchainLookupPath}`) {
          return { status: 200, body: lookupResponse(log, 1, 3, impostor) };
        }
        const tile = log.tiles(3, 8).get(rest.slice('sumdb/sum.golang.org/'.length));
        return tile === undefined ? undefined : { status: 200, body: tile };
      },
    };
    await expect(lookupModuleHash({ ...toolchain, goproxy: [`${origin}/evil`] })).rejects.toThrow(
      /answer from .*\/evil\/sumdb\/sum\.golang\.org\/lookup\/.* rejected: .*no signature by the trusted key sum\.golang\.org\+033de0ae/,
    );
    // The same log is accepted when its key is the one trusted: the refusal is about the key alone.
    const trusted = await lookupModuleHash({
      ...toolchain,
      goproxy: [`${origin}/evil`],
      verifierKey: impostor.verifierKey,
    });
    expect(trusted.hash).toBe(forgedHash);
  });

  it('rejects a genuine signed tree served with a forged record, by its inclusion proof', async () => {
    recordCase(
      'attack',
      'sumdb-client: rejects a genuine signed tree served with a forged record, by its inclusion proof',
    );
    const genuine = (await fixture(toolchainLookupPath))!.toString('utf8');
    const realHash = await fixtureZipHash(toolchainLookupPath);
    const forged = genuine.replace(realHash, `h1:${Buffer.alloc(32, 0xee).toString('base64')}`);
    mounts = {
      evil: (rest) =>
        rest.endsWith(toolchainLookupPath) ? { status: 200, body: forged } : replayProxy(rest),
    };
    await expect(lookupModuleHash({ ...toolchain, goproxy: [`${origin}/evil`] })).rejects.toThrow(
      /rejected: record \d+ is not in the signed tree/,
    );
  });

  it('rejects an answer holding another module’s record', async () => {
    recordCase('attack', 'sumdb-client: rejects an answer holding another module’s record');
    mounts = {
      evil: (rest) =>
        rest.endsWith(toolchainLookupPath)
          ? replayDatabase('lookup/github.com/google/uuid@v1.6.0')
          : replayProxy(rest),
    };
    await expect(lookupModuleHash({ ...toolchain, goproxy: [`${origin}/evil`] })).rejects.toThrow(
      /holds no h1: hash for the zip of golang.org\/toolchain@v0.0.1-go1.25.4.linux-amd64/,
    );
  });

  it('reads the full tile when the partial tile of the signed tree is gone', async () => {
    recordCase('fault', 'sumdb-client: reads the full tile when the partial tile of the signed tree is gone');
    // The log has grown to 512 records since it signed a head for 300, and the partial tile 0/001.p/44 (records
    // 256..299) was dropped once 0/001 was complete.
    const log = new TestLog(Array.from({ length: 512 }, (_, i) => recordText(i)));
    const signer = generateSigner('sumdb.test.example');
    const served = new Map([...log.tiles(300, 8), ...log.tiles(512, 8)]);
    expect(served.delete('tile/8/0/001.p/44')).toBe(true);
    mounts = {
      db: (rest) => {
        if (rest === 'lookup/example.com/m290@v1.0.290')
          return { status: 200, body: lookupResponse(log, 290, 300, signer) };
        const tile = served.get(rest);
        return tile === undefined ? undefined : { status: 200, body: tile };
      },
    };
    const result = await lookupModuleHash({
      module: 'example.com/m290',
      version: 'v1.0.290',
      goproxy: [],
      sumdbUrl: `${origin}/db`,
      verifierKey: signer.verifierKey,
    });
    expect(result.hash).toBe(recordText(290).split('\n')[0]!.split(' ')[2]);
    expect(requests).toContain('/db/tile/8/0/001.p/44');
    expect(requests).toContain('/db/tile/8/0/001');
  });

  it('retries a proxy that fails with 5xx, then gives up naming the URL', async () => {
    recordCase('fault', 'sumdb-client: retries a proxy that fails with 5xx, then gives up naming the URL');
    let supportedCalls = 0;
    mounts = {
      flaky: (rest) => {
        if (rest.endsWith('/supported') && ++supportedCalls === 1) return { status: 503, body: 'busy' };
        return replayProxy(rest);
      },
      down: () => ({ status: 502, body: 'bad gateway' }),
    };
    const result = await lookupModuleHash({ ...toolchain, goproxy: [`${origin}/flaky`], policy: FAST });
    expect(supportedCalls).toBe(2);
    expect(result.via).toContain('/flaky/');

    await expect(
      lookupModuleHash({ ...toolchain, goproxy: [`${origin}/down`, `${origin}/flaky`], policy: FAST }),
    ).rejects.toThrow(
      `Could not fetch ${origin}/down/sumdb/sum.golang.org/supported: HTTP 502 Bad Gateway (last HTTP status 502)`,
    );
    expect(requests.filter((request) => request.startsWith('/down/'))).toHaveLength(3);
  });

  it('treats any other answer to supported as the database being unavailable, as go does', async () => {
    recordCase(
      'fault',
      'sumdb-client: treats any other answer to supported as the database being unavailable, as go does',
    );
    mounts = { forbidden: () => ({ status: 403, body: 'no' }), proxy: replayProxy };
    await expect(
      lookupModuleHash({ ...toolchain, goproxy: [`${origin}/forbidden`, `${origin}/proxy`] }),
    ).rejects.toThrow(
      /checksum database unavailable: .*\/forbidden\/sumdb\/sum\.golang\.org\/supported answered HTTP 403/,
    );
  });

  it('reports a lookup the database does not know', async () => {
    recordCase('fault', 'sumdb-client: reports a lookup the database does not know');
    mounts = { db: () => ({ status: 404, body: 'not found: unknown module' }) };
    await expect(
      lookupModuleHash({
        module: 'example.com/nope',
        version: 'v1.0.0',
        goproxy: [],
        sumdbUrl: `${origin}/db`,
      }),
    ).rejects.toThrow(
      /lookup .*\/db\/lookup\/example.com\/nope@v1.0.0 answered HTTP 404: not found: unknown module/,
    );
  });

  it('gives up on a server that never answers, within its time limit', async () => {
    recordCase('fault', 'sumdb-client: gives up on a server that never answers, within its time limit');
    mounts = { silent: () => new Promise<Answer>(() => undefined) };
    const started = Date.now();
    await expect(
      lookupModuleHash({ ...toolchain, goproxy: [`${origin}/silent`], stallTimeoutMs: 200, policy: FAST }),
    ).rejects.toThrow(/Could not fetch .*\/supported: no response within 0.2s/);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

const liveProxyReachable = await fetch('https://proxy.golang.org/sumdb/sum.golang.org/supported', {
  signal: AbortSignal.timeout(10_000),
})
  .then((response) => response.status === 200)
  .catch(() => false);

describe('lookupModuleHash against proxy.golang.org', () => {
  const live = liveProxyReachable ? it : it.skip;
  if (!liveProxyReachable)
    console.warn('Skipping the live checksum database test: proxy.golang.org is unreachable.');

  live(
    `verifies github.com/google/uuid@v1.6.0 through the real proxy${liveProxyReachable ? '' : ' (skipped: proxy.golang.org unreachable)'}`,
    async () => {
      const result = await lookupModuleHash({
        module: 'github.com/google/uuid',
        version: 'v1.6.0',
        goproxy: ['https://proxy.golang.org'],
      });
      expect(result).toEqual({
        hash: await fixtureZipHash('lookup/github.com/google/uuid@v1.6.0'),
        via: 'https://proxy.golang.org/sumdb/sum.golang.org/lookup/github.com/google/uuid@v1.6.0',
      });
    },
  );
});
