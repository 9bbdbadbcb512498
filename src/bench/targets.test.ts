import { describe, expect, it } from '@jest/globals';
import type { Figures } from './table.js';
import { judge } from './targets.js';

const figures = (overrides: Partial<Figures>): Figures => ({
  scenario: 'apply deactivate',
  kind: 'apply',
  action: 'deactivate',
  ceiling: undefined,
  resources: false,
  rows: 1_000,
  rate: 6_000,
  serverLimit: 6_000,
  requests: 1_040,
  perRow: 1.04,
  throttled: 0,
  utilisation: 0.97,
  wallSeconds: 11,
  peakRssMb: 90,
  cpuMsPerRow: 0.5,
  complete: true,
  exitCode: 0,
  ...overrides,
});

const verdicts = (f: Partial<Figures>) =>
  judge([figures(f)]).map((v) => `${v.target}: ${v.met ? 'met' : 'not met'}`);

describe('judge', () => {
  it('holds requests per row to the scenario ceiling', () => {
    expect(verdicts({ ceiling: 1.05 })).toContain('2 requests: met');
    expect(verdicts({ ceiling: 1.05, perRow: 1.06 })).toContain('2 requests: not met');
  });

  it('wants no 429 and 95% of --rate where the server enforces exactly --rate', () => {
    expect(verdicts({})).toEqual(['3 rate: met']);
    expect(verdicts({ utilisation: 0.9 })).toEqual(['3 rate: not met']);
    expect(verdicts({ throttled: 1 })).toEqual(['3 rate: not met']);
  });

  it('wants rare 429s and every row done where the server allows less than --rate', () => {
    expect(verdicts({ serverLimit: 3_000, throttled: 10 })).toEqual(['3 slow-down: met']);
    expect(verdicts({ serverLimit: 3_000, throttled: 11 })).toEqual([
      '3 slow-down: not met',
    ]);
    expect(verdicts({ serverLimit: 3_000, complete: false })).toEqual([
      '3 slow-down: not met',
    ]);
  });

  it('judges memory and CPU only on the scenario marked for it', () => {
    const big = {
      resources: true,
      serverLimit: undefined,
      peakRssMb: 149,
      cpuMsPerRow: 0.2,
    };

    expect(verdicts(big)).toEqual(['4 memory: met', '4 CPU: not met']);
  });

  it('does not judge the naive approach on the rate', () => {
    expect(verdicts({ kind: 'naive', utilisation: 0.5 })).toEqual([]);
  });
});
