import type { Reply } from './exchange.js';
import { queryConversations } from './conversations-query.js';
import { readProfile } from './profile-read.js';
import type { Route } from './router.js';
import { searchUsers } from './search.js';
import type { UserIndex } from './user-index.js';
import { getUser, listUsers } from './users-read.js';
import { deleteUser, patchUser, type WriteTarget } from './users-write.js';

export interface ApiCall {
  route: Route;
  query: URLSearchParams;
  body: unknown;
  /** The org's users, by id and email too: a large org must not be scanned per call. */
  users: UserIndex;
  /** Finds a write's target; called only for writes, as it may simulate an edit. */
  target: (id: string) => WriteTarget;
}

/** Runs an authorised `/api/v2` call; undefined when no endpoint matched. */
export function dispatchApi({
  route,
  query,
  body,
  users,
  target,
}: ApiCall): Reply | undefined {
  switch (route.name) {
    case 'search':
      return searchUsers(users, body);
    case 'list':
      return listUsers(users, query);
    case 'get':
      return getUser(users.byId(route.id), query);
    case 'patch':
      return patchUser(target(route.id), body);
    case 'delete':
      return deleteUser(target(route.id));
    case 'conversations-query':
      return queryConversations(body);
    case 'user-queues':
    case 'user-directreports':
    case 'authorization-subject':
      return readProfile(route, users, query);
    default:
      return undefined;
  }
}
