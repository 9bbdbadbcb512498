import { ApiError } from '../errors/api-error.js';
import type { User } from '../genesys/types.js';
import type { UsersApi } from '../genesys/users-api.js';
import type { Logger } from '../log/logger.js';
import { failureOf, traceOf } from '../pipeline/call-trace.js';
import type { RestoreOutcome } from '../report/outcomes.js';
import type { CallTrace } from '../report/row-result.js';

/** Version conflicts tolerated while restoring one user. */
const MAX_CONFLICTS = 3;

export interface RestoreResult {
  readonly outcome: RestoreOutcome;
  readonly detail?: string;
  /** The user as found before the restore. */
  readonly user?: User;
  readonly call?: CallTrace;
}

/**
 * Brings one user back: PATCH `state: active` with the current version. The user is
 * read first, by default and then with `state=deleted` (a deleted user is 404 without
 * it). Active already: nothing is sent. Limit: the API gives back the account, not
 * the roles, division, station or queues deactivation removed; see the jsonl snapshot.
 */
export async function restoreUser(
  id: string,
  users: UsersApi,
  log: Logger,
): Promise<RestoreResult> {
  try {
    for (let conflicts = 0; ; conflicts += 1) {
      const found = await readAnyState(id, users, log);
      if (!found.user) {
        return { outcome: 'not-found', detail: `no user has id ${id}`, call: found.call };
      }
      if (found.user.state === 'active') {
        return { outcome: 'already-active', user: found.user, call: found.call };
      }
      const sent = await sendRestore(found.user, users, log, conflicts);
      if (sent) {
        return sent;
      }
    }
  } catch (err) {
    return { outcome: 'failed', ...failureOf(err) };
  }
}

async function readAnyState(
  id: string,
  users: UsersApi,
  log: Logger,
): Promise<{ user?: User; call: CallTrace }> {
  const current = await users.get(id, {}, log);
  if (current.data) {
    return { user: current.data, call: traceOf(current) };
  }
  const deleted = await users.get(id, { state: 'deleted' }, log);
  return { ...(deleted.data ? { user: deleted.data } : {}), call: traceOf(deleted) };
}

/** The result, or undefined after a version conflict that is worth another read. */
async function sendRestore(
  user: User,
  users: UsersApi,
  log: Logger,
  conflicts: number,
): Promise<RestoreResult | undefined> {
  try {
    const response = await users.setState(user.id, 'active', user.version, log);
    log.info({ userId: user.id, from: user.state }, 'restored');
    return { outcome: 'restored', user, call: traceOf(response) };
  } catch (err) {
    if (err instanceof ApiError && err.isVersionConflict && conflicts < MAX_CONFLICTS) {
      log.warn({ userId: user.id }, 'version conflict while restoring; re-reading');
      return undefined;
    }
    throw err;
  }
}
