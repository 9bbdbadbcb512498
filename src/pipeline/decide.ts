import type { User } from '../genesys/types.js';
import type { ManifestRow } from '../manifest/manifest-row.js';
import type { Outcome } from '../report/outcomes.js';
import type { CallTrace, RowAction } from '../report/row-result.js';
import { type Decision, plannedOutcome } from './decision.js';
import type { Match } from './match.js';
import type { ProtectList } from './protect-list.js';
import { toSnapshot } from './snapshot.js';
import { stepsFor } from './steps.js';

/** Settles a row without a user: invalid-email, duplicate, not-found, failed. */
export function settle(
  row: ManifestRow,
  action: RowAction,
  outcome: Outcome,
  extra: { detail?: string; call?: CallTrace } = {},
): Decision {
  return { row, action, outcome, steps: [], ...extra };
}

/** Decides what a resolved row needs, from the users its email matched. */
export function decide(
  row: ManifestRow,
  action: RowAction,
  match: Match,
  protect: ProtectList,
  call: CallTrace,
): Decision {
  const ids = matchedIds(match);
  if (protect.protects(row.emailKey, ids)) {
    const user =
      match.kind === 'live' || match.kind === 'deleted' ? match.user : undefined;
    return decideAbout(row, action, user, call, 'protected', 'on the protected list');
  }

  switch (match.kind) {
    case 'none':
      return settle(row, action, 'not-found', { call, detail: 'no user has this email' });
    case 'ambiguous':
      return settle(row, action, 'ambiguous', {
        call,
        detail: ambiguousDetail(match.users),
      });
    case 'deleted':
      return decideAbout(row, action, match.user, call, 'already-deleted');
    case 'live':
      return decideForUser(row, action, match.user, call);
  }
}

/** The decision for a row whose user is known and not deleted. */
export function decideForUser(
  row: ManifestRow,
  action: RowAction,
  user: User,
  call: CallTrace | undefined,
): Decision {
  const steps = stepsFor(user.state, action);
  if (user.state === 'deleted') {
    return decideAbout(row, action, user, call, 'already-deleted');
  }
  if (steps.length === 0) {
    return decideAbout(row, action, user, call, 'already-inactive');
  }
  return { ...decideAbout(row, action, user, call, plannedOutcome(steps)), steps };
}

function decideAbout(
  row: ManifestRow,
  action: RowAction,
  user: User | undefined,
  call: CallTrace | undefined,
  outcome: Outcome,
  detail?: string,
): Decision {
  return {
    row,
    action,
    outcome,
    steps: [],
    ...(user ? { user: toSnapshot(user) } : {}),
    ...(call ? { call } : {}),
    ...(detail ? { detail } : {}),
  };
}

function matchedIds(match: Match): string[] {
  if (match.kind === 'ambiguous') {
    return match.users.map((user) => user.id);
  }
  return match.kind === 'none' ? [] : [match.user.id];
}

function ambiguousDetail(users: readonly User[]): string {
  const ids = users.map((user) => user.id).join(', ');
  return `${users.length} users that are not deleted have this email: ${ids}`;
}
