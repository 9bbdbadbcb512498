import type { AxiosResponse } from 'axios';
import { ApiError } from '../errors/api-error.js';
import { headerOf } from './http-instance.js';
import { errorCodes, isTransientNetworkError } from './retry-policy.js';
import type { ErrorBody } from './types.js';

/** Longest Genesys message kept in an ApiError; bodies from proxies can be whole pages. */
const MAX_MESSAGE_LENGTH = 300;

/** The failure of a network call as a plain Error: what is known of it, nothing else. */
export class NetworkFailure extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    /** Whether sending again may help (isTransientNetworkError of the original). */
    readonly transient: boolean,
  ) {
    super(message);
    this.name = 'NetworkFailure';
  }
}

/**
 * The code of a failure that got no response (ECONNRESET, ETIMEDOUT, ...), from the
 * error or its causes, or `NETWORK` when none has one.
 */
export function networkCode(error: unknown): string {
  return errorCodes(error)[0] ?? 'NETWORK';
}

/**
 * ApiError for a request that got no response. The cause is a NetworkFailure copy, not
 * the axios error: that one carries the request config, Authorization header included,
 * and a logger walking `err.cause` would print it.
 */
export function networkFailure(
  method: string,
  path: string,
  error: unknown,
  attempts: number,
): ApiError {
  const code = errorCodes(error)[0];
  const detail = error instanceof Error ? error.message : String(error);
  const reason = code ?? `network error (${detail})`;
  const cause = new NetworkFailure(detail, code, isTransientNetworkError(error));
  return new ApiError(
    `${method} ${path} failed: ${reason}`,
    { method, path, attempts },
    {
      cause,
    },
  );
}

/** ApiError for a response that is not a success: status, Genesys code and message. */
export function responseFailure(
  method: string,
  path: string,
  response: AxiosResponse<unknown>,
  attempts: number,
): ApiError {
  const body = readErrorBody(response.data);
  const correlationId = correlationIdOf(response);
  const code = body.code ?? (response.statusText || undefined);
  const summary = [String(response.status), code].filter(Boolean).join(' ');
  const message = body.message === undefined ? '' : `: ${body.message}`;

  return new ApiError(`${method} ${path} failed: ${summary}${message}`, {
    method,
    path,
    status: response.status,
    attempts,
    ...(body.code === undefined ? {} : { genesysCode: body.code }),
    ...(correlationId === undefined ? {} : { correlationId }),
  });
}

/** The `ININ-Correlation-Id` header (axios lowercases names): quote it to support. */
export function correlationIdOf(response: AxiosResponse<unknown>): string | undefined {
  return headerOf(response, 'ININ-Correlation-Id');
}

/** The same failure, saying that the server asked for a longer wait than we allow. */
export function waitTooLong(
  failure: ApiError,
  retryAfterMs: number,
  maxMs: number,
): ApiError {
  const asked = Math.ceil(retryAfterMs / 1000);
  const limit = Math.floor(maxMs / 1000);
  return new ApiError(
    `${failure.message} (Retry-After ${asked} s is over the ${limit} s limit; try later)`,
    failure.request,
  );
}

function readErrorBody(data: unknown): Pick<ErrorBody, 'code' | 'message'> {
  if (typeof data !== 'object' || data === null) {
    return {};
  }
  const { code, message } = data as Record<string, unknown>;
  return {
    ...(typeof code === 'string' && code !== '' ? { code } : {}),
    ...(typeof message === 'string' && message !== ''
      ? { message: message.slice(0, MAX_MESSAGE_LENGTH) }
      : {}),
  };
}
