import { ExitCode } from '../cli/exit-codes.js';
import { OffboardError } from './offboard-error.js';

/** Where a report problem was found. `line` is 1-based, when one line is to blame. */
export interface ReportErrorContext {
  readonly file: string;
  readonly line?: number;
}

/**
 * A report cannot be written or read back: the file already exists (a new report never
 * overwrites one), a `.jsonl` handed to `restore` or `--resume` has a line that is not
 * a report record, or `--resume` was given a file that is not an apply's `.jsonl` or
 * cannot be written there. Raised before any change (exit 2).
 */
export class ReportError extends OffboardError {
  readonly code = 'REPORT';
  readonly exitCode = ExitCode.Usage;

  constructor(
    message: string,
    readonly where: ReportErrorContext,
    options?: { cause?: unknown },
  ) {
    super(message, { ...where }, options);
  }
}
