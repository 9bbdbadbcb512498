/**
 * Misbehaviour to inject, for `offboard sandbox --faults` and for tests. Rates are
 * probabilities from 0 to 1, drawn from a PRNG seeded with `seed` (default 1), so the
 * same requests meet the same faults run after run. Faults hit only `/api/v2` calls and
 * never apply the write they fail, so a retried run converges to the fault-free result.
 */
export interface FaultOptions {
  seed?: number;
  /** A 502, 503 or 504 instead of the answer (a 500 is not drawn: see faults.ts). */
  errorRate?: number;
  /** A 429 `too.many.requests` with `Retry-After: 1`. */
  throttleRate?: number;
  /** The connection is dropped without an answer. */
  resetRate?: number;
  /** Added by the transports before every request, token calls included. */
  latencyMs?: number;
  /** The request is accepted and never answered (the real server only; msw resets). */
  hangRate?: number;
  /** Lifetime of issued tokens, overriding the fixture's; short to exercise renewal. */
  tokenTtlSeconds?: number;
  /** The target's version moves just before a PATCH or DELETE (a concurrent edit). */
  versionBumpRate?: number;
}
