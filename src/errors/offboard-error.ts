import type { ExitCode } from '../cli/exit-codes.js';

/** Facts that locate an error: row, email, variable, method, path, status and so on. */
export type ErrorContext = Readonly<Record<string, unknown>>;

/**
 * Base of every error the job raises on purpose. The CLI's one error boundary maps
 * `exitCode` to the process exit code; anything that is not an OffboardError is a bug
 * and exits 1 with its stack in the log.
 */
export abstract class OffboardError extends Error {
  abstract readonly code: string;
  abstract readonly exitCode: ExitCode;
  readonly context: ErrorContext;

  constructor(
    message: string,
    context: ErrorContext = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
    this.context = context;
  }
}
