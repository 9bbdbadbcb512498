import { ExitCode } from '../cli/exit-codes.js';
import { OffboardError } from './offboard-error.js';

/** Where in the manifest a structural problem was found. `line` is 1-based. */
export interface ManifestErrorContext {
  readonly file: string;
  readonly line?: number;
  readonly column?: string;
}

/** The manifest is structurally broken; raised before the first change (exit 2). */
export class ManifestError extends OffboardError {
  readonly code = 'MANIFEST';
  readonly exitCode = ExitCode.Usage;

  constructor(
    message: string,
    readonly where: ManifestErrorContext,
    options?: { cause?: unknown },
  ) {
    super(message, { ...where }, options);
  }
}
