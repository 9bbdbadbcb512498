import { ExitCode } from '../cli/exit-codes.js';
import { OffboardError } from './offboard-error.js';

/** A flag, argument or command that cannot be used as given. Nothing has changed. */
export class UsageError extends OffboardError {
  readonly code = 'USAGE';
  readonly exitCode = ExitCode.Usage;
}
