const WINDOW_MS = 60_000;

export type Admission =
  { admitted: true } | { admitted: false; retryAfterSeconds: number };

/**
 * A sliding 60-second window: at most `limit` requests admitted in any 60 s. Refused
 * requests do not take a slot, so a client that honours Retry-After gets in next time.
 */
export class RateWindow {
  private readonly admittedAt: number[] = [];

  constructor(private readonly limit: number) {}

  admit(now: number): Admission {
    this.forgetBefore(now - WINDOW_MS);
    const oldest = this.admittedAt[0];
    if (this.admittedAt.length >= this.limit && oldest !== undefined) {
      const waitMs = oldest + WINDOW_MS - now;
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
