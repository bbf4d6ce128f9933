// The one retry policy and retry loop of the HTTP client: which failures are worth another attempt, how long to
// wait (Retry-After first), and the error that names the URL once the attempts run out.
import type { OpenResponse } from '../../io/net/http.js';

/** Why one HTTP attempt failed, and whether another may succeed (and after how long, if the server said). */
export class AttemptError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** Statuses worth another try: timeouts, rate limits and server-side failures. */
export const RETRYABLE_STATUS: ReadonlySet<number> = new Set([408, 425, 429, 500, 502, 503, 504]);

/** A Retry-After header in milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** How often and how patiently one request is tried again. One policy for every request the action makes. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Delay before retry n (1-based), unless the server sent Retry-After. */
  backoffMs: (retry: number) => number;
  /** The longest Retry-After honoured; a longer one is shortened to this. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 5,
  backoffMs: (retry) => Math.min(30_000, 1000 * 2 ** (retry - 1)),
  maxRetryAfterMs: 60_000,
};

/** The wait before the next attempt after `error` failed attempt number `attempt`. */
export function retryDelayMs(error: AttemptError, attempt: number, policy: RetryPolicy): number {
  return error.retryAfterMs !== undefined
    ? Math.min(error.retryAfterMs, policy.maxRetryAfterMs)
    : policy.backoffMs(attempt);
}

/** A request that failed for good: names the URL, the last HTTP status (if any) and why. */
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

/**
 * An answer that is not worth reading: its status as an AttemptError, retryable or not, with Retry-After, naming
 * where it came from when a redirect led away from `requested`.
 */
export function statusFailure(response: OpenResponse, requested: string): AttemptError {
  response.body.resume();
  const from = response.url === requested ? '' : ` from ${response.url}`;
  return new AttemptError(
    `HTTP ${response.status} ${response.statusText}`.trim() + from,
    response.status,
    RETRYABLE_STATUS.has(response.status),
    parseRetryAfter(response.header('retry-after')),
  );
}

export interface RetryContext {
  url: string;
  /** What is being done, for messages: "download", "fetch". */
  verb: string;
  policy?: Partial<RetryPolicy>;
  /** Retry lines go here (the action passes core.info). */
  log?: (message: string) => void;
  /** Appended to the final error: what the user can do. */
  hint?: string;
}

/**
 * The one retry loop: runs `attempt` until it succeeds, fails for good (a non-retryable AttemptError), or the
 * attempts run out, waiting per the policy (Retry-After first). Errors that are not AttemptErrors are the
 * caller's own (a full disk) and end the loop as they are. The final failure is a DownloadError naming the URL
 * and the last HTTP status.
 */
export async function withRetries<T>(
  context: RetryContext,
  attempt: (n: number) => Promise<T>,
): Promise<{ value: T; attempts: number }> {
  const policy = { ...DEFAULT_RETRY_POLICY, ...context.policy };
  let last: AttemptError | undefined;
  for (let n = 1; n <= policy.attempts; n++) {
    try {
      return { value: await attempt(n), attempts: n };
    } catch (error) {
      if (!(error instanceof AttemptError)) throw error;
      last = error;
      if (!error.retryable || n === policy.attempts) break;
      const delay = retryDelayMs(error, n, policy);
      context.log?.(
        `Attempt ${n} of ${policy.attempts} to ${context.verb} ${context.url} failed: ${error.message}; ` +
          `retrying in ${Math.round(delay / 100) / 10}s`,
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
  const status = last?.status;
  throw new DownloadError(
    context.url,
    status,
    `Could not ${context.verb} ${context.url}: ${last?.message ?? 'no attempt made'}` +
      (status !== undefined ? ` (last HTTP status ${status})` : '') +
      (context.hint ? `. ${context.hint}` : ''),
  );
}
