/**
 * The outcome words of the contract, exactly as scripts and people read them in the
 * report. Never rename one; add new words only by extending PRODUCT.md first.
 */
export const OUTCOMES = [
  'would-deactivate',
  'would-delete',
  'deactivated',
  'deleted',
  'already-inactive',
  'already-deleted',
  'duplicate',
  'not-found',
  'invalid-email',
  'ambiguous',
  'protected',
  'busy',
  'stale',
  'failed',
] as const;

export type Outcome = (typeof OUTCOMES)[number];

/** Outcomes of `offboard restore`, in its own report. */
export const RESTORE_OUTCOMES = [
  'restored',
  'already-active',
  'not-found',
  'failed',
] as const;

export type RestoreOutcome = (typeof RESTORE_OUTCOMES)[number];

/** How an outcome counts towards the exit code: attention or failed make it 1. */
export type OutcomeClass = 'done' | 'attention' | 'failed';

const CLASS_OF: Readonly<Record<Outcome | RestoreOutcome, OutcomeClass>> = {
  'would-deactivate': 'done',
  'would-delete': 'done',
  deactivated: 'done',
  deleted: 'done',
  'already-inactive': 'done',
  'already-deleted': 'done',
  duplicate: 'done',
  'not-found': 'attention',
  'invalid-email': 'attention',
  ambiguous: 'attention',
  protected: 'attention',
  busy: 'attention',
  stale: 'attention',
  failed: 'failed',
  restored: 'done',
  'already-active': 'done',
};

export function classifyOutcome(outcome: Outcome | RestoreOutcome): OutcomeClass {
  return CLASS_OF[outcome];
}
