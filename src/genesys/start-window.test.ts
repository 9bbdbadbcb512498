import { describe, expect, it } from '@jest/globals';
import { spacingForRate } from './rate-limiter.js';
import { StartWindow } from './start-window.js';

/**
 * Starts as the limiter makes them: each at least `spacing` after the last, then held
 * back as long as the window says. Returns the start times.
 */
function simulate(rate: number, count: number): number[] {
  const spacing = spacingForRate(rate);
  const window = new StartWindow(rate);
  const starts: number[] = [];
  let now = 0;
  for (let i = 0; i < count; i += 1) {
    now = i === 0 ? 0 : Math.max(now, (starts.at(-1) ?? 0) + spacing);
    now += window.delayBefore(now);
    window.record(now);
    starts.push(now);
  }
  return starts;
}

/** The most starts any closed 60 s window [t, t + 60 000] holds. */
function busiestMinute(starts: readonly number[]): number {
  let most = 0;
  let first = 0;
  for (let last = 0; last < starts.length; last += 1) {
    while ((starts[last] ?? 0) - (starts[first] ?? 0) > 60_000) {
      first += 1;
    }
    most = Math.max(most, last - first + 1);
  }
  return most;
}

describe('StartWindow', () => {
  it.each([300, 600, 1_000, 6_000, 60_000])(
    'keeps every closed minute within %i starts while using over 99%% of them',
    (rate) => {
      const starts = simulate(rate, 3 * rate + 7);

      expect(busiestMinute(starts)).toBe(rate);
      const minutes = (starts.at(-1) ?? 0) / 60_000;
      expect((starts.length - 1) / minutes / rate).toBeGreaterThan(0.99);
    },
  );

  it('holds nothing back until the window is full', () => {
    const window = new StartWindow(3);

    expect(window.delayBefore(0)).toBe(0);
    window.record(0);
    window.record(20_000);
    window.record(40_000);
    expect(window.delayBefore(60_000)).toBe(1);
    expect(window.delayBefore(60_001)).toBe(0);
  });

  it('admits starts in order, recording each', async () => {
    let clock = 1_000;
    const window = new StartWindow(3, () => clock);
    const order: number[] = [];

    await Promise.all([1, 2, 3].map((n) => window.admit().then(() => order.push(n))));

    expect(order).toEqual([1, 2, 3]);
    expect(window.delayBefore(clock)).toBe(60_001);
    clock += 60_001;
    expect(window.delayBefore(clock)).toBe(0);
  });
});
