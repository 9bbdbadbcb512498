import { ExitCode } from '../cli/exit-codes.js';
import { OffboardError } from './offboard-error.js';

/**
 * A missing or malformed setting, raised before any request. The message names the
 * variable and shows what a good value looks like; it never echoes a secret's value.
 */
export class ConfigError extends OffboardError {
  readonly code = 'CONFIG';
  readonly exitCode = ExitCode.Usage;

  constructor(
    readonly variable: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, { variable }, options);
  }
}
