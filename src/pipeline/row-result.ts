import type { RowResult } from '../report/row-result.js';
import type { Decision } from './decision.js';

/** The report line for a row's final decision. */
export function toRowResult(decision: Decision): RowResult {
  const { row, user } = decision;
  const optional = {
    userId: user?.id,
    name: user?.name,
    stateBefore: user?.state,
    detail: decision.detail,
    snapshot: user,
    call: decision.call,
  };
  const result: RowResult = {
    seq: row.seq,
    row: row.row,
    email: row.email,
    action: decision.action,
    outcome: decision.outcome,
    extras: row.extras,
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) {
      Object.assign(result, { [key]: value });
    }
  }
  return result;
}
