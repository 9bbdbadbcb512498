import type { RecordedRequest } from '../sandbox/org.js';

/** What a run sent to the API, as the sandbox recorded it. */
export interface Traffic {
  /** Requests to `/api/v2` (what the rate limit counts; the one token call is not). */
  readonly requests: number;
  /** Of those, answered 429. */
  readonly throttled: number;
  /** Requests by kind, e.g. `POST /api/v2/users/search`, `PATCH /api/v2/users/{id}`. */
  readonly byEndpoint: Readonly<Record<string, number>>;
  /** From the first request to the last, in milliseconds. */
  readonly busyMs: number;
}

const USER_ID_PATH = /^\/api\/v2\/users\/[^/]+$/;

/** Sums up the `/api/v2` requests among `recorded`. */
export function measureTraffic(recorded: readonly RecordedRequest[]): Traffic {
  const api = recorded.filter((r) => r.path.startsWith('/api/v2/'));
  const byEndpoint: Record<string, number> = {};
  for (const { method, path } of api) {
    const key = endpointOf(method, path);
    byEndpoint[key] = (byEndpoint[key] ?? 0) + 1;
  }
  const first = api[0]?.at ?? 0;
  const last = api.at(-1)?.at ?? first;
  return {
    requests: api.length,
    throttled: api.filter((r) => r.status === 429).length,
    byEndpoint,
    busyMs: last - first,
  };
}

/** `PATCH /api/v2/users/{id}` for any id; other paths as they are. */
export function endpointOf(method: string, path: string): string {
  const isUserPath = USER_ID_PATH.test(path) && path !== '/api/v2/users/search';
  return `${method} ${isUserPath ? '/api/v2/users/{id}' : path}`;
}

/**
 * How much of `ratePerMinute` the requests used while the run had work: the starts
 * between the first request and the last over the starts the rate allows in that time.
 * 1 means back to back at exactly the rate. Undefined for fewer than two requests.
 */
export function utilisation(traffic: Traffic, ratePerMinute: number): number | undefined {
  if (traffic.requests < 2 || traffic.busyMs <= 0) {
    return undefined;
  }
  const allowed = (traffic.busyMs * ratePerMinute) / 60_000;
  return (traffic.requests - 1) / allowed;
}
