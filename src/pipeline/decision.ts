import type { ManifestRow } from '../manifest/manifest-row.js';
import type { Outcome } from '../report/outcomes.js';
import type { CallTrace, RowAction, UserSnapshot } from '../report/row-result.js';

/** A write the job may send for a row, in the order it sends them. */
export type WriteStep = 'deactivate' | 'delete';

/**
 * What the read-only stages (resolve, check) concluded about one manifest row.
 *
 * A decision either settles the row (`outcome`, no `steps`) or names the user and the
 * writes that would bring it to the asked-for state (`steps`), bound to the `version`
 * and `state` seen, so that the write stage can tell whether the user moved since.
 */
export interface Decision {
  readonly row: ManifestRow;
  readonly action: RowAction;
  readonly outcome: Outcome;
  readonly detail?: string;
  /** The user the row resolved to, as last read. */
  readonly user?: UserSnapshot;
  /** Writes still needed; empty when the row is settled. */
  readonly steps: readonly WriteStep[];
  readonly call?: CallTrace;
}

/** The plan-time outcome for a row that still needs the given writes. */
export function plannedOutcome(steps: readonly WriteStep[]): Outcome {
  return steps.includes('delete') ? 'would-delete' : 'would-deactivate';
}

/** The apply-time outcome once all the given writes have been sent. */
export function appliedOutcome(steps: readonly WriteStep[]): Outcome {
  return steps.includes('delete') ? 'deleted' : 'deactivated';
}

/** True when the row still asks for writes. */
export function isActionable(decision: Decision): boolean {
  return decision.steps.length > 0;
}
