import { ApiError } from '../errors/api-error.js';
import type { User } from '../genesys/types.js';
import type { Logger } from '../log/logger.js';
import type { CallTrace } from '../report/row-result.js';
import { busyReason } from './busy.js';
import { failRow, traceOf } from './call-trace.js';
import type { PipelineContext } from './context.js';
import { appliedOutcome, type Decision, type WriteStep } from './decision.js';
import { decideForUser } from './decide.js';
import { deactivateUser } from './deactivate.js';
import { deleteUser } from './delete.js';
import { withFullSnapshot } from './full-snapshot.js';

/** Version conflicts tolerated for one row before it is reported as failed. */
export const MAX_VERSION_CONFLICTS = 3;

interface WriteState {
  user: User;
  steps: WriteStep[];
  done: WriteStep[];
  call?: CallTrace;
  conflicts: number;
}

/**
 * Sends a checked row's writes in order. A version conflict (someone edited the user
 * between our read and our write) re-reads the user, checks again that they are free,
 * and tries again with the new version, at most MAX_VERSION_CONFLICTS times. Never throws:
 * whatever happens becomes the row's decision with its final outcome.
 */
export async function writeDecision(
  checked: Decision,
  fresh: User,
  ctx: PipelineContext,
): Promise<Decision> {
  const log = ctx.logger.child({ stage: 'write', row: checked.row.row });
  const decision = await withFullSnapshot(checked, ctx, log);
  if (decision.steps.length === 0) {
    return decision;
  }
  const state: WriteState = {
    user: fresh,
    steps: [...decision.steps],
    done: [],
    conflicts: 0,
  };

  while (state.steps.length > 0) {
    try {
      await sendNext(state, ctx, log);
    } catch (err) {
      const next = await recover(err, decision, state, ctx, log);
      if (next) {
        return next;
      }
    }
  }
  return finish(decision, state);
}

async function sendNext(
  state: WriteState,
  ctx: PipelineContext,
  log: Logger,
): Promise<void> {
  const [step] = state.steps;
  const response =
    step === 'deactivate'
      ? await deactivateUser(state.user, ctx, log)
      : await deleteUser(state.user, ctx, log);
  if (step === 'deactivate') {
    const updated = response.data as Partial<User> | undefined;
    state.user = {
      ...state.user,
      state: 'inactive',
      version: updated?.version ?? state.user.version,
    };
  }
  state.call = traceOf(response);
  state.done.push(state.steps.shift() ?? 'delete');
}

/** Handles a failed write: undefined to go on, or the row's final decision. */
async function recover(
  err: unknown,
  decision: Decision,
  state: WriteState,
  ctx: PipelineContext,
  log: Logger,
): Promise<Decision | undefined> {
  const gone = deletedMeanwhile(err, state);
  if (gone) {
    return gone(decision);
  }
  const conflict = err instanceof ApiError && err.isVersionConflict;
  if (!conflict || ++state.conflicts > MAX_VERSION_CONFLICTS) {
    return failed(decision, state, err, log);
  }

  log.warn(
    { userId: state.user.id, conflicts: state.conflicts },
    'version conflict; re-reading',
  );
  try {
    const reread = await ctx.users.get(
      state.user.id,
      { expand: ['conversationSummary'] },
      log,
    );
    return reconsider(decision, state, reread.data, traceOf(reread));
  } catch (readErr) {
    return failed(decision, state, readErr, log);
  }
}

/**
 * A DELETE answered 404: the user is already deleted. When our own DELETE had been
 * sent before (a retry after a timeout or a dropped connection), it most likely landed:
 * the row is `deleted`. Otherwise someone else deleted the user: `already-deleted`.
 */
function deletedMeanwhile(
  err: unknown,
  state: WriteState,
): ((decision: Decision) => Decision) | undefined {
  const notFound = err instanceof ApiError && err.status === 404;
  if (!notFound || state.steps[0] !== 'delete') {
    return undefined;
  }
  const retried = err.request.attempts > 1;
  const detail = retried
    ? 'the DELETE was retried and found the user already deleted'
    : '';
  return (decision) => ({
    ...decision,
    outcome: retried ? 'deleted' : 'already-deleted',
    steps: [],
    ...(detail ? { detail } : {}),
    ...(state.call ? { call: state.call } : {}),
  });
}

function reconsider(
  decision: Decision,
  state: WriteState,
  user: User | undefined,
  call: CallTrace,
): Decision | undefined {
  if (!user) {
    return { ...finish(decision, state), outcome: 'already-deleted', call };
  }
  const redecided = decideForUser(decision.row, decision.action, user, call);
  const busy = busyReason(user);
  if (redecided.steps.length > 0 && busy) {
    return { ...decision, outcome: 'busy', detail: busy, steps: [], call };
  }
  state.user = user;
  state.steps = [...redecided.steps];
  state.call = call;
  return undefined;
}

function finish(decision: Decision, state: WriteState): Decision {
  const outcome = state.done.length > 0 ? appliedOutcome(decision.steps) : undefined;
  const settled = decideForUser(decision.row, decision.action, state.user, state.call);
  return {
    ...decision,
    outcome: outcome ?? settled.outcome,
    steps: [],
    ...(state.call ? { call: state.call } : {}),
  };
}

function failed(
  decision: Decision,
  state: WriteState,
  err: unknown,
  log: Logger,
): Decision {
  const partial = state.done.includes('deactivate') ? 'deactivated, then ' : '';
  return failRow(decision, err, log, partial);
}
