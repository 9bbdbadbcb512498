/** How hard the client tries before a call counts as failed. */
export interface RetryPolicy {
  /** Sends per request, the first included. */
  maxAttempts: number;
  /** Backoff before the first retry; doubles each time. */
  baseDelayMs: number;
  /** Ceiling of one backoff. */
  maxDelayMs: number;
  /** A Retry-After longer than this gives up at once, as the official SDKs do. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  maxAttempts: 6,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 180_000,
});

const TRANSIENT_STATUSES = new Set([429, 502, 503, 504]);

/**
 * Node and axios codes of failures where the request may not have reached the server or
 * the server may recover: resets, refusals, timeouts, DNS hiccups. Intentionally not
 * ENOTFOUND: a host that does not exist is a configuration error, not a blip.
 */
const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EAI_AGAIN',
  'ERR_NETWORK',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

/** 429, 502, 503 and 504 only: what the official SDKs retry. 500 and 501 are not. */
export function isTransientStatus(status: number): boolean {
  return TRANSIENT_STATUSES.has(status);
}

/**
 * True for a failure with no HTTP response that is worth sending again: one whose
 * error or causes carry a code listed above, or an axios error with no response and no
 * code at all (a socket that failed without naming why, as a reset sometimes does).
 * Any other code (a certificate, a bad URL, a cancel) is not transient.
 */
export function isTransientNetworkError(err: unknown): boolean {
  const codes = errorCodes(err);
  if (codes.length > 0) {
    return codes.some((code) => TRANSIENT_CODES.has(code));
  }
  return isObject(err) && err.isAxiosError === true && err.response === undefined;
}

/** The `code` strings of an error and its causes, outermost first. */
export function errorCodes(err: unknown): string[] {
  const codes: string[] = [];
  let current: unknown = err;
  for (let depth = 0; depth < 5 && isObject(current); depth += 1) {
    if (typeof current.code === 'string' && current.code !== '') {
      codes.push(current.code);
    }
    current = current.cause;
  }
  return codes;
}

/**
 * Milliseconds to wait from a Retry-After header: delay-seconds or an HTTP date
 * (RFC 9110). A date in the past gives 0; anything unreadable gives undefined, and the
 * caller falls back to its own backoff.
 */
export function parseRetryAfter(
  header: string | undefined,
  now: number,
): number | undefined {
  const value = header?.trim();
  if (value === undefined || value === '') {
    return undefined;
  }
  if (/^\d+(?:\.\d+)?$/.test(value)) {
    return Math.ceil(Number(value) * 1000);
  }
  // An HTTP date names its day and zone; without letters, Date.parse would read "-5" as a year.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Delay before retry number `attempt` (1 = after the first failure): exponential from
 * baseDelayMs, capped at maxDelayMs, with "equal jitter" (half fixed, half random).
 * Equal rather than full jitter because this is one batch client whose aim is to give a
 * struggling server time: full jitter may draw almost 0 and retry at once, while the
 * fixed half guarantees a pause; the random half still de-synchronises concurrent rows.
 */
export function backoffDelay(
  attempt: number,
  policy: RetryPolicy,
  random: () => number,
): number {
  const exponent = Math.max(0, attempt - 1);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  const half = ceiling / 2;
  return Math.floor(half + random() * half);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
