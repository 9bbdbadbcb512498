import { setTimeout as sleep } from 'node:timers/promises';

const MINUTE_MS = 60_000;

/**
 * The last `rate` request starts, for the one case spacing alone cannot keep the promise
 * "never more than rate starts in any 60 s window": when 60 000 / rate is a whole number
 * of ms, rate + 1 evenly spaced starts span exactly a minute and fit in one closed
 * window. Rather than widen every gap by a millisecond (a tenth of the rate at 6,000 a
 * minute), a start is held back only when the start `rate` places earlier is not yet
 * more than a minute old: about one millisecond once a minute.
 *
 * Memory: one number per start in the window (rate numbers, at most 60,000).
 */
export class StartWindow {
  private readonly starts: Float64Array;
  private next = 0;
  private recorded = 0;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly rate: number,
    private readonly now: () => number = Date.now,
  ) {
    this.starts = new Float64Array(rate);
  }

  /** Milliseconds to wait before a start at `now` keeps the window within `rate`. */
  delayBefore(now: number): number {
    if (this.recorded < this.rate) {
      return 0;
    }
    const oldest = this.starts[this.next] ?? 0;
    return Math.max(0, oldest + MINUTE_MS + 1 - now);
  }

  record(now: number): void {
    this.starts[this.next] = now;
    this.next = (this.next + 1) % this.rate;
    this.recorded += 1;
  }

  /** Waits for this start's turn in the window and records it; starts stay in order. */
  admit(): Promise<void> {
    const turn = this.chain.then(async () => {
      const wait = this.delayBefore(this.now());
      if (wait > 0) {
        await sleep(wait);
      }
      this.record(this.now());
    });
    this.chain = turn;
    return turn;
  }
}
