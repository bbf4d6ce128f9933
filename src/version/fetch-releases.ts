import { AttemptError, parseRetryAfter, RETRYABLE_STATUS } from '../net/attempts.js';
import { DownloadError } from '../net/download.js';
import { IndexShapeError, parseGoDevIndex, parseToolchainModuleList } from './releases.js';
import type { Release } from './resolve.js';

export interface FetchIndexOptions {
  /** Attempts in all, the first included. */
  attempts?: number;
  /** Abort an attempt (request and body) after this long. */
  timeoutMs?: number;
  /** Refuse bodies larger than this; the real indexes are well under a megabyte. */
  maxBytes?: number;
  /** Delay before retry n (1-based) unless the server sent Retry-After. */
  backoffMs?: (retry: number) => number;
  /** The longest Retry-After honoured; a longer one is shortened to this. */
  maxRetryAfterMs?: number;
  /** Retry lines go here (the action passes core.info). */
  log?: (message: string) => void;
}

const DEFAULTS = {
  attempts: 4,
  timeoutMs: 30_000,
  maxBytes: 32 * 1024 * 1024,
  backoffMs: (retry: number) => Math.min(10_000, 1000 * 2 ** (retry - 1)),
  maxRetryAfterMs: 60_000,
} satisfies FetchIndexOptions;

/** Reads a body as text, refusing it as soon as it is known to exceed `maxBytes`. */
async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw new AttemptError(
      `the body declares ${declared} bytes, over the ${maxBytes}-byte limit`,
      response.status,
      false,
    );
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    total += chunk.value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new AttemptError(`the body grew past the ${maxBytes}-byte limit`, response.status, false);
    }
    chunks.push(chunk.value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

async function attemptOnce(
  url: string,
  accept: string,
  fetchImpl: typeof fetch,
  options: typeof DEFAULTS,
): Promise<string> {
  let response: Response;
  try {
    response = await fetchImpl(url, { signal: AbortSignal.timeout(options.timeoutMs), headers: { accept } });
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    throw new AttemptError(cause ?? (error as Error).message, undefined, true);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new AttemptError(
      `HTTP ${response.status} ${response.statusText}`.trim(),
      response.status,
      RETRYABLE_STATUS.has(response.status),
      parseRetryAfter(response.headers.get('retry-after')),
    );
  }
  try {
    return await readCapped(response, options.maxBytes);
  } catch (error) {
    if (error instanceof AttemptError) throw error;
    throw new AttemptError(`the body broke off: ${(error as Error).message}`, response.status, true);
  }
}

/**
 * GETs an index with a timeout per attempt, retrying network errors, 5xx and 429 (honouring Retry-After) with
 * backoff, and parses it. Failures are DownloadErrors naming the URL and the last HTTP status.
 */
async function fetchIndex(
  url: string,
  accept: string,
  parse: (text: string) => Release[],
  fetchImpl: typeof fetch,
  overrides: FetchIndexOptions,
): Promise<Release[]> {
  const options = { ...DEFAULTS, ...overrides };
  let last: AttemptError | undefined;
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    try {
      const text = await attemptOnce(url, accept, fetchImpl, options);
      try {
        return parse(text);
      } catch (error) {
        if (!(error instanceof IndexShapeError)) throw error;
        throw new DownloadError(url, 200, `${url} did not answer with a Go release index: ${error.message}`);
      }
    } catch (error) {
      if (!(error instanceof AttemptError)) throw error;
      last = error;
      if (!error.retryable || attempt === options.attempts) break;
      const delay = Math.min(error.retryAfterMs ?? options.backoffMs(attempt), options.maxRetryAfterMs);
      options.log?.(
        `Fetching ${url} failed (attempt ${attempt} of ${options.attempts}): ${error.message}; retrying in ${delay / 1000}s`,
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
  throw new DownloadError(
    url,
    last?.status,
    `Could not fetch ${url}: ${last?.message ?? 'no attempt made'}` +
      (last?.status !== undefined ? ` (last HTTP status ${last.status})` : ''),
  );
}

/**
 * Fetches and parses go.dev's release index, `<baseUrl>/?mode=json&include=all` (baseUrl e.g.
 * `https://go.dev/dl`). Throws DownloadError naming the URL and last status when it cannot be had, is too big,
 * or is not the index's shape.
 */
export async function fetchGoDevIndex(
  baseUrl: string,
  fetchImpl: typeof fetch = fetch,
  options: FetchIndexOptions = {},
): Promise<Release[]> {
  const url = `${baseUrl.replace(/\/+$/, '')}/?mode=json&include=all`;
  return fetchIndex(url, 'application/json', parseGoDevIndex, fetchImpl, options);
}

/**
 * Fetches and parses a Go module proxy's toolchain list, `<proxyUrl>/golang.org/toolchain/@v/list` (proxyUrl one
 * GOPROXY entry, e.g. `https://proxy.golang.org`). Errors as for {@link fetchGoDevIndex}; a 404/410 is not
 * retried, and its status lets the caller fall through to the next GOPROXY entry.
 */
export async function fetchToolchainModuleList(
  proxyUrl: string,
  fetchImpl: typeof fetch = fetch,
  options: FetchIndexOptions = {},
): Promise<Release[]> {
  const url = `${proxyUrl.replace(/\/+$/, '')}/golang.org/toolchain/@v/list`;
  return fetchIndex(url, 'text/plain', parseToolchainModuleList, fetchImpl, options);
}
