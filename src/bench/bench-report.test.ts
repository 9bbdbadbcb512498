import { describe, expect, it } from '@jest/globals';
import { compareNaive } from './bench-report.js';
import type { Figures } from './table.js';
import { formatTable } from './table.js';

const figures = (overrides: Partial<Figures>): Figures => ({
  scenario: 'apply delete',
  kind: 'apply',
  action: 'delete',
  ceiling: 2.05,
  resources: false,
  rows: 1_000,
  rate: 6_000,
  serverLimit: 6_000,
  requests: 2_040,
  perRow: 2.04,
  throttled: 0,
  utilisation: 0.99,
  wallSeconds: 20,
  peakRssMb: 120,
  cpuMsPerRow: 4,
  complete: true,
  exitCode: 0,
  ...overrides,
});

describe('compareNaive', () => {
  it('gives the ratio of requests and of wall time against apply delete on the same rows', () => {
    const naive = figures({
      scenario: 'naive delete',
      kind: 'naive',
      requests: 5_100,
      perRow: 5.1,
      wallSeconds: 50,
    });

    const text = compareNaive([figures({}), naive]);

    expect(text).toContain('5.10 against 2.04 requests a row, 2.50x the requests');
    expect(text).toContain('50.0 s against 20.0 s, 2.50x the wall time');
  });

  it('says nothing when either run is missing', () => {
    expect(compareNaive([figures({})])).toBeUndefined();
  });
});

describe('formatTable', () => {
  it('prints one Markdown line a scenario, with - where a figure is missing', () => {
    const table = formatTable([
      figures({ utilisation: undefined, peakRssMb: undefined }),
    ]);

    const [, , line] = table.split('\n');
    expect(line).toBe(
      '| apply delete | 1,000 | 6,000 | 6,000 | 2,040 | 2.040 | 0 | - | 20.0 | - | 4.000 | yes |',
    );
  });
});
