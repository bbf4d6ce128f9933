import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { AttemptError, parseRetryAfter, RETRYABLE_STATUS } from './attempts.js';

export interface DownloadOptions {
  url: string;
  destination: string;
  /** Progress and retry lines go here (the action passes core.info). */
  log: (message: string) => void;
  /** Attempts in all, the first included. */
  attempts?: number;
  /** Abort an attempt when no byte (or no response) arrives for this long. */
  stallTimeoutMs?: number;
  /** Refuse bodies larger than this (a server that never stops sending). */
  maxBytes?: number;
  /** Delay before retry n (1-based), unless the server sent Retry-After. */
  backoffMs?: (retry: number) => number;
  /** The longest Retry-After honoured; a longer one is shortened to this. */
  maxRetryAfterMs?: number;
  /** Redirects followed per attempt before giving up. */
  maxRedirects?: number;
  progressIntervalMs?: number;
  /** Extra request headers (never logged, and dropped when a redirect leaves the origin). */
  headers?: Record<string, string>;
}

export interface DownloadResult {
  url: string;
  bytes: number;
  sha256: string;
  attempts: number;
  durationMs: number;
}

/** A download that failed for good: names the URL, the last HTTP status (if any) and why. */
export class DownloadError extends Error {
  override readonly name = 'DownloadError';
  constructor(
    readonly url: string,
    readonly status: number | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** The download could not be written to disk (full, read-only, no permission): retrying would fail the same way. */
class WriteError extends Error {}

const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);

function formatBytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/**
 * Streams a URL to a file, hashing on the fly so the archive is never held in memory. Retries with backoff on
 * 5xx, 408/425/429 (honouring Retry-After), resets, stalls and truncated bodies; does not retry other 4xx,
 * redirect loops or bodies over `maxBytes`. The body goes to a temporary file beside the destination that is
 * renamed into place only once complete, so the destination never holds a partial file.
 */
export async function downloadFile(options: DownloadOptions): Promise<DownloadResult> {
  const attempts = options.attempts ?? 5;
  const stallTimeoutMs = options.stallTimeoutMs ?? 30_000;
  const backoff = options.backoffMs ?? ((retry: number) => Math.min(30_000, 1000 * 2 ** (retry - 1)));
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  const partial = `${options.destination}.${process.pid}-${randomBytes(4).toString('hex')}.partial`;
  const started = Date.now();
  let lastError: AttemptError | undefined;

  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const { bytes, sha256 } = await downloadOnce(options, partial, stallTimeoutMs);
      await rename(partial, options.destination);
      return { url: options.url, bytes, sha256, attempts: attempt, durationMs: Date.now() - started };
    } catch (error) {
      await rm(partial, { force: true });
      if (error instanceof WriteError) {
        throw new Error(
          `Could not save ${options.url}: ${error.message}. Free space on that disk (or make it writable) and run again.`,
          { cause: error },
        );
      }
      lastError =
        error instanceof AttemptError ? error : new AttemptError((error as Error).message, undefined, true);
      if (!lastError.retryable || attempt === attempts) break;
      const delay =
        lastError.retryAfterMs !== undefined
          ? Math.min(lastError.retryAfterMs, maxRetryAfterMs)
          : backoff(attempt);
      options.log(
        `Download attempt ${attempt} of ${attempts} failed: ${lastError.message}; retrying in ${Math.round(delay / 100) / 10}s`,
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
  const status = lastError?.status;
  throw new DownloadError(
    options.url,
    status,
    `Could not download ${options.url}: ${lastError?.message ?? 'unknown error'}` +
      (status ? ` (last HTTP status ${status})` : '') +
      `. Check that the URL is reachable from the runner, or pick another source.`,
  );
}

/** Follows redirects by hand: loops and https→http downgrades are refused, and custom headers stay on one origin. */
async function fetchFollowingRedirects(
  options: DownloadOptions,
  signal: AbortSignal,
  describeFailure: (error: unknown) => string,
): Promise<{ response: Response; url: string }> {
  const maxRedirects = options.maxRedirects ?? 10;
  const visited = [options.url];
  let url = options.url;
  let headers: Record<string, string> = { ...options.headers };
  for (;;) {
    let response: Response;
    try {
      // identity: a compressed transfer would make Content-Length disagree with the bytes we hash.
      response = await fetch(url, {
        signal,
        redirect: 'manual',
        headers: { 'accept-encoding': 'identity', ...headers },
      });
    } catch (error) {
      throw new AttemptError(describeFailure(error), undefined, true);
    }
    if (!REDIRECT_STATUS.has(response.status)) return { response, url };

    await response.body?.cancel();
    const location = response.headers.get('location');
    if (!location)
      throw new AttemptError(`HTTP ${response.status} redirect without a Location`, response.status, false);
    const next = new URL(location, url);
    if (visited.includes(next.href)) {
      throw new AttemptError(
        `redirect loop: ${[...visited, next.href].join(' -> ')}`,
        response.status,
        false,
      );
    }
    if (visited.length > maxRedirects) {
      throw new AttemptError(
        `more than ${maxRedirects} redirects, last to ${next.href}`,
        response.status,
        false,
      );
    }
    const current = new URL(url);
    if (current.protocol === 'https:' && next.protocol !== 'https:') {
      throw new AttemptError(`refusing a redirect from https to ${next.href}`, response.status, false);
    }
    if (next.origin !== current.origin) headers = {};
    visited.push(next.href);
    url = next.href;
  }
}

async function downloadOnce(
  options: DownloadOptions,
  partial: string,
  stallTimeoutMs: number,
): Promise<{ bytes: number; sha256: string }> {
  const controller = new AbortController();
  let stallTimer: NodeJS.Timeout | undefined;
  let stalled = false;
  const armStallTimer = () => {
    clearTimeout(stallTimer);
    stallTimer = setTimeout(() => {
      stalled = true;
      controller.abort();
    }, stallTimeoutMs);
  };
  armStallTimer();

  try {
    const { response, url } = await fetchFollowingRedirects(options, controller.signal, (error) => {
      const cause = (error as { cause?: { message?: string } }).cause?.message;
      return stalled ? `no response within ${stallTimeoutMs / 1000}s` : (cause ?? (error as Error).message);
    });
    const from = url === options.url ? '' : ` from ${url}`;
    if (!response.ok) {
      await response.body?.cancel();
      throw new AttemptError(
        `HTTP ${response.status} ${response.statusText}`.trim() + from,
        response.status,
        RETRYABLE_STATUS.has(response.status),
        response.status === 429 || response.status === 503
          ? parseRetryAfter(response.headers.get('retry-after'))
          : undefined,
      );
    }
    if (!response.body) throw new AttemptError(`empty response body${from}`, response.status, true);

    const declared = Number(response.headers.get('content-length') ?? NaN);
    const expected = Number.isFinite(declared) ? declared : undefined;
    const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
    if (expected !== undefined && expected > maxBytes) {
      await response.body.cancel();
      throw new AttemptError(
        `the server declares ${expected} bytes, over the ${maxBytes}-byte limit`,
        response.status,
        false,
      );
    }

    const hash = createHash('sha256');
    let bytes = 0;
    const interval = options.progressIntervalMs ?? 5000;
    let lastReport = Date.now();
    let lastReportBytes = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        armStallTimer();
        bytes += chunk.length;
        if (bytes > maxBytes) {
          callback(new AttemptError(`the body grew past the ${maxBytes}-byte limit`, response.status, false));
          return;
        }
        hash.update(chunk);
        const now = Date.now();
        if (now - lastReport >= interval) {
          const rate = ((bytes - lastReportBytes) / ((now - lastReport) / 1000) / 1024 / 1024).toFixed(1);
          const percent = expected ? ` (${Math.floor((bytes / expected) * 100)}%)` : '';
          options.log(`Downloaded ${formatBytes(bytes)}${percent} at ${rate} MiB/s`);
          lastReport = now;
          lastReportBytes = bytes;
        }
        callback(null, chunk);
      },
    });

    try {
      await pipeline(
        Readable.fromWeb(response.body as unknown as WebReadableStream<Uint8Array>),
        meter,
        createWriteStream(partial),
      );
    } catch (error) {
      if (error instanceof AttemptError) throw error;
      // File system errors carry the system call that failed; a lost connection does not.
      if ((error as NodeJS.ErrnoException).syscall !== undefined) {
        throw new WriteError(`writing ${partial} failed after ${bytes} bytes: ${(error as Error).message}`, {
          cause: error,
        });
      }
      const reason = stalled ? `stalled: no data for ${stallTimeoutMs / 1000}s` : (error as Error).message;
      throw new AttemptError(`connection lost after ${bytes} bytes${from}: ${reason}`, response.status, true);
    }
    if (expected !== undefined && bytes !== expected) {
      throw new AttemptError(
        `truncated body${from}: got ${bytes} of ${expected} bytes`,
        response.status,
        true,
      );
    }
    options.log(`Downloaded ${formatBytes(bytes)} from ${new URL(url).host}`);
    return { bytes, sha256: hash.digest('hex') };
  } finally {
    clearTimeout(stallTimer);
  }
}
