import { describe, expect, it } from '@jest/globals';
import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  isTransientNetworkError,
  isTransientStatus,
  parseRetryAfter,
} from './retry-policy.js';

describe('isTransientStatus', () => {
  it('retries 429, 502, 503 and 504 only', () => {
    const statuses = [200, 400, 401, 403, 404, 409, 429, 500, 501, 502, 503, 504, 505];
    expect(statuses.filter(isTransientStatus)).toEqual([429, 502, 503, 504]);
  });
});

describe('isTransientNetworkError', () => {
  it.each([
    'ECONNRESET',
    'ECONNREFUSED',
    'ETIMEDOUT',
    'ECONNABORTED',
    'EPIPE',
    'EAI_AGAIN',
  ])('retries %s, also when it is only on the cause', (code) => {
    expect(isTransientNetworkError({ code })).toBe(true);
    expect(isTransientNetworkError({ code: 'ERR_X', cause: { code } })).toBe(true);
  });

  it('retries an axios failure with no response and no code, such as a bare reset', () => {
    expect(
      isTransientNetworkError({ isAxiosError: true, message: 'Network error' }),
    ).toBe(true);
  });

  it.each(['ENOTFOUND', 'CERT_HAS_EXPIRED', 'ERR_CANCELED', 'ERR_INVALID_URL'])(
    'does not retry %s',
    (code) => {
      expect(isTransientNetworkError({ isAxiosError: true, code })).toBe(false);
    },
  );

  it('does not retry a programming error', () => {
    expect(isTransientNetworkError(new TypeError('x is undefined'))).toBe(false);
    expect(isTransientNetworkError(undefined)).toBe(false);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-05T10:00:00Z');

  it('reads delay-seconds as milliseconds', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
  });

  it('reads an HTTP date as the time left until it, and a past date as 0', () => {
    expect(parseRetryAfter('Mon, 05 Jan 2026 10:00:42 GMT', now)).toBe(42_000);
    expect(parseRetryAfter('Mon, 05 Jan 2026 09:00:00 GMT', now)).toBe(0);
  });

  it('gives undefined for a missing or unreadable header', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  const policy = DEFAULT_RETRY_POLICY;

  it('doubles from the base delay with equal jitter: half fixed, half random', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, policy, () => 0))).toEqual([
      250, 500, 1000, 2000,
    ]);
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, policy, () => 0.999999))).toEqual([
      499, 999, 1999, 3999,
    ]);
  });

  it('never exceeds maxDelayMs, however many attempts', () => {
    for (let attempt = 1; attempt < 60; attempt += 1) {
      expect(backoffDelay(attempt, policy, () => 0.999999)).toBeLessThan(
        policy.maxDelayMs,
      );
      expect(backoffDelay(attempt, policy, () => 0)).toBeLessThanOrEqual(
        policy.maxDelayMs / 2,
      );
    }
  });
});
