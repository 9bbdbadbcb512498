import type { UsersSearchResponse } from '../genesys/types.js';
import { isRecord } from './body.js';
import { badRequest, okReply, type Reply } from './exchange.js';
import type { SandboxUser } from './fixture-types.js';
import { matches, readCriterion, type ExactCriterion } from './search-criteria.js';
import type { UserIndex } from './user-index.js';
import { paginate, positiveInt, toApiUser } from './user-view.js';

const DEFAULT_PAGE_SIZE = 25;
const MAX_PAGE_SIZE = 100;

/**
 * `POST /api/v2/users/search`. Without a state criterion only active users are returned:
 * stricter than the real API (whose default for inactive users is unknown) so that a
 * client that forgets the state criterion finds out in the sandbox. Results never carry
 * `conversationSummary`, and `results` is left out when nothing matched.
 */
export function searchUsers(users: UserIndex, body: unknown): Reply {
  if (!isRecord(body)) {
    return badRequest('The search request must be a JSON object (UserSearchRequest).');
  }
  const pageSize = positiveInt(body.pageSize, DEFAULT_PAGE_SIZE);
  const pageNumber = positiveInt(body.pageNumber, 1);
  if (Number.isNaN(pageSize) || pageSize > MAX_PAGE_SIZE || Number.isNaN(pageNumber)) {
    return badRequest(`pageSize must be 1 to ${MAX_PAGE_SIZE}; pageNumber at least 1.`);
  }

  const criteria = readCriteria(body.query);
  if (typeof criteria === 'string') {
    return badRequest(criteria);
  }

  const found = candidates(users, criteria).filter((u) =>
    criteria.every((c) => matches(u, c)),
  );
  const { page, total, pageCount } = paginate(found, pageSize, pageNumber);
  const response: UsersSearchResponse = { total, pageCount, pageSize, pageNumber };
  response.types = ['users'];
  if (page.length > 0) {
    response.results = page.map((u) => toApiUser(u));
  }
  return okReply(response);
}

/**
 * The users a search can match: through the email index when one criterion is on
 * `email` alone (every match must then have one of its emails), else all of them.
 */
function candidates(
  users: UserIndex,
  criteria: readonly ExactCriterion[],
): readonly SandboxUser[] {
  const byEmail = criteria.find((c) => c.fields.length === 1 && c.fields[0] === 'email');
  return byEmail ? users.withEmails(byEmail.values) : users.all;
}

function readCriteria(raw: unknown): ExactCriterion[] | string {
  if (raw !== undefined && !Array.isArray(raw)) {
    return 'query must be a list of criteria.';
  }
  const criteria: ExactCriterion[] = [];
  for (const [index, entry] of (raw ?? []).entries()) {
    const criterion = readCriterion(entry, index);
    if (typeof criterion === 'string') {
      return criterion;
    }
    criteria.push(criterion);
  }

  if (!criteria.some((c) => c.fields.includes('state'))) {
    criteria.push({ fields: ['state'], values: ['active'] });
  }
  return criteria;
}
