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
