import { ExitCode } from '../cli/exit-codes.js';
import { OffboardError } from './offboard-error.js';

/** What the token host said when it refused the client. */
export interface AuthErrorContext {
  /** HTTP status of the token response. */
  readonly status: number;
  /** The OAuth error code, e.g. `invalid_client`, when the host sent one. */
  readonly oauthError?: string;
}

/**
 * The login host refused the OAuth client: wrong id or secret, a disabled client, or a
 * client without the client-credentials grant. Nothing was changed (exit 2). A network
 * failure reaching the login host is an ApiError instead, since retrying may help.
 */
export class AuthError extends OffboardError {
  readonly code = 'AUTH';
  readonly exitCode = ExitCode.Usage;

  constructor(
    message: string,
    readonly refusal: AuthErrorContext,
  ) {
    super(message, { ...refusal });
  }
}
