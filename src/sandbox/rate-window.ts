export type Admission =
  { admitted: true } | { admitted: false; retryAfterSeconds: number };

/**
 * A sliding window (60 s unless told): at most `limit` requests admitted in any
 * `windowMs`. Refused requests do not take a slot, so a client that honours Retry-After
 * gets in next time.
 */
export class RateWindow {
  private readonly admittedAt: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
  ) {}

  admit(now: number): Admission {
    this.forgetBefore(now - this.windowMs);
    const oldest = this.admittedAt[0];
    if (this.admittedAt.length >= this.limit && oldest !== undefined) {
      const waitMs = oldest + this.windowMs - now;
      return {
        admitted: false,
        retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
      };
    }

    this.admittedAt.push(now);
    return { admitted: true };
  }

  private forgetBefore(cutoff: number): void {
    while (this.admittedAt.length > 0 && (this.admittedAt[0] ?? 0) <= cutoff) {
      this.admittedAt.shift();
    }
  }
}
