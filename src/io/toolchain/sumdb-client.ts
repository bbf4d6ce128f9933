// Asks the Go checksum database for a module's h1: hash the way `go` does: through the first GOPROXY entry that
// proxies the database, else the database itself; trusting the answer only when the tree note is signed by the
// verifier key and the record is proven to be in that tree.
import { RETRYABLE_STATUS, type RetryPolicy } from '../../core/net/attempts.js';
import { getBytes, type BytesAnswer } from '../net/http.js';
import { escapeModulePath } from '../../core/toolchain/goproxy.js';
import { SUM_GOLANG_ORG_KEY, parseVerifierKey } from '../../core/toolchain/note.js';
import { parseLookupResponse } from '../../core/toolchain/sumdb.js';
import { fullTile, inclusionTiles, verifyInclusion, type TileRef } from '../../core/toolchain/tlog.js';

export interface LookupModuleHashOptions {
  module: string;
  version: string;
  /** GOPROXY entries in order, already split; `direct` or `off` ends the search for a proxy, as in `go`. */
  goproxy: string[];
  /** The database itself, used when no proxy serves it. Default https://sum.golang.org. */
  sumdbUrl?: string;
  /** Verifier key of the database. Default {@link SUM_GOLANG_ORG_KEY}. */
  verifierKey?: string;
  /** The client's retry policy, overridden (tests shorten it). */
  policy?: Partial<RetryPolicy>;
  /** Abort a request when no byte (or no response) arrives for this long. */
  stallTimeoutMs?: number;
  /** Sees every answer (the fixture script stores them). */
  onAnswer?: (answer: BytesAnswer) => void;
}

/** The module zip's h1: hash the checksum database vouches for, and the lookup URL that answered. */
export interface ModuleHash {
  hash: string;
  via: string;
}

const DEFAULT_SUMDB_URL = 'https://sum.golang.org';
/** Notes, records and tiles are small; a tile is at most 8 KiB. */
const MAX_ANSWER_BYTES = 1024 * 1024;

type Get = (url: string) => Promise<BytesAnswer>;

/**
 * GET through the HTTP client: retryable statuses and network failures are tried again under its policy; any
 * other status is an answer for the caller to judge (404 and 410 move on to the next proxy, as in `go`).
 */
function httpGetter(options: LookupModuleHashOptions): Get {
  return async (url) => {
    const answer = await getBytes(url, {
      maxBytes: MAX_ANSWER_BYTES,
      acceptStatus: (status) => !RETRYABLE_STATUS.has(status),
      ...(options.policy ? { policy: options.policy } : {}),
      ...(options.stallTimeoutMs !== undefined ? { stallTimeoutMs: options.stallTimeoutMs } : {}),
    });
    options.onAnswer?.(answer);
    return answer;
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
  const get = httpGetter(options);
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
