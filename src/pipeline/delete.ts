import type { ApiResponse } from '../genesys/client.js';
import type { User } from '../genesys/types.js';
import type { Logger } from '../log/logger.js';
import type { PipelineContext } from './context.js';

/**
 * Delete: DELETE /api/v2/users/{id}, sent only after the user is inactive. A deleted user
 * can still be restored (except after a GDPR delete), and the id stays in history.
 */
export async function deleteUser(
  user: User,
  ctx: PipelineContext,
  log: Logger,
): Promise<ApiResponse<unknown>> {
  const response = await ctx.users.remove(user.id, log);
  log.info({ userId: user.id }, 'deleted');
  return response;
}
