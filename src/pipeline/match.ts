import type { User } from '../genesys/types.js';

/** What an email resolved to among users in any state. */
export type Match =
  | { readonly kind: 'none' }
  | { readonly kind: 'ambiguous'; readonly users: readonly User[] }
  | { readonly kind: 'deleted'; readonly user: User }
  | { readonly kind: 'live'; readonly user: User };

/**
 * Picks the account a leaver's email means. Deleted accounts do not count against a live
 * one: a rehired person has an old deleted user and a new active one with the same email,
 * and the live one is meant. Two live accounts are ambiguous and never guessed between.
 */
export function matchEmail(emailKey: string, candidates: readonly User[]): Match {
  const users = candidates.filter(
    (user) => user.email?.trim().toLowerCase() === emailKey,
  );
  const live = users.filter((user) => user.state !== 'deleted');

  if (live.length > 1) {
    return { kind: 'ambiguous', users: live };
  }
  const [only] = live;
  if (only) {
    return { kind: 'live', user: only };
  }
  const [deleted] = users;
  return deleted ? { kind: 'deleted', user: deleted } : { kind: 'none' };
}
