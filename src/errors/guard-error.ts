import { ExitCode } from '../cli/exit-codes.js';
import { OffboardError } from './offboard-error.js';

/**
 * A safety guard stopped the run before any change: not confirmed, too many changes,
 * another run holds the lock, a stale or altered plan. `guard` names which one.
 */
export class GuardError extends OffboardError {
  readonly code = 'GUARD';
  readonly exitCode = ExitCode.Guard;

  constructor(
    readonly guard: string,
    message: string,
    context: Record<string, unknown> = {},
  ) {
    super(message, { guard, ...context });
  }
}
