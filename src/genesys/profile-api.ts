import type { Logger } from '../log/logger.js';
import type { ApiResponse, GenesysClient } from './client.js';
import { toDirectReports, toNamedRefs, toRoles } from './profile-extras.js';
import type {
  AuthzSubject,
  NamedRef,
  ProfileExtras,
  UserQueueEntityListing,
  UserWithGroups,
} from './profile-types.js';
import type { User } from './types.js';

export type { NamedRef, ProfileExtras } from './profile-types.js';

/** Queues asked for per page: the SDK states no maximum, and 100 is what users-api asks. */
export const QUEUE_PAGE_SIZE = 100;
/**
 * Queue pages read at most (10,000 queues): a guard against a server that keeps
 * answering full pages without a `pageCount`, not a limit any real user reaches.
 */
const MAX_QUEUE_PAGES = 100;

/**
 * Reads what a full snapshot records about a user besides the profile: queues, groups,
 * roles and direct reports, because deactivation strips roles and a restore does not
 * bring them back.
 *
 * Cost: 4 requests a user, one after the other, plus one for every further 100 queues
 * (3 + ceil(queues / 100), at least 4), retries not counted. At the default limit of
 * 300 requests a minute that is about 75 users a minute for snapshots alone.
 *
 * Endpoints, checked against the official SDKs and the Terraform provider:
 * - `GET /api/v2/users/{id}/queues?pageSize=100&pageNumber=n`: `UserQueueEntityListing`
 *   (python SDK `get_user_queues`, javascript `UsersApi.getUserQueues`). `joined` is not
 *   sent: the SDK documents its default as true, so queues the user is a member of but
 *   not joined to may be left out [inferred; not verified against a real org].
 * - `GET /api/v2/users/{id}?expand=groups`: `User.groups` is `Group[]` in the SDK model.
 * - `GET /api/v2/authorization/subjects/{id}?includeDuplicates=true`: `AuthzSubject`
 *   whose `grants[]` are `AuthzGrant` {subjectId, role, division} (python and javascript
 *   `getAuthorizationSubject`). Terraform's user_roles asks with includeDuplicates=true
 *   and keeps grants whose subjectId is the user; so does this (see `toRoles`).
 * - `GET /api/v2/users/{id}/directreports`: a plain `User[]`, not a listing and not
 *   paged (python `get_user_directreports` returns `list[User]`).
 */
export class ProfileApi {
  constructor(private readonly client: GenesysClient) {}

  /**
   * The user's queues, groups, own roles and direct reports. Any failed call throws its
   * ApiError (a user that does not exist: 404) and the calls after it are not made. The
   * ApiResponse is that of the last call, as in UsersApi.
   */
  async fullProfile(userId: string, log?: Logger): Promise<ApiResponse<ProfileExtras>> {
    const path = `/api/v2/users/${encodeURIComponent(userId)}`;
    const queues = await this.queues(path, log);
    const user = await this.get<UserWithGroups>(path, { expand: ['groups'] }, log);
    const subject = await this.get<AuthzSubject>(
      `/api/v2/authorization/subjects/${encodeURIComponent(userId)}`,
      { includeDuplicates: 'true' },
      log,
    );
    const reports = await this.get<unknown>(`${path}/directreports`, {}, log);

    const data: ProfileExtras = {
      queues,
      groups: toNamedRefs(user.data.groups),
      roles: toRoles(subject.data.grants, userId),
      directReports: toDirectReports(asUsers(reports.data)),
    };
    return { ...reports, data };
  }

  private async queues(userPath: string, log?: Logger): Promise<NamedRef[]> {
    const queues: NamedRef[] = [];
    for (let pageNumber = 1; ; pageNumber += 1) {
      const params = { pageSize: QUEUE_PAGE_SIZE, pageNumber };
      const page = await this.get<UserQueueEntityListing>(
        `${userPath}/queues`,
        params,
        log,
      );
      const entities = page.data.entities ?? [];
      queues.push(...toNamedRefs(entities));
      if (isLastQueuePage(page.data, pageNumber, entities.length)) {
        return queues;
      }
    }
  }

  private get<T>(
    path: string,
    params: Record<string, string | number | readonly string[]>,
    log?: Logger,
  ): Promise<ApiResponse<T>> {
    return this.client.request<T>({ method: 'GET', path, params }, log);
  }
}

/**
 * The last page: an empty one, the `pageCount`-th, or (with no usable `pageCount`) a
 * short one; and never past MAX_QUEUE_PAGES.
 */
function isLastQueuePage(
  page: UserQueueEntityListing,
  pageNumber: number,
  count: number,
): boolean {
  if (count === 0 || pageNumber >= MAX_QUEUE_PAGES) {
    return true;
  }
  const { pageCount } = page;
  return Number.isInteger(pageCount)
    ? pageNumber >= (pageCount ?? 0)
    : count < QUEUE_PAGE_SIZE;
}

/** Direct reports are documented as a plain array; anything else records none. */
function asUsers(data: unknown): User[] {
  return Array.isArray(data) ? (data as User[]) : [];
}
