import Bottleneck from 'bottleneck';

/**
 * Spacing above the exact share of a minute: 1%, about 600 ms a minute.
 *
 * Spacing starts exactly 60 000 / rate apart keeps the client's count honest but not
 * the server's: requests arrive with the jitter of the network (the first one also
 * opens the connection), and the benchmark saw a 429 at 300 a minute that way. A 0.1%
 * margin still drew one; 1% drew none and costs 1% of the rate.
 */
export const SPACING_MARGIN = 1.01;

/**
 * Milliseconds (fractional; Bottleneck keeps them) between two request starts for
 * `ratePerMinute`. With the margin, rate + 1 starts span more than a minute, so no
 * closed 60 s window holds more than `rate` starts; timers fire late, never early, so
 * real gaps only grow.
 */
export function spacingForRate(ratePerMinute: number): number {
  if (!Number.isFinite(ratePerMinute) || ratePerMinute <= 0) {
    throw new RangeError(`ratePerMinute must be a positive number, got ${ratePerMinute}`);
  }
  return (60_000 / ratePerMinute) * SPACING_MARGIN;
}

/** A Bottleneck job that only marks a start. */
function startNow(): Promise<void> {
  return Promise.resolve();
}

/** How far a run of 429s can widen the spacing: to 1/16 of --rate. */
const MAX_SLOWDOWN = 16;
const THROTTLE_FACTOR = 1.5;
/** Per success; about eight successes undo one 429. */
const RECOVERY_FACTOR = 1.05;

/**
 * The one limiter of a process: every attempt to the API host starts through it, evenly
 * spaced (never a burst, since the server's window may be shorter than a minute). It
 * bounds starts, not concurrency. Timers fire late but not early, so spacing only grows.
 */
export class RateLimiter {
  private readonly bottleneck: Bottleneck;
  private readonly baseIntervalMs: number;
  private readonly now: () => number;
  private currentIntervalMs: number;
  private holdUntil = 0;
  /** Callers of holdOff() still waiting out their Retry-After. */
  private holders = 0;
  private holdTimer: NodeJS.Timeout | undefined;
  private stopping: Promise<void> | undefined;
  /** What schedule() started and has not yet settled, for stop() to wait on. */
  private readonly running = new Set<Promise<unknown>>();

  constructor(opts: { ratePerMinute: number; now?: () => number }) {
    this.baseIntervalMs = spacingForRate(opts.ratePerMinute);
    this.currentIntervalMs = this.baseIntervalMs;
    this.now = opts.now ?? Date.now;
    this.bottleneck = new Bottleneck({
      minTime: this.baseIntervalMs,
      maxConcurrent: null,
    });
  }

  /** Current spacing between starts, in ms. */
  get intervalMs(): number {
    return this.currentIntervalMs;
  }

  /**
   * Runs `fn` when its turn to start comes; resolves or rejects as `fn` does.
   *
   * Bottleneck only grants the start: `fn` runs after its job is done, not inside it.
   * Bottleneck's bookkeeping for a job outlives the job by a scavenge or two, so V8
   * promotes it to the old generation, and a result handed back through the job (here
   * a parsed response) would be promoted with it. Planning 100,000 rows promoted about
   * 180 MB more that way and peaked some 20 MB higher (npm run bench).
   */
  async schedule<T>(fn: () => Promise<T>): Promise<T> {
    await this.bottleneck.schedule(startNow);
    const run = fn();
    this.running.add(run);
    try {
      return await run;
    } finally {
      this.running.delete(run);
    }
  }

  /**
   * Retry-After: no start for `ms` (the reservoir drops to 0), then starts resume at
   * the normal spacing, not all at once. Overlapping holds end at the latest end, or
   * earlier once every caller that asked for one has called resume().
   */
  holdOff(ms: number): void {
    this.holders += 1;
    const until = this.now() + ms;
    if (until <= this.holdUntil) {
      return;
    }
    this.holdUntil = until;
    clearTimeout(this.holdTimer);
    this.holdTimer = setTimeout(() => {
      this.release();
    }, ms);
    void this.bottleneck.updateSettings({ reservoir: 0 });
  }

  /**
   * A caller of holdOff() has waited its Retry-After out. When the last one has, the
   * hold ends without waiting for the timer: the timer and the callers' waits measure
   * the same time, but a test's injected sleep does not take any.
   */
  resume(): void {
    if (this.holders > 0) {
      this.holders -= 1;
      if (this.holders === 0) {
        this.release();
      }
    }
  }

  /** A 429 arrived: the server's limit is below ours, so space starts wider. */
  onThrottled(): void {
    const widened = Math.ceil(this.currentIntervalMs * THROTTLE_FACTOR);
    this.setInterval(Math.min(widened, this.baseIntervalMs * MAX_SLOWDOWN));
  }

  /** A call went through: drift back towards the configured spacing. */
  onSuccess(): void {
    if (this.currentIntervalMs > this.baseIntervalMs) {
      const narrowed = Math.floor(this.currentIntervalMs / RECOVERY_FACTOR);
      this.setInterval(Math.max(narrowed, this.baseIntervalMs));
    }
  }

  /** Waits for queued and running work to finish, then refuses new work. Safe twice. */
  stop(): Promise<void> {
    this.stopping ??= this.bottleneck
      .stop({ dropWaitingJobs: false })
      .then(() => Promise.allSettled(this.running))
      .then(() => {
        clearTimeout(this.holdTimer);
      });
    return this.stopping;
  }

  private setInterval(ms: number): void {
    if (ms !== this.currentIntervalMs) {
      this.currentIntervalMs = ms;
      void this.bottleneck.updateSettings({ minTime: ms });
    }
  }

  private release(): void {
    clearTimeout(this.holdTimer);
    this.holdTimer = undefined;
    this.holders = 0;
    this.holdUntil = 0;
    void this.bottleneck.updateSettings({ reservoir: null });
  }
}
