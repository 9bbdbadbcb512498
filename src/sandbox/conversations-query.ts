import { isRecord } from './body.js';
import { badRequest, okReply, type Reply } from './exchange.js';

/**
 * `POST /api/v2/analytics/conversations/details/query`, minimal: the job never sends it,
 * but the approach common tutorials take asks it once per leaver ("any conversation
 * still open?"), and the benchmark measures that approach on the same sandbox. The
 * sandbox keeps no conversation history, so every valid query matches nothing and is
 * answered as the API answers that: `{}`, no `conversations` key. Only the one field the
 * API requires, `interval`, is checked; filters are accepted and ignored.
 */
export function queryConversations(body: unknown): Reply {
  if (!isRecord(body) || typeof body.interval !== 'string' || body.interval === '') {
    return badRequest(
      'The query must be a JSON object (ConversationQuery) with an interval, ' +
        'e.g. "2026-01-01T00:00:00Z/2026-01-02T00:00:00Z".',
    );
  }
  return okReply({});
}
