import type { ProfileExtras } from '../genesys/profile-types.js';
import type { UserState } from '../genesys/types.js';
import type { Outcome, RestoreOutcome } from './outcomes.js';

/** What a row asks for: only deactivate, or deactivate and then delete. */
export type RowAction = 'deactivate' | 'delete';

/**
 * The profile as it was before the change: enough to turn the user's id in years of
 * conversation history back into a person after the profile is gone.
 */
export interface UserSnapshot {
  id: string;
  name?: string;
  email?: string;
  username?: string;
  state?: UserState;
  version: number;
  division?: { id?: string; name?: string };
  department?: string;
  title?: string;
  manager?: { id?: string; name?: string };
  /**
   * Queues, groups, own roles and direct reports, recorded only by `--snapshot full`
   * (4 or more requests a user): deactivation strips roles and a restore does not bring
   * them back.
   */
  profile?: ProfileExtras;
}

/** The last call made for a row, for support to trace it. */
export interface CallTrace {
  /** Times the last call was sent, retries included. */
  attempts: number;
  httpStatus?: number;
  correlationId?: string;
}

/** One line of the report: one manifest row, whatever happened to it. */
export interface RowResult {
  /** 0-based position in the manifest: the report is written in this order. */
  seq: number;
  /** Spreadsheet row number: the header is row 1. */
  row: number;
  email: string;
  userId?: string;
  name?: string;
  stateBefore?: UserState;
  action?: RowAction;
  outcome: Outcome | RestoreOutcome;
  detail?: string;
  /** The manifest's own other columns, carried unchanged. */
  extras: Readonly<Record<string, string>>;
  snapshot?: UserSnapshot;
  call?: CallTrace;
}
