import { DownloadError, type RetryPolicy } from '../../core/net/attempts.js';
import { getBytes } from '../net/http.js';
import { IndexShapeError, parseGoDevIndex, parseToolchainModuleList } from '../../core/version/releases.js';
import type { Release } from '../../core/version/resolve.js';

export interface FetchIndexOptions {
  /** The client's retry policy, overridden (tests shorten it). */
  policy?: Partial<RetryPolicy>;
  /** Abort an attempt when no byte (or no response) arrives for this long. */
  stallTimeoutMs?: number;
  /** Refuse bodies larger than this; the real indexes are well under a megabyte. */
  maxBytes?: number;
  /** Retry lines go here (the action passes core.info). */
  log?: (message: string) => void;
}

const MAX_INDEX_BYTES = 32 * 1024 * 1024;

/** GETs an index through the HTTP client and parses it; an answer of the wrong shape is a DownloadError. */
async function fetchIndex(
  url: string,
  accept: string,
  parse: (text: string) => Release[],
  options: FetchIndexOptions,
): Promise<Release[]> {
  const { body } = await getBytes(url, {
    maxBytes: options.maxBytes ?? MAX_INDEX_BYTES,
    headers: { accept },
    ...(options.stallTimeoutMs !== undefined ? { stallTimeoutMs: options.stallTimeoutMs } : {}),
    ...(options.policy ? { policy: options.policy } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  try {
    return parse(new TextDecoder().decode(body));
  } catch (error) {
    if (!(error instanceof IndexShapeError)) throw error;
    throw new DownloadError(url, 200, `${url} did not answer with a Go release index: ${error.message}`);
  }
}

/**
 * Fetches and parses go.dev's release index, `<baseUrl>/?mode=json&include=all` (baseUrl e.g.
 * `https://go.dev/dl`). Throws DownloadError naming the URL and last status when it cannot be had, is too big,
 * or is not the index's shape.
 */
export async function fetchGoDevIndex(baseUrl: string, options: FetchIndexOptions = {}): Promise<Release[]> {
  const url = `${baseUrl.replace(/\/+$/, '')}/?mode=json&include=all`;
  return fetchIndex(url, 'application/json', parseGoDevIndex, options);
}

/**
 * Fetches and parses a Go module proxy's toolchain list, `<proxyUrl>/golang.org/toolchain/@v/list` (proxyUrl one
 * GOPROXY entry: `https://proxy.golang.org`, or `file:///path` as `go` accepts). Errors as for
 * {@link fetchGoDevIndex}; a 404/410 is not retried, and its status lets the caller fall through to the next
 * GOPROXY entry.
 */
export async function fetchToolchainModuleList(
  proxyUrl: string,
  options: FetchIndexOptions = {},
): Promise<Release[]> {
  const url = `${proxyUrl.replace(/\/+$/, '')}/golang.org/toolchain/@v/list`;
  return fetchIndex(url, 'text/plain', parseToolchainModuleList, options);
}
