import type { Logger } from '../log/logger.js';
import { failRow } from './call-trace.js';
import type { PipelineContext } from './context.js';
import type { Decision } from './decision.js';

/**
 * `--snapshot full`: before the first write to a user, record their queues, groups,
 * roles and direct reports in the row's snapshot, because deactivation strips roles and
 * a restore does not bring them back. Costs 4 requests a user (more for users in over
 * 100 queues); see ProfileApi. When the profile cannot be read, the row is `failed` and
 * nothing is written: a change the operator asked to be recorded is never made unrecorded.
 */
export async function withFullSnapshot(
  decision: Decision,
  ctx: PipelineContext,
  log: Logger,
): Promise<Decision> {
  const { user } = decision;
  if (!ctx.profiles || !user) {
    return decision;
  }
  try {
    const response = await ctx.profiles.fullProfile(user.id, log);
    return { ...decision, user: { ...user, profile: response.data } };
  } catch (err) {
    return failRow(
      decision,
      err,
      log,
      'the full snapshot could not be read, so nothing was written: ',
    );
  }
}
