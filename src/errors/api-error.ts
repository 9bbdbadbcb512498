import { ExitCode } from '../cli/exit-codes.js';
import { OffboardError } from './offboard-error.js';

/** What is known about a failed call to Genesys Cloud. */
export interface ApiErrorContext {
  readonly method: string;
  /** Path and query, never the host's credentials or a token. */
  readonly path: string;
  /** HTTP status, absent for a network error or a timeout. */
  readonly status?: number;
  /** Genesys' own error code, e.g. `too.many.requests`, `not.found`. */
  readonly genesysCode?: string;
  /** The `ININ-Correlation-Id` response header: quote it to Genesys support. */
  readonly correlationId?: string;
  /** How many times the request was sent before giving up. */
  readonly attempts: number;
}

/**
 * Genesys Cloud refused a call, or kept failing until the retries ran out. Inside a row
 * this becomes the outcome `failed`; outside one (the token, say) it ends the run.
 */
export class ApiError extends OffboardError {
  readonly code = 'API';
  readonly exitCode = ExitCode.Attention;
  readonly request: ApiErrorContext;

  constructor(message: string, request: ApiErrorContext, options?: { cause?: unknown }) {
    super(message, { ...request }, options);
    this.request = request;
  }

  get status(): number | undefined {
    return this.request.status;
  }

  /** A PATCH or DELETE sent with a version the user no longer has. */
  get isVersionConflict(): boolean {
    const { status } = this.request;
    const mentionsVersion = /does not match the current version/i.test(this.message);
    return status === 409 || (status === 400 && mentionsVersion);
  }
}
