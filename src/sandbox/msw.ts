import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type { SandboxRequest } from './exchange.js';
import type { FakeOrg } from './org.js';

/**
 * msw handlers that answer every request under `baseUrl` from the fake org, for unit
 * tests. A `reset` or `hang` fault becomes a network error (msw cannot hold a request
 * open without holding the test open too). Latency comes from the org's fault options.
 */
export function sandboxHandlers(org: FakeOrg, baseUrl: string): HttpHandler[] {
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  const latencyMs = org.faults.latencyMs ?? 0;

  const handler = http.all(`${base.origin}${prefix}/*`, async ({ request }) => {
    const sandboxRequest = await toSandboxRequest(request, prefix);
    if (latencyMs > 0) {
      await delay(latencyMs);
    }
    const response = org.handle(sandboxRequest);
    if (response.fault) {
      return HttpResponse.error();
    }
    const text = response.body === undefined ? null : JSON.stringify(response.body);
    return new HttpResponse(text, { status: response.status, headers: response.headers });
  });
  return [handler];
}

async function toSandboxRequest(
  request: Request,
  prefix: string,
): Promise<SandboxRequest> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  const text = await request.text();
  return {
    method: request.method,
    path: url.pathname.slice(prefix.length) || '/',
    query: url.searchParams,
    headers,
    body: text === '' ? undefined : text,
  };
}
