import type { User } from '../genesys/types.js';
import type { SandboxNamedRef, SandboxUser } from './fixture-types.js';

/** The `expand` values of a query: comma-separated, repeated, or both. */
export function expandsOf(query: URLSearchParams): Set<string> {
  const values = query.getAll('expand').flatMap((v) => v.split(','));
  return new Set(values.map((v) => v.trim()).filter(Boolean));
}

/** A group on a user with `expand=groups`: the SDK's `Group`, of which we send the ref. */
export interface ApiGroupRef {
  id: string;
  name: string;
  selfUri: string;
}

/**
 * A stored user as the API returns it: no `sandbox` or `memberships` key, `groups` only
 * with `expand=groups`, and a `conversationSummary` only when it was expanded, the user
 * has one and is not set to omit it (expands are best effort: a missing summary means
 * unknown, never zero).
 */
export function toApiUser(
  user: SandboxUser,
  expands: ReadonlySet<string> = new Set(),
): User & { groups?: ApiGroupRef[] } {
  const { sandbox, conversationSummary, memberships, ...fields } = user;
  const view: User & { groups?: ApiGroupRef[] } = {
    ...structuredClone(fields),
    selfUri: `/api/v2/users/${user.id}`,
  };
  if (expands.has('groups')) {
    view.groups = groupRefs(memberships?.groups);
  }
  const wantsSummary = expands.has('conversationSummary');
  if (wantsSummary && conversationSummary && !sandbox?.omitConversationSummary) {
    view.conversationSummary = {
      ...structuredClone(conversationSummary),
      userId: user.id,
    };
  }
  return view;
}

function groupRefs(groups: readonly SandboxNamedRef[] = []): ApiGroupRef[] {
  return groups.map(({ id, name }) => ({ id, name, selfUri: `/api/v2/groups/${id}` }));
}

/** One page of a list, 1-based, with the total and the page count. */
export function paginate<T>(
  items: readonly T[],
  pageSize: number,
  pageNumber: number,
): { page: T[]; total: number; pageCount: number } {
  const start = (pageNumber - 1) * pageSize;
  const page = items.slice(start, start + pageSize);
  return { page, total: items.length, pageCount: Math.ceil(items.length / pageSize) };
}

/** A positive integer query or body value, the default when absent, NaN when malformed. */
export function positiveInt(raw: unknown, fallback: number): number {
  if (raw === undefined || raw === null || raw === '') {
    return fallback;
  }
  const n = typeof raw === 'number' ? raw : Number(raw);
  return Number.isInteger(n) && n >= 1 ? n : Number.NaN;
}
