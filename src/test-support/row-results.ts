import type { RowResult } from '../report/row-result.js';

/** A deactivated row result for report tests: row = seq + 2, leaver<seq>@example.com. */
export function rowResult(seq: number, overrides: Partial<RowResult> = {}): RowResult {
  return {
    seq,
    row: seq + 2,
    email: `leaver${seq}@example.com`,
    outcome: 'deactivated',
    extras: {},
    ...overrides,
  };
}
