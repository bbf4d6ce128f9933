import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';

export interface DownloadOptions {
  url: string;
  destination: string;
  /** Progress and retry lines go here (the action passes core.info). */
  log: (message: string) => void;
  /** Attempts in all, the first included. */
  attempts?: number;
  /** Abort an attempt when no byte arrives for this long. */
  stallTimeoutMs?: number;
  /** Refuse bodies larger than this (a server that never stops sending). */
  maxBytes?: number;
  /** Delay before retry n (1-based), unless the server sent Retry-After. */
  backoffMs?: (retry: number) => number;
  progressIntervalMs?: number;
  /** Extra request headers (never logged). */
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

class AttemptError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function formatBytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/**
 * Streams a URL to a file, hashing on the fly so the archive is never held in memory. Retries with backoff on
 * 5xx, 429 (honouring Retry-After), resets, stalls and truncated bodies; the destination never holds a partial
 * file once this returns or throws.
 */
export async function downloadFile(options: DownloadOptions): Promise<DownloadResult> {
  const attempts = options.attempts ?? 5;
  const stallTimeoutMs = options.stallTimeoutMs ?? 30_000;
  const backoff = options.backoffMs ?? ((retry: number) => Math.min(30_000, 1000 * 2 ** (retry - 1)));
  const started = Date.now();
  let lastError: AttemptError | undefined;

  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const { bytes, sha256 } = await downloadOnce(options, stallTimeoutMs);
      return { url: options.url, bytes, sha256, attempts: attempt, durationMs: Date.now() - started };
    } catch (error) {
      await rm(options.destination, { force: true });
      lastError =
        error instanceof AttemptError ? error : new AttemptError((error as Error).message, undefined, true);
      if (!lastError.retryable || attempt === attempts) break;
      const delay = lastError.retryAfterMs ?? backoff(attempt);
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

async function downloadOnce(
  options: DownloadOptions,
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
    let response: Response;
    try {
      // identity: a compressed transfer would make Content-Length disagree with the bytes we hash.
      response = await fetch(options.url, {
        signal: controller.signal,
        headers: { 'accept-encoding': 'identity', ...options.headers },
      });
    } catch (error) {
      const cause = (error as { cause?: { message?: string } }).cause?.message;
      throw new AttemptError(
        stalled ? `no response within ${stallTimeoutMs / 1000}s` : (cause ?? (error as Error).message),
        undefined,
        true,
      );
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new AttemptError(
        `HTTP ${response.status} ${response.statusText}`.trim(),
        response.status,
        RETRYABLE_STATUS.has(response.status),
        response.status === 429 || response.status === 503
          ? parseRetryAfter(response.headers.get('retry-after'))
          : undefined,
      );
    }
    if (!response.body) throw new AttemptError('empty response body', response.status, true);

    const declared = Number(response.headers.get('content-length') ?? NaN);
    const expected = Number.isFinite(declared) ? declared : undefined;
    const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
    if (expected !== undefined && expected > maxBytes) {
      await response.body.cancel();
      throw new AttemptError(
        `the server declares ${expected} bytes, over the ${maxBytes}-byte limit`,
        200,
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
          callback(new AttemptError(`the body grew past the ${maxBytes}-byte limit`, 200, false));
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
        createWriteStream(options.destination),
      );
    } catch (error) {
      if (error instanceof AttemptError) throw error;
      const reason = stalled ? `stalled: no data for ${stallTimeoutMs / 1000}s` : (error as Error).message;
      throw new AttemptError(`connection lost after ${bytes} bytes: ${reason}`, response.status, true);
    }
    if (expected !== undefined && bytes !== expected) {
      throw new AttemptError(`truncated body: got ${bytes} of ${expected} bytes`, response.status, true);
    }
    options.log(`Downloaded ${formatBytes(bytes)} from ${new URL(options.url).host}`);
    return { bytes, sha256: hash.digest('hex') };
  } finally {
    clearTimeout(stallTimer);
  }
}
