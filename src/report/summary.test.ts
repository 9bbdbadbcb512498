import { describe, expect, it } from '@jest/globals';
import type { Outcome, RestoreOutcome } from './outcomes.js';
import { exitCodeForCounts, formatSummary } from './summary.js';

const files = {
  csv: 'reports/example-leavers-20261203T142501Z-apply.csv',
  jsonl: 'reports/example-leavers-20261203T142501Z-apply.jsonl',
};

function counts(
  entries: [Outcome | RestoreOutcome, number][],
): Map<Outcome | RestoreOutcome, number> {
  return new Map(entries);
}

describe('formatSummary', () => {
  it('lists each outcome that occurred in contract order, the classes and the files', () => {
    const text = formatSummary({
      kind: 'apply',
      total: 17,
      files,
      counts: counts([
        ['failed', 1],
        ['busy', 2],
        ['deactivated', 4],
        ['not-found', 4],
        ['deleted', 3],
        ['duplicate', 3],
        ['stale', 0],
      ]),
    });

    expect(text).toMatchInlineSnapshot(`
     "offboard apply: 17 rows
       deactivated           4
       deleted               3
       duplicate             3
       not-found             4
       busy                  2
       failed                1
     done 10 | attention 6 | failed 1
     report  reports/example-leavers-20261203T142501Z-apply.csv
             reports/example-leavers-20261203T142501Z-apply.jsonl
     "
    `);
  });

  it('lists restore outcomes in their own order and counts them', () => {
    const text = formatSummary({
      kind: 'restore',
      total: 1,
      files,
      counts: counts([['restored', 1]]),
    });

    expect(text).toMatchInlineSnapshot(`
     "offboard restore: 1 row
       restored              1
     done 1 | attention 0 | failed 0
     report  reports/example-leavers-20261203T142501Z-apply.csv
             reports/example-leavers-20261203T142501Z-apply.jsonl
     "
    `);
  });

  it('prints a month without leavers as zero rows, all classes zero', () => {
    const text = formatSummary({ kind: 'plan', total: 0, files, counts: new Map() });

    expect(text).toContain('offboard plan: 0 rows\ndone 0 | attention 0 | failed 0\n');
  });

  it('uses plain ASCII only', () => {
    const text = formatSummary({
      kind: 'apply',
      total: 2,
      files,
      counts: counts([
        ['deactivated', 1],
        ['busy', 1],
      ]),
    });

    expect(text).toMatch(/^[\x20-\x7e\n]*$/);
  });
});

describe('exitCodeForCounts', () => {
  it('is 0 when every row is done', () => {
    const done = counts([
      ['deactivated', 3],
      ['already-inactive', 1],
      ['duplicate', 1],
    ]);
    expect(exitCodeForCounts(done)).toBe(0);
    expect(exitCodeForCounts(new Map())).toBe(0);
  });

  it('is 1 when any row needs attention', () => {
    expect(
      exitCodeForCounts(
        counts([
          ['deleted', 5],
          ['busy', 1],
        ]),
      ),
    ).toBe(1);
  });

  it('is 1 when any row failed', () => {
    expect(
      exitCodeForCounts(
        counts([
          ['restored', 5],
          ['failed', 1],
        ]),
      ),
    ).toBe(1);
  });

  it('ignores an outcome listed with a count of zero', () => {
    expect(
      exitCodeForCounts(
        counts([
          ['deleted', 5],
          ['failed', 0],
        ]),
      ),
    ).toBe(0);
  });
});
