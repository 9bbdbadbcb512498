import type { ApiResponse } from '../genesys/client.js';
import { ApiError } from '../errors/api-error.js';
import type { CallTrace } from '../report/row-result.js';

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
