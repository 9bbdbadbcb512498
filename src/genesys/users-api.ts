import { ApiError } from '../errors/api-error.js';
import type { Logger } from '../log/logger.js';
import type { ApiRequest, ApiResponse, GenesysClient } from './client.js';
import type {
  User,
  UserEntityListing,
  UserSearchRequest,
  UsersSearchResponse,
} from './types.js';

/** Most `values` one search criterion may carry. */
export const MAX_SEARCH_VALUES = 50;
/** Most ids one `GET /api/v2/users` may carry. */
export const MAX_IDS_PER_GET = 100;
const PAGE_SIZE = 100;
/** Search pages through at most 10,000 results: 100 pages of 100. */
const MAX_SEARCH_PAGES = 100;

/** Every state, sent explicitly: search leaves deleted users out by default. */
const ALL_STATES = ['active', 'inactive', 'deleted'];

export type UserStateFilter = 'active' | 'inactive' | 'deleted' | 'any';

/**
 * The users endpoints the job needs, each one request (search: one per page) through
 * the client. Ids are URI-encoded into paths. Each method returns the ApiResponse of its
 * last call, so the report can show its status, attempts and correlation id.
 */
export class UsersApi {
  constructor(private readonly client: GenesysClient) {}

  /**
   * Users in any state whose email is exactly one of `values` (at most 50: a
   * RangeError above that is the caller's bug). Pages through every result page.
   */
  async searchByEmails(
    values: readonly string[],
    log?: Logger,
  ): Promise<ApiResponse<User[]>> {
    assertCount('searchByEmails', values.length, MAX_SEARCH_VALUES);
    const users: User[] = [];
    for (let pageNumber = 1; ; pageNumber += 1) {
      const page = await this.searchPage(values, pageNumber, log);
      users.push(...(page.data.results ?? []));
      if (isLastPage(page.data, pageNumber)) {
        return { ...page, data: users };
      }
    }
  }

  /**
   * Up to 100 users by id in one call (a RangeError above that). `state` defaults to
   * `any` so that inactive and deleted users come back too (the API's own default is
   * `active`); ids that match no user are simply missing from the result.
   */
  async getMany(
    ids: readonly string[],
    opts: { expand?: string[]; state?: UserStateFilter } = {},
    log?: Logger,
  ): Promise<ApiResponse<User[]>> {
    assertCount('getMany', ids.length, MAX_IDS_PER_GET);
    const params: NonNullable<ApiRequest['params']> = {
      id: ids,
      state: opts.state ?? 'any',
      pageSize: PAGE_SIZE,
    };
    if (opts.expand !== undefined && opts.expand.length > 0) {
      params.expand = opts.expand;
    }
    const listing = await this.client.request<UserEntityListing>(
      { method: 'GET', path: '/api/v2/users', params },
      log,
    );
    return { ...listing, data: listing.data.entities ?? [] };
  }

  /**
   * One user, or `undefined` when there is none (404). A deleted user is only found
   * with `state: 'deleted'`.
   */
  async get(
    id: string,
    opts: { state?: 'deleted'; expand?: string[] } = {},
    log?: Logger,
  ): Promise<ApiResponse<User | undefined>> {
    const params: NonNullable<ApiRequest['params']> = {};
    if (opts.state !== undefined) {
      params.state = opts.state;
    }
    if (opts.expand !== undefined && opts.expand.length > 0) {
      params.expand = opts.expand;
    }
    try {
      return await this.client.request<User>(
        { method: 'GET', path: userPath(id), params },
        log,
      );
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        const { correlationId, attempts } = error.request;
        return { data: undefined, status: 404, correlationId, attempts };
      }
      throw error;
    }
  }

  /**
   * Deactivates (`inactive`) or restores (`active`) a user. `version` must be the
   * user's current one; a stale one fails with an ApiError whose `isVersionConflict`.
   */
  setState(
    id: string,
    state: 'active' | 'inactive',
    version: number,
    log?: Logger,
  ): Promise<ApiResponse<User>> {
    return this.client.request<User>(
      { method: 'PATCH', path: userPath(id), data: { state, version } },
      log,
    );
  }

  /** Deletes a user (Genesys answers 200 with `{}`); the id stays in history. */
  remove(id: string, log?: Logger): Promise<ApiResponse<unknown>> {
    return this.client.request<unknown>({ method: 'DELETE', path: userPath(id) }, log);
  }

  private searchPage(
    values: readonly string[],
    pageNumber: number,
    log?: Logger,
  ): Promise<ApiResponse<UsersSearchResponse>> {
    const body: UserSearchRequest = {
      pageSize: PAGE_SIZE,
      pageNumber,
      query: [
        { type: 'EXACT', fields: ['email'], values: [...values] },
        { type: 'EXACT', fields: ['state'], values: ALL_STATES },
      ],
    };
    return this.client.request<UsersSearchResponse>(
      { method: 'POST', path: '/api/v2/users/search', data: body },
      log,
    );
  }
}

/** A missing or odd pageCount, or an empty page, ends the paging too. */
function isLastPage(page: UsersSearchResponse, pageNumber: number): boolean {
  const { pageCount, results } = page;
  if (!Number.isInteger(pageCount) || results === undefined || results.length === 0) {
    return true;
  }
  return pageNumber >= Math.min(pageCount, MAX_SEARCH_PAGES);
}

function userPath(id: string): string {
  return `/api/v2/users/${encodeURIComponent(id)}`;
}

function assertCount(method: string, count: number, max: number): void {
  if (count < 1 || count > max) {
    throw new RangeError(`UsersApi.${method} takes 1 to ${max} values, got ${count}`);
  }
}
