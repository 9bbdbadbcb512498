import { badRequest, okReply, type Reply } from './exchange.js';
import type { SandboxGrant, SandboxNamedRef, SandboxUser } from './fixture-types.js';
import type { ProfileRoute } from './router.js';
import type { UserIndex } from './user-index.js';
import { userNotFound } from './users-read.js';
import { expandsOf, paginate, positiveInt, toApiUser } from './user-view.js';

const DEFAULT_PAGE_SIZE = 25;
/**
 * The SDK documents no maximum for the queues page size; the sandbox refuses more than
 * 100, the page size the job sends, so that a client asking for more is noticed here.
 */
const MAX_QUEUE_PAGE_SIZE = 100;

/**
 * The profile endpoints a full snapshot reads, for a user who exists and is not deleted
 * (otherwise 404, as `GET /api/v2/users/{id}` answers by default):
 * `GET /api/v2/users/{id}/queues`, `GET /api/v2/users/{id}/directreports` and
 * `GET /api/v2/authorization/subjects/{id}`. The sandbox knows no groups as subjects.
 */
export function readProfile(
  route: ProfileRoute,
  users: UserIndex,
  query: URLSearchParams,
): Reply {
  const user = users.byId(route.id);
  if (!user || user.state === 'deleted') {
    return userNotFound();
  }
  switch (route.name) {
    case 'user-queues':
      return userQueues(user, query);
    case 'user-directreports':
      return directReports(users.all, user, query);
    case 'authorization-subject':
      return authorizationSubject(user, query);
  }
}

/**
 * A `UserQueueEntityListing`, paged. `joined` and `divisionId` are not modelled: every
 * queue of the user is listed, each with its `joined` flag.
 */
function userQueues(user: SandboxUser, query: URLSearchParams): Reply {
  const pageSize = positiveInt(query.get('pageSize'), DEFAULT_PAGE_SIZE);
  const pageNumber = positiveInt(query.get('pageNumber'), 1);
  if (
    Number.isNaN(pageSize) ||
    pageSize > MAX_QUEUE_PAGE_SIZE ||
    Number.isNaN(pageNumber)
  ) {
    return badRequest(
      `pageSize must be 1 to ${MAX_QUEUE_PAGE_SIZE}; pageNumber at least 1.`,
    );
  }

  const queues = (user.memberships?.queues ?? []).map(({ id, name, joined }) => ({
    id,
    name,
    joined: joined ?? true,
    selfUri: `/api/v2/routing/queues/${id}`,
  }));
  const { page, total, pageCount } = paginate(queues, pageSize, pageNumber);
  return okReply({ entities: page, pageSize, pageNumber, total, pageCount });
}

/** A plain `User[]` (no listing, no paging): the users whose manager is this user. */
function directReports(
  users: readonly SandboxUser[],
  manager: SandboxUser,
  query: URLSearchParams,
): Reply {
  const expands = expandsOf(query);
  const reports = users.filter(
    (u) => u.manager?.id === manager.id && u.state !== 'deleted',
  );
  return okReply(reports.map((u) => toApiUser(u, expands)));
}

/**
 * An `AuthzSubject`: the user's grants, each with the `subjectId` it belongs to (the
 * user, or the group it comes through). Without `includeDuplicates=true` only the first
 * grant of each role and division is listed, whichever subject holds it.
 */
function authorizationSubject(user: SandboxUser, query: URLSearchParams): Reply {
  const all = (user.memberships?.grants ?? []).map((grant) => toAuthzGrant(user, grant));
  const grants =
    query.get('includeDuplicates') === 'true' ? all : firstOfEachRoleDivision(all);
  return okReply({
    id: user.id,
    name: user.name,
    grants,
    version: 1,
    selfUri: `/api/v2/authorization/subjects/${user.id}`,
  });
}

interface AuthzGrantView {
  subjectId: string;
  role: SandboxNamedRef;
  division: SandboxNamedRef;
}

function toAuthzGrant(user: SandboxUser, grant: SandboxGrant): AuthzGrantView {
  const { role, division, viaGroup } = grant;
  return { subjectId: viaGroup ?? user.id, role: { ...role }, division: { ...division } };
}

function firstOfEachRoleDivision(grants: readonly AuthzGrantView[]): AuthzGrantView[] {
  const seen = new Set<string>();
  return grants.filter(({ role, division }) => {
    const key = `${role.id}/${division.id}`;
    const first = !seen.has(key);
    seen.add(key);
    return first;
  });
}
