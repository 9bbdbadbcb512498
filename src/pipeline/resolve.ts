import type { User } from '../genesys/types.js';
import type { ManifestRow } from '../manifest/manifest-row.js';
import type { CallTrace } from '../report/row-result.js';
import { traceOf } from './call-trace.js';
import type { PipelineContext } from './context.js';

/** One search request carries at most this many values (an API limit). */
export const SEARCH_VALUES_LIMIT = 50;

/**
 * The values a row adds to a search. Whether the API's EXACT match on `email` ignores
 * case is not documented, so the email is sent both as written and lower-cased; the
 * second costs nothing when they are the same, which is nearly always.
 */
export function searchValuesFor(row: ManifestRow): string[] {
  return row.email === row.emailKey ? [row.emailKey] : [row.emailKey, row.email];
}

/** The users of any state found for a batch of rows, and the call that found them. */
export interface Resolved {
  readonly users: readonly User[];
  readonly call: CallTrace;
}

/**
 * Resolve: one POST /api/v2/users/search for a batch of emails (at most 50 values), with
 * a state criterion so that inactive and deleted users are found too. Throws ApiError;
 * the caller turns it into a `failed` outcome for every row of the batch.
 */
export async function resolveBatch(
  rows: readonly ManifestRow[],
  ctx: PipelineContext,
): Promise<Resolved> {
  const values = [...new Set(rows.flatMap(searchValuesFor))];
  const log = ctx.logger.child({ stage: 'resolve' });
  const response = await ctx.users.searchByEmails(values, log);

  log.debug({ emails: values.length, found: response.data.length }, 'resolved a batch');
  return { users: response.data, call: traceOf(response) };
}
