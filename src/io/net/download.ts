import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AttemptError, statusFailure, withRetries, type RetryPolicy } from '../../core/net/attempts.js';
import { openUrl, type RequestOptions } from './http.js';

export interface DownloadOptions extends RequestOptions, Partial<RetryPolicy> {
  url: string;
  destination: string;
  /** Progress and retry lines go here (the action passes core.info). */
  log: (message: string) => void;
  /** Refuse bodies larger than this (a server that never stops sending). */
  maxBytes?: number;
  progressIntervalMs?: number;
}

export interface DownloadResult {
  url: string;
  bytes: number;
  sha256: string;
  attempts: number;
  durationMs: number;
}

/** The download could not be written to disk (full, read-only, no permission): retrying would fail the same way. */
class WriteError extends Error {}

function formatBytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/**
 * Streams a URL (http, https or file) to a file, hashing on the fly so the archive is never held in memory,
 * under the client's retry policy: 5xx, 408/425/429 (Retry-After honoured), resets, stalls and truncated bodies
 * are tried again; other 4xx, redirect loops and bodies over `maxBytes` are not. The body goes to a temporary
 * file beside the destination that is renamed into place only once complete, so the destination never holds a
 * partial file.
 */
export async function downloadFile(options: DownloadOptions): Promise<DownloadResult> {
  const partial = `${options.destination}.${process.pid}-${randomBytes(4).toString('hex')}.partial`;
  const started = Date.now();
  const context = {
    url: options.url,
    verb: 'download',
    policy: options,
    log: options.log,
    hint: 'Check that the URL is reachable from the runner, or pick another source',
  };
  try {
    const { value, attempts } = await withRetries(context, async () => {
      try {
        return await downloadOnce(options, partial);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
    });
    await rename(partial, options.destination);
    return { url: options.url, ...value, attempts, durationMs: Date.now() - started };
  } catch (error) {
    if (!(error instanceof WriteError)) throw error;
    throw new Error(
      `Could not save ${options.url}: ${error.message}. Free space on that disk (or make it writable) and run again.`,
      { cause: error },
    );
  }
}

async function downloadOnce(
  options: DownloadOptions,
  partial: string,
): Promise<{ bytes: number; sha256: string }> {
  const response = await openUrl(options.url, options);
  const from = response.url === options.url ? '' : ` from ${response.url}`;
  if (response.status < 200 || response.status >= 300) throw statusFailure(response, options.url);

  const expected = response.declaredLength;
  const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
  if (expected !== undefined && expected > maxBytes) {
    response.body.destroy();
    throw new AttemptError(
      `the server declares ${expected} bytes, over the ${maxBytes}-byte limit`,
      response.status,
      false,
    );
  }

  const meter = bodyMeter(options, { expected, maxBytes, status: response.status });
  try {
    await pipeline(response.body, meter.stream, createWriteStream(partial));
  } catch (error) {
    if (error instanceof AttemptError) {
      throw new AttemptError(`${error.message}${from}`, error.status ?? response.status, error.retryable);
    }
    // File system errors carry the system call that failed.
    if ((error as NodeJS.ErrnoException).syscall !== undefined) {
      throw new WriteError(
        `writing ${partial} failed after ${meter.bytes()} bytes: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
    throw new AttemptError(
      `unexpected failure after ${meter.bytes()} bytes${from}: ${(error as Error).message}`,
      response.status,
      true,
    );
  }
  options.log(
    `Downloaded ${formatBytes(meter.bytes())} from ${new URL(response.url).host || 'a local file'}`,
  );
  return { bytes: meter.bytes(), sha256: meter.sha256() };
}

/**
 * The pass-through a body flows through on its way to disk: it counts and hashes the bytes, stops a body that
 * grows past the limit, and logs progress every `progressIntervalMs`.
 */
function bodyMeter(
  options: DownloadOptions,
  body: { expected: number | undefined; maxBytes: number; status: number },
): { stream: Transform; bytes(): number; sha256(): string } {
  const hash = createHash('sha256');
  let bytes = 0;
  const interval = options.progressIntervalMs ?? 5000;
  let lastReport = Date.now();
  let lastReportBytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > body.maxBytes) {
        callback(new AttemptError(`the body grew past the ${body.maxBytes}-byte limit`, body.status, false));
        return;
      }
      hash.update(chunk);
      const now = Date.now();
      if (now - lastReport >= interval) {
        const rate = ((bytes - lastReportBytes) / ((now - lastReport) / 1000) / 1024 / 1024).toFixed(1);
        const percent = body.expected ? ` (${Math.floor((bytes / body.expected) * 100)}%)` : '';
        options.log(`Downloaded ${formatBytes(bytes)}${percent} at ${rate} MiB/s`);
        lastReport = now;
        lastReportBytes = bytes;
      }
      callback(null, chunk);
    },
  });
  return { stream, bytes: () => bytes, sha256: () => hash.digest('hex') };
}
