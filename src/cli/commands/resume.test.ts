import { describe, expect, it } from '@jest/globals';
import { UsageError } from '../../errors/usage-error.js';
import { plannedDecision } from '../../test-support/plans.js';
import { ResumeFilter } from './resume.js';

/** What an interrupted run's report says it finished, as finishedRows reads it. */
function finished(...seqs: number[]) {
  return new Map(
    seqs.map((seq) => [seq, { row: seq + 2, email: `leaver.${seq}@example.com` }]),
  );
}

describe('ResumeFilter', () => {
  it('keeps the rows the report lacks and leaves out the ones it holds', () => {
    const filter = new ResumeFilter(finished(0, 2), 'run.jsonl');

    const kept = [0, 1, 2, 3].filter((seq) => filter.keeps(plannedDecision(seq)));

    expect(kept).toEqual([1, 3]);
    expect(() => {
      filter.assertComplete();
    }).not.toThrow();
  });

  it('refuses, once all rows have passed, a report whose row has another email', () => {
    const filter = new ResumeFilter(
      new Map([[1, { row: 3, email: 'someone.else@example.com' }]]),
      'run.jsonl',
    );

    expect(filter.keeps(plannedDecision(1))).toBe(false);
    expect(() => {
      filter.assertComplete();
    }).toThrow(UsageError);
  });

  it('refuses, once all rows have passed, a report with rows the manifest lacks', () => {
    const filter = new ResumeFilter(finished(0, 7), 'run.jsonl');
    [0, 1, 2].forEach((seq) => filter.keeps(plannedDecision(seq)));

    expect(() => {
      filter.assertComplete();
    }).toThrow(/its row 9 \(leaver\.7@example\.com\) is not the manifest's/);
  });
});
