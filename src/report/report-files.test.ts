import { describe, expect, it } from '@jest/globals';
import { reportBaseName } from './report-files.js';

describe('reportBaseName', () => {
  const startedAt = new Date('2026-12-03T14:25:01.789Z');

  it('joins the manifest stem, the UTC start time to the second and the kind', () => {
    expect(reportBaseName('x/y/example-leavers.csv', 'plan', startedAt)).toBe(
      'example-leavers-20261203T142501Z-plan',
    );
  });

  it('uses UTC whatever the time zone the Date was made in', () => {
    const local = new Date('2026-12-03T23:30:00-05:00');
    expect(reportBaseName('leavers.csv', 'apply', local)).toBe(
      'leavers-20261204T043000Z-apply',
    );
  });

  it('drops only the last extension, so a plan or a report keeps its own name', () => {
    expect(
      reportBaseName('reports/a-20261203T142501Z-plan.plan.json', 'apply', startedAt),
    ).toBe('a-20261203T142501Z-plan.plan-20261203T142501Z-apply');
    expect(
      reportBaseName('/r/a-20261203T142501Z-apply.jsonl', 'restore', startedAt),
    ).toBe('a-20261203T142501Z-apply-20261203T142501Z-restore');
  });
});
