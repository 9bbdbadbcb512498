import type { UserEntityListing } from '../genesys/types.js';
import { badRequest, notFound, okReply, type Reply } from './exchange.js';
import type { SandboxUser } from './fixture-types.js';
import type { UserIndex } from './user-index.js';
import { expandsOf, paginate, positiveInt, toApiUser } from './user-view.js';

const MAX_IDS = 100;
const DEFAULT_PAGE_SIZE = 25;
const MAX_PAGE_SIZE = 500;
const LIST_STATES = new Set(['active', 'inactive', 'deleted', 'any']);

/** `GET /api/v2/users`: by `id` (repeated or comma-separated), `state`, paged. */
export function listUsers(users: UserIndex, query: URLSearchParams): Reply {
  const ids = query
    .getAll('id')
    .flatMap((v) => v.split(','))
    .filter(Boolean);
  if (ids.length > MAX_IDS) {
    return badRequest(
      `At most ${MAX_IDS} ids may be asked for at once; got ${ids.length}.`,
    );
  }
  const state = query.get('state') ?? 'active';
  if (!LIST_STATES.has(state)) {
    return badRequest(`state must be one of ${[...LIST_STATES].join(', ')}.`);
  }
  const pageSize = positiveInt(query.get('pageSize'), DEFAULT_PAGE_SIZE);
  const pageNumber = positiveInt(query.get('pageNumber'), 1);
  if (Number.isNaN(pageSize) || pageSize > MAX_PAGE_SIZE || Number.isNaN(pageNumber)) {
    return badRequest(`pageSize must be 1 to ${MAX_PAGE_SIZE}; pageNumber at least 1.`);
  }

  const byId = ids.length === 0 ? users.all : users.withIds(ids);
  const wanted = byId.filter((u) => state === 'any' || u.state === state);
  const { page, total, pageCount } = paginate(wanted, pageSize, pageNumber);
  const expands = expandsOf(query);
  const listing: UserEntityListing = { pageSize, pageNumber, total, pageCount };
  listing.entities = page.map((u) => toApiUser(u, expands));
  return okReply(listing);
}

/**
 * `GET /api/v2/users/{id}`: active and inactive users by default; a deleted user only
 * with `state=deleted` (which, in the sandbox, also returns users in other states).
 */
export function getUser(user: SandboxUser | undefined, query: URLSearchParams): Reply {
  const state = query.get('state') ?? 'active';
  if (state !== 'active' && state !== 'deleted') {
    return badRequest('state must be active or deleted.');
  }
  if (!user || (user.state === 'deleted' && state !== 'deleted')) {
    return userNotFound();
  }
  return okReply(toApiUser(user, expandsOf(query)));
}

export function userNotFound(): Reply {
  return notFound('The user could not be found.');
}
