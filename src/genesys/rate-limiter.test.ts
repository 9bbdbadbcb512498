import { describe, expect, it } from '@jest/globals';
import { RateLimiter, spacingForRate } from './rate-limiter.js';

/** Lets pending promise callbacks and short Bottleneck timers run. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 20));
}

describe('spacingForRate', () => {
  it('never lets rate + 1 evenly spaced starts fit in one closed 60 s window', () => {
    const wrong: number[] = [];
    for (let rate = 1; rate <= 100_000; rate += 1) {
      const spacing = spacingForRate(rate);
      // rate + 1 starts span rate * spacing ms; and the run uses at least 99% of the rate
      if (rate * spacing <= 60_000 || 60_000 / (rate * spacing) < 0.99) {
        wrong.push(rate);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('gives 202 ms for the default 300 requests a minute', () => {
    expect(spacingForRate(300)).toBeCloseTo(202, 9);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses a rate of %s',
    (rate) => {
      expect(() => spacingForRate(rate)).toThrow(RangeError);
    },
  );
});

describe('RateLimiter', () => {
  it('runs scheduled work in order and passes results and failures through', async () => {
    const limiter = new RateLimiter({ ratePerMinute: 60_000 });
    const order: number[] = [];

    const results = await Promise.allSettled([
      limiter.schedule(() => Promise.resolve(order.push(1))),
      limiter.schedule(() => Promise.reject(new Error('boom'))),
      limiter.schedule(() => Promise.resolve(order.push(3))),
    ]);

    expect(order).toEqual([1, 3]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    await limiter.stop();
    await limiter.stop(); // a second close is harmless
  });

  it('stop() waits for work that has started and not yet finished', async () => {
    const limiter = new RateLimiter({ ratePerMinute: 60_000 });
    let finish: () => void = () => undefined;
    let finished = false;
    const running = limiter.schedule(
      () =>
        new Promise<void>((resolve) => {
          finish = () => {
            finished = true;
            resolve();
          };
        }),
    );
    await settle();

    let stopped = false;
    const stopping = limiter.stop().then(() => {
      stopped = true;
    });
    await settle();
    expect(stopped).toBe(false);

    finish();
    await stopping;
    expect(finished).toBe(true);
    await running;
  });

  it('refuses new work once stopped', async () => {
    const limiter = new RateLimiter({ ratePerMinute: 60_000 });
    await limiter.stop();
    await expect(limiter.schedule(() => Promise.resolve(1))).rejects.toThrow();
  });

  it('starts nothing during a hold-off, then resumes when its caller has waited', async () => {
    const limiter = new RateLimiter({ ratePerMinute: 60_000 });
    const started: string[] = [];

    limiter.holdOff(120_000);
    const held = limiter.schedule(() => Promise.resolve(started.push('held')));
    await settle();
    expect(started).toEqual([]);

    limiter.resume();
    await held;
    await limiter.schedule(() => Promise.resolve(started.push('after')));
    expect(started).toEqual(['held', 'after']);
    await limiter.stop();
  });

  it('keeps overlapping hold-offs until every caller has waited', async () => {
    const limiter = new RateLimiter({ ratePerMinute: 60_000 });
    const started: string[] = [];

    limiter.holdOff(60_000);
    limiter.holdOff(90_000);
    const held = limiter.schedule(() => Promise.resolve(started.push('held')));
    limiter.resume();
    await settle();
    expect(started).toEqual([]);

    limiter.resume();
    await held;
    expect(started).toEqual(['held']);
    await limiter.stop();
  });

  it('ends a hold-off on its own when the time is up', async () => {
    const limiter = new RateLimiter({ ratePerMinute: 60_000 });
    const started: string[] = [];

    limiter.holdOff(30);
    await limiter.schedule(() => Promise.resolve(started.push('after the hold')));

    expect(started).toEqual(['after the hold']);
    await limiter.stop();
  });

  it('widens the spacing on each 429, up to 16 times the configured one', () => {
    const limiter = new RateLimiter({ ratePerMinute: 300 });
    expect(limiter.intervalMs).toBeCloseTo(202, 9);

    limiter.onThrottled();
    expect(limiter.intervalMs).toBe(303);
    for (let i = 0; i < 30; i += 1) {
      limiter.onThrottled();
    }
    expect(limiter.intervalMs).toBe(spacingForRate(300) * 16);
  });

  it('narrows back gradually on success, never below the configured spacing', () => {
    const limiter = new RateLimiter({ ratePerMinute: 300 });
    limiter.onThrottled();

    limiter.onSuccess();
    expect(limiter.intervalMs).toBeLessThan(303);
    expect(limiter.intervalMs).toBeGreaterThan(202);
    for (let i = 0; i < 50; i += 1) {
      limiter.onSuccess();
    }
    expect(limiter.intervalMs).toBeCloseTo(202, 9);
  });
});
