// Asks the Go checksum database for a module's h1: hash the way `go` does: through the first GOPROXY entry that
// proxies the database, else the database itself; trusting the answer only when the tree note is signed by the
// verifier key and the record is proven to be in that tree.
import { escapeModulePath } from './goproxy.js';
import {
  SUM_GOLANG_ORG_KEY,
  fullTile,
  inclusionTiles,
  parseLookupResponse,
  parseVerifierKey,
  verifyInclusion,
  type TileRef,
} from './sumdb.js';

export interface LookupModuleHashOptions {
  module: string;
  version: string;
  /** GOPROXY entries in order, already split; `direct` or `off` ends the search for a proxy, as in `go`. */
  goproxy: string[];
  /** The database itself, used when no proxy serves it. Default https://sum.golang.org. */
  sumdbUrl?: string;
  /** Verifier key of the database. Default {@link SUM_GOLANG_ORG_KEY}. */
  verifierKey?: string;
  fetch?: typeof fetch;
  /** Per-request time limit. Default 30 s. */
  timeoutMs?: number;
}

/** The module zip's h1: hash the checksum database vouches for, and the lookup URL that answered. */
export interface ModuleHash {
  hash: string;
  via: string;
}

const DEFAULT_SUMDB_URL = 'https://sum.golang.org';
const DEFAULT_TIMEOUT_MS = 30_000;
const RETRY_DELAYS_MS = [250, 1000];

interface HttpAnswer {
  status: number;
  body: Uint8Array;
}

type Get = (url: string) => Promise<HttpAnswer>;

/** GET with a time limit, retrying network errors and 5xx answers; other statuses are returned as they are. */
function httpGetter(fetchImpl: typeof fetch, timeoutMs: number): Get {
  return async (url) => {
    for (let attempt = 0; ; attempt++) {
      let failure: string;
      try {
        const response = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs) });
        if (response.status < 500) {
          return { status: response.status, body: new Uint8Array(await response.arrayBuffer()) };
        }
        await response.body?.cancel();
        failure = `HTTP ${response.status}`;
      } catch (error) {
        const cause =
          error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
        failure = `${error instanceof Error ? error.message : String(error)}${cause}`;
      }
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined) throw new Error(`GET ${url} failed after ${attempt + 1} attempts: ${failure}`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  };
}

function trimSlashes(url: string): string {
  return url.replace(/\/+$/, '');
}

/**
 * The base URL to query: `<proxy>/sumdb/<name>` of the first proxy answering 200 to `.../supported`. A 404 or 410
 * moves on to the next proxy; `direct`, `off` or the end of the list means the database itself. Any other answer
 * means the database is unavailable, as `go` decides for comma-separated GOPROXY lists.
 */
async function databaseBase(
  get: Get,
  goproxy: string[],
  databaseName: string,
  sumdbUrl: string,
): Promise<string> {
  for (const proxy of goproxy) {
    if (proxy === 'direct' || proxy === 'off') break;
    const base = `${trimSlashes(proxy)}/sumdb/${databaseName}`;
    const { status } = await get(`${base}/supported`);
    if (status === 200) return base;
    if (status !== 404 && status !== 410) {
      throw new Error(`checksum database unavailable: ${base}/supported answered HTTP ${status}`);
    }
  }
  return trimSlashes(sumdbUrl);
}

async function fetchTiles(get: Get, base: string, tiles: TileRef[]): Promise<Map<string, Uint8Array>> {
  const fetched = await Promise.all(
    tiles.map(async (tile) => {
      let response = await get(`${base}/${tile.path}`);
      // A partial tile disappears once the full tile is published; the full one holds the same leading hashes.
      const gone = response.status === 404 || response.status === 410;
      if (gone && tile.width < 2 ** tile.height) {
        response = await get(`${base}/${fullTile(tile).path}`);
      }
      if (response.status !== 200) {
        throw new Error(`GET ${base}/${tile.path} answered HTTP ${response.status}`);
      }
      return [tile.path, response.body] as const;
    }),
  );
  return new Map(fetched);
}

/** Runs a verification step, naming the answer it rejects when it throws. */
function rejectUnlessValid<T>(url: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    throw new Error(`checksum database answer from ${url} rejected: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/**
 * Looks up `module@version` in the checksum database and returns the h1: hash of its zip (not of its go.mod).
 * Throws when the database is unreachable, has no record, or its answer fails verification.
 */
export async function lookupModuleHash(options: LookupModuleHashOptions): Promise<ModuleHash> {
  const { module, version } = options;
  const verifierKey = options.verifierKey ?? SUM_GOLANG_ORG_KEY;
  const get = httpGetter(options.fetch ?? fetch, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const { name } = parseVerifierKey(verifierKey);

  const base = await databaseBase(get, options.goproxy, name, options.sumdbUrl ?? DEFAULT_SUMDB_URL);
  const lookupUrl = `${base}/lookup/${escapeModulePath(module)}@${escapeModulePath(version)}`;
  const response = await get(lookupUrl);
  if (response.status !== 200) {
    const body = new TextDecoder().decode(response.body.subarray(0, 300)).trim();
    throw new Error(`checksum database lookup ${lookupUrl} answered HTTP ${response.status}: ${body}`);
  }

  const record = rejectUnlessValid(lookupUrl, () => parseLookupResponse(response.body, verifierKey));
  const tiles = await fetchTiles(get, base, inclusionTiles(record.tree.size, record.recordId));
  rejectUnlessValid(lookupUrl, () => verifyInclusion(record, tiles));
  const line = record.lines.find((entry) => entry.module === module && entry.version === version);
  if (line === undefined || !line.hash.startsWith('h1:')) {
    throw new Error(
      `checksum database record from ${lookupUrl} holds no h1: hash for the zip of ${module}@${version}`,
    );
  }
  return { hash: line.hash, via: lookupUrl };
}
