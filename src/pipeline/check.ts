import type { User } from '../genesys/types.js';
import type { CallTrace } from '../report/row-result.js';
import { busyReason } from './busy.js';
import { failureOf, traceOf } from './call-trace.js';
import type { PipelineContext } from './context.js';
import { type Decision, isActionable } from './decision.js';
import { decideForUser, settle } from './decide.js';
import { toSnapshot } from './snapshot.js';

/** One GET /api/v2/users carries at most this many ids (an API limit). */
export const CHECK_IDS_LIMIT = 100;

/**
 * How a user that moved since the decision is treated. `follow`: decide again from what
 * is there now (a run straight from a manifest). `plan`: the row is `stale` and left
 * alone, because a reviewed plan must not do anything its reviewer did not see.
 */
export type Binding = 'follow' | 'plan';

/** A decision after the check, with the user as just read when it still needs writes. */
export interface Checked {
  readonly decision: Decision;
  readonly fresh?: User;
}

/**
 * Check: reads the actionable rows' users again in one request with
 * `expand=conversationSummary`, and keeps only those that are free to change. Rows that
 * need no write pass through unchanged. At most CHECK_IDS_LIMIT actionable decisions.
 */
export async function checkBatch(
  decisions: readonly Decision[],
  ctx: PipelineContext,
  binding: Binding,
): Promise<Checked[]> {
  const ids = decisions.filter(isActionable).map((d) => d.user?.id ?? '');
  if (ids.length === 0) {
    return decisions.map((decision) => ({ decision }));
  }

  const log = ctx.logger.child({ stage: 'check' });
  try {
    const response = await ctx.users.getMany(
      ids,
      { expand: ['conversationSummary'], state: 'any' },
      log,
    );
    const byId = new Map(response.data.map((user) => [user.id, user]));
    const call = traceOf(response);
    const how = { binding, resuming: ctx.resuming === true };
    return decisions.map((d) =>
      isActionable(d) ? recheck(d, byId, call, how) : { decision: d },
    );
  } catch (err) {
    const failure = failureOf(err);
    log.error({ err: failure.detail, rows: ids.length }, 'check failed for a batch');
    return decisions.map((d) =>
      isActionable(d)
        ? { decision: { ...settle(d.row, d.action, 'failed', failure), ...withUser(d) } }
        : { decision: d },
    );
  }
}

function withUser(decision: Decision): Pick<Decision, 'user'> {
  return decision.user ? { user: decision.user } : {};
}

function recheck(
  decision: Decision,
  byId: ReadonlyMap<string, User>,
  call: CallTrace,
  { binding, resuming }: { binding: Binding; resuming: boolean },
): Checked {
  const { row, action } = decision;
  const fresh = byId.get(decision.user?.id ?? '');
  if (!fresh) {
    const detail = `user ${decision.user?.id ?? '?'} is no longer there`;
    return {
      decision: {
        ...settle(row, action, 'not-found', { call, detail }),
        ...withUser(decision),
      },
    };
  }

  const moved = describeMove(decision, fresh);
  if (moved && binding === 'plan' && !(resuming && movedAsPlanned(decision, fresh))) {
    return {
      decision: { ...decision, outcome: 'stale', detail: moved, steps: [], call },
    };
  }

  const redecided = decideForUser(row, action, fresh, call);
  const busy = isActionable(redecided) ? busyReason(fresh) : undefined;
  if (busy) {
    return { decision: { ...redecided, outcome: 'busy', detail: busy, steps: [] } };
  }
  return { decision: { ...redecided, user: toSnapshot(fresh) }, fresh };
}

/**
 * True when the user moved only the way the plan's own writes would move them: what
 * an interrupted run leaves behind for a row whose write landed before its report line.
 */
function movedAsPlanned(decision: Decision, fresh: User): boolean {
  if (fresh.state === 'deleted') {
    return decision.steps.includes('delete');
  }
  return fresh.state === 'inactive' && decision.steps.includes('deactivate');
}

/** How the user changed since the decision, or undefined when they did not. */
function describeMove(decision: Decision, fresh: User): string | undefined {
  const seen = decision.user;
  if (!seen || (seen.version === fresh.version && seen.state === fresh.state)) {
    return undefined;
  }
  return (
    `changed since the plan: state ${seen.state ?? '?'} -> ${fresh.state ?? '?'}, ` +
    `version ${seen.version} -> ${fresh.version}; run plan again`
  );
}
