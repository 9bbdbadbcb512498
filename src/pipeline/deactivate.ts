import type { ApiResponse } from '../genesys/client.js';
import type { User } from '../genesys/types.js';
import type { Logger } from '../log/logger.js';
import type { PipelineContext } from './context.js';

/**
 * Deactivate: PATCH /api/v2/users/{id} with `state: inactive` and the version just read.
 * The id stays valid, so conversation history still resolves to the person. Throws
 * ApiError; a version conflict is handled by the write stage, which re-reads and re-checks.
 */
export async function deactivateUser(
  user: User,
  ctx: PipelineContext,
  log: Logger,
): Promise<ApiResponse<User>> {
  const response = await ctx.users.setState(user.id, 'inactive', user.version, log);
  log.info({ userId: user.id, version: user.version }, 'deactivated');
  return response;
}
