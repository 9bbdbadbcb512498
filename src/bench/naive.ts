import type { GenesysClient } from '../genesys/client.js';
import type { User, UsersSearchResponse } from '../genesys/types.js';
import type { Logger } from '../log/logger.js';

/** The part of `AnalyticsConversationQueryResponse` the naive approach looks at. */
interface ConversationQueryResponse {
  conversations?: unknown[];
}

/** What the naive approach did with its rows. */
export interface NaiveCounts {
  rows: number;
  /** Rows whose user was deactivated and deleted. */
  deleted: number;
  /** No active user has the email. */
  notFound: number;
  /** The conversation query found an open conversation, so the row was skipped. */
  busy: number;
  /** A call failed after the client's retries; the row was given up. */
  failed: number;
}

/** How far back the conversation query looks for conversations still open. */
const LOOK_BACK_MS = 24 * 60 * 60 * 1000;

/**
 * The approach common tutorials take, as the benchmark's yardstick: for each leaver in
 * turn, search the user by email, ask analytics whether they have a conversation still
 * open, GET the user for its version, PATCH it inactive, DELETE it. Five requests a
 * row, one after another, nothing batched. It runs over the job's own GenesysClient, so
 * it gets the same limiter, retries and rate, and only the approach differs.
 *
 * Intentionally naive: it is not a second implementation of the job (no protect list,
 * no ambiguity check, no report), only its request pattern. A row whose call fails
 * after the retries is counted and skipped.
 */
export async function runNaive(
  emails: AsyncIterable<string> | Iterable<string>,
  client: GenesysClient,
  log: Logger,
  now: () => number = Date.now,
): Promise<NaiveCounts> {
  const counts: NaiveCounts = { rows: 0, deleted: 0, notFound: 0, busy: 0, failed: 0 };
  for await (const email of emails) {
    counts.rows += 1;
    try {
      counts[await offboardOne(email, client, now)] += 1;
    } catch (err) {
      counts.failed += 1;
      log.error({ err: err instanceof Error ? err.message : String(err) }, 'row failed');
    }
  }
  return counts;
}

async function offboardOne(
  email: string,
  client: GenesysClient,
  now: () => number,
): Promise<'deleted' | 'notFound' | 'busy'> {
  const user = await findByEmail(email, client);
  if (!user) {
    return 'notFound';
  }
  if (await hasOpenConversation(user.id, client, now())) {
    return 'busy';
  }

  const path = `/api/v2/users/${encodeURIComponent(user.id)}`;
  const current = await client.request<User>({ method: 'GET', path });
  const { version } = current.data;
  await client.request({ method: 'PATCH', path, data: { state: 'inactive', version } });
  await client.request({ method: 'DELETE', path });
  return 'deleted';
}

async function findByEmail(
  email: string,
  client: GenesysClient,
): Promise<User | undefined> {
  const response = await client.request<UsersSearchResponse>({
    method: 'POST',
    path: '/api/v2/users/search',
    data: { query: [{ type: 'EXACT', fields: ['email'], value: email }] },
  });
  return response.data.results?.[0];
}

async function hasOpenConversation(
  userId: string,
  client: GenesysClient,
  at: number,
): Promise<boolean> {
  const interval = `${new Date(at - LOOK_BACK_MS).toISOString()}/${new Date(at).toISOString()}`;
  const response = await client.request<ConversationQueryResponse>({
    method: 'POST',
    path: '/api/v2/analytics/conversations/details/query',
    data: {
      interval,
      segmentFilters: [
        { type: 'and', predicates: [{ dimension: 'userId', value: userId }] },
      ],
      conversationFilters: [
        {
          type: 'and',
          predicates: [{ dimension: 'conversationEnd', operator: 'notExists' }],
        },
      ],
    },
  });
  return (response.data.conversations?.length ?? 0) > 0;
}
