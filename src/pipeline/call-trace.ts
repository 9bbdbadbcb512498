import type { ApiResponse } from '../genesys/client.js';
import { ApiError } from '../errors/api-error.js';
import type { Logger } from '../log/logger.js';
import type { CallTrace } from '../report/row-result.js';
import type { Decision } from './decision.js';

/** The trace of a call that answered, for the report. */
export function traceOf(response: ApiResponse<unknown>): CallTrace {
  return {
    attempts: response.attempts,
    httpStatus: response.status,
    ...(response.correlationId ? { correlationId: response.correlationId } : {}),
  };
}

/** The trace of a call that failed; `detail` is what the report says about it. */
export function failureOf(err: unknown): { call?: CallTrace; detail: string } {
  if (!(err instanceof ApiError)) {
    return { detail: err instanceof Error ? err.message : String(err) };
  }
  const { attempts, status, correlationId } = err.request;
  const call: CallTrace = {
    attempts,
    ...(status === undefined ? {} : { httpStatus: status }),
    ...(correlationId ? { correlationId } : {}),
  };
  const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
  return { call, detail: `${err.message}${tries}` };
}

/**
 * A row that finally failed: logged once at error, as the style asks, and settled with
 * `detail` saying how (`prefix` adds what had happened before, e.g. "deactivated, then").
 */
export function failRow(
  decision: Decision,
  err: unknown,
  log: Logger,
  prefix = '',
): Decision {
  const failure = failureOf(err);
  const detail = `${prefix}${failure.detail}`;
  log.error({ userId: decision.user?.id, err: detail }, 'row failed');
  return {
    ...decision,
    outcome: 'failed',
    detail,
    steps: [],
    ...(failure.call ? { call: failure.call } : {}),
  };
}
