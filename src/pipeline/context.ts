import type { ProfileApi } from '../genesys/profile-api.js';
import type { UsersApi } from '../genesys/users-api.js';
import type { Logger } from '../log/logger.js';
import type { RowAction } from '../report/row-result.js';
import type { ProtectList } from './protect-list.js';

/** What every stage of a run shares. */
export interface PipelineContext {
  readonly users: UsersApi;
  readonly protect: ProtectList;
  /** Present with `--snapshot full`: each user's queues, groups, roles and reports are
   * recorded before the first write. */
  readonly profiles?: ProfileApi;
  /** The action of rows whose `action` cell is empty (`--delete` makes it delete). */
  readonly defaultAction: RowAction;
  /** Rows whose writes may be in flight at once. */
  readonly concurrency: number;
  readonly logger: Logger;
  /**
   * Continuing an interrupted run (`--resume`): a user the dead run already changed as
   * the plan intended is not `stale` but done, and is not written to again.
   */
  readonly resuming?: boolean;
  /** Aborted by SIGINT or SIGTERM: no new rows are started, rows in flight finish. */
  readonly signal?: AbortSignal;
}
