import { errorReply, type Reply } from './exchange.js';

/** The endpoints the fake org answers, matched from method and path. */
export type Route =
  | { name: 'token' }
  | { name: 'search' }
  | { name: 'list' }
  | { name: 'conversations-query' }
  | { name: 'get' | 'patch' | 'delete'; id: string }
  | ProfileRoute
  | { name: 'method-not-allowed' }
  | { name: 'unknown' };

/** The read-only endpoints a full snapshot records about a user, besides the user. */
export interface ProfileRoute {
  name: 'user-queues' | 'user-directreports' | 'authorization-subject';
  id: string;
}

const USER_PATH = /^\/api\/v2\/users\/([^/]+)$/;
const CONVERSATIONS_QUERY_PATH = '/api/v2/analytics/conversations/details/query';
const USER_PART_PATH = /^\/api\/v2\/users\/([^/]+)\/(queues|directreports)$/;
const SUBJECT_PATH = /^\/api\/v2\/authorization\/subjects\/([^/]+)$/;

export function matchRoute(method: string, rawPath: string): Route {
  const path = rawPath.length > 1 ? rawPath.replace(/\/+$/, '') : rawPath;
  const verb = method.toUpperCase();
  if (path === '/oauth/token') {
    return verb === 'POST' ? { name: 'token' } : { name: 'method-not-allowed' };
  }
  if (path === '/api/v2/users/search') {
    return verb === 'POST' ? { name: 'search' } : { name: 'method-not-allowed' };
  }
  if (path === '/api/v2/users') {
    return verb === 'GET' ? { name: 'list' } : { name: 'method-not-allowed' };
  }
  if (path === CONVERSATIONS_QUERY_PATH) {
    const name = verb === 'POST' ? 'conversations-query' : 'method-not-allowed';
    return { name };
  }

  const profileRoute = matchProfileRoute(path);
  if (profileRoute) {
    return verb === 'GET' ? profileRoute : { name: 'method-not-allowed' };
  }

  const id = USER_PATH.exec(path)?.[1];
  if (id === undefined) {
    return { name: 'unknown' };
  }
  const byVerb = { GET: 'get', PATCH: 'patch', DELETE: 'delete' } as const;
  const name = verb in byVerb ? byVerb[verb as keyof typeof byVerb] : undefined;
  return name ? { name, id: safeDecode(id) } : { name: 'method-not-allowed' };
}

function matchProfileRoute(path: string): ProfileRoute | undefined {
  const [, userId, part] = USER_PART_PATH.exec(path) ?? [];
  if (userId !== undefined) {
    const name = part === 'queues' ? 'user-queues' : 'user-directreports';
    return { name, id: safeDecode(userId) };
  }
  const subjectId = SUBJECT_PATH.exec(path)?.[1];
  return subjectId === undefined
    ? undefined
    : { name: 'authorization-subject', id: safeDecode(subjectId) };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** 405 for a known path with the wrong method, 404 for anything else. */
export function routeErrorReply(route: Route, path: string): Reply {
  if (route.name === 'method-not-allowed') {
    return errorReply(
      405,
      'method.not.allowed',
      `That method is not allowed on ${path}.`,
    );
  }
  return errorReply(404, 'not.found', `No sandbox endpoint at ${path}.`);
}
