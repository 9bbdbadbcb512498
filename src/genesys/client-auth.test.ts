import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { Writable } from 'node:stream';
import { inspect } from 'node:util';
import type { Config } from '../config/config.js';
import { ApiError } from '../errors/api-error.js';
import { AuthError } from '../errors/auth-error.js';
import { createLogger, type Logger } from '../log/logger.js';
import { GenesysClient } from './client.js';
import type { RetryPolicy } from './retry-policy.js';

const API = 'https://api.example.test';
const LOGIN = 'https://login.example.test';
const SECRET = 'client-secret-5f2a';
const config: Config = {
  apiUrl: API,
  loginUrl: LOGIN,
  clientId: 'client-1',
  clientSecret: SECRET,
};
const USERS = `${API}/api/v2/users`;

const server = setupServer();
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  server.resetHandlers();
});
afterAll(() => {
  server.close();
});

/** The token endpoint: token-1-xyz, token-2-xyz, ... */
function issueTokens(): { count: number } {
  const issued = { count: 0 };
  server.use(
    http.post(`${LOGIN}/oauth/token`, () => {
      issued.count += 1;
      const access_token = `token-${issued.count}-xyz`;
      return HttpResponse.json({ access_token, token_type: 'bearer', expires_in: 86400 });
    }),
  );
  return issued;
}

/** GET /api/v2/users answering each call with the next response; counts the calls. */
function answerInTurn(...responses: (() => Response | Promise<Response>)[]): {
  calls: number;
} {
  const seen = { calls: 0 };
  server.use(
    http.get(USERS, () => {
      const next = responses[Math.min(seen.calls, responses.length - 1)]!;
      seen.calls += 1;
      return next();
    }),
  );
  return seen;
}

function captureLogs(): {
  logger: Logger;
  text: () => string;
  lines: () => Record<string, unknown>[];
} {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const text = (): string => chunks.join('');
  const lines = (): Record<string, unknown>[] =>
    text()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger: createLogger({ level: 'debug', destination: stream }), text, lines };
}

/** A client on a fake clock that the injected sleep advances; random draws in turn. */
function makeClient(
  opts: { timeoutMs?: number; retry?: Partial<RetryPolicy>; random?: number[] } = {},
) {
  const clock = { now: Date.parse('2026-01-05T10:00:00Z') };
  const slept: number[] = [];
  const draws = [...(opts.random ?? [0.5])];
  const logs = captureLogs();
  const client = new GenesysClient({
    config,
    ratePerMinute: 60_000,
    logger: logs.logger,
    now: () => clock.now,
    sleep: (ms) => {
      slept.push(ms);
      clock.now += ms;
      return Promise.resolve();
    },
    random: () => (draws.length > 1 ? draws.shift()! : draws[0]!),
    ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }),
    ...(opts.retry === undefined ? {} : { retry: opts.retry }),
  });
  return { client, slept, logs, clock };
}

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => new Error('expected the request to fail'),
    (caught: unknown) => caught,
  );
  if (!(error instanceof ApiError)) {
    throw error;
  }
  return error;
}

const ok = (): Response =>
  HttpResponse.json({ entities: [] }, { headers: { 'ININ-Correlation-Id': 'corr-ok' } });
const status =
  (code: number, body: object = {}, headers: Record<string, string> = {}) =>
  (): Response =>
    HttpResponse.json(body, { status: code, headers });
const get = { method: 'GET', path: '/api/v2/users' } as const;

describe('GenesysClient authentication and safety', () => {
  it('sends the bearer token and repeated query keys, and returns the correlation id', async () => {
    issueTokens();
    let seen: { url: string; auth: string | null } | undefined;
    server.use(
      http.get(USERS, ({ request }) => {
        seen = { url: request.url, auth: request.headers.get('authorization') };
        return ok();
      }),
    );
    const { client } = makeClient();

    const response = await client.request({
      ...get,
      params: { id: ['a', 'b'], pageSize: 100 },
    });

    expect(seen).toEqual({
      url: `${USERS}?id=a&id=b&pageSize=100`,
      auth: 'Bearer token-1-xyz',
    });
    expect(response).toEqual({
      data: { entities: [] },
      status: 200,
      correlationId: 'corr-ok',
      attempts: 1,
    });
    await client.close();
  });

  it('fetches a new token on a 401 and tries once more', async () => {
    const issued = issueTokens();
    const auths: (string | null)[] = [];
    server.use(
      http.get(USERS, ({ request }) => {
        auths.push(request.headers.get('authorization'));
        return auths.length === 1 ? status(401)() : ok();
      }),
    );
    const { client, slept } = makeClient();

    const response = await client.request(get);

    expect(auths).toEqual(['Bearer token-1-xyz', 'Bearer token-2-xyz']);
    expect(issued.count).toBe(2);
    expect(slept).toEqual([]);
    expect(response.attempts).toBe(2);
    await client.close();
  });

  it('fails with the 401 when the new token is refused too', async () => {
    const issued = issueTokens();
    const seen = answerInTurn(status(401, { code: 'bad.credentials', message: 'no' }));
    const { client } = makeClient();

    const error = await failureOf(client.request(get));

    expect(seen.calls).toBe(2);
    expect(issued.count).toBe(2);
    expect(error.request).toMatchObject({ status: 401, attempts: 2 });
    await client.close();
  });

  it('retries when the login host fails transiently, without counting API requests', async () => {
    let tokenCalls = 0;
    server.use(
      http.post(`${LOGIN}/oauth/token`, () => {
        tokenCalls += 1;
        return tokenCalls === 1
          ? new HttpResponse(null, { status: 503 })
          : HttpResponse.json({
              access_token: 'token-ok',
              token_type: 'bearer',
              expires_in: 600,
            });
      }),
    );
    const seen = answerInTurn(ok);
    const { client, slept } = makeClient();

    const response = await client.request(get);

    expect(tokenCalls).toBe(2);
    expect(slept).toHaveLength(1);
    expect(seen.calls).toBe(1);
    expect(response.attempts).toBe(2);
    expect(client.stats.requests).toBe(1);
    await client.close();
  });

  it('stops at once with AuthError when the login host refuses the client', async () => {
    server.use(
      http.post(`${LOGIN}/oauth/token`, () =>
        HttpResponse.json({ error: 'invalid_client' }, { status: 400 }),
      ),
    );
    const seen = answerInTurn(ok);
    const { client, slept } = makeClient();

    await expect(client.request(get)).rejects.toThrow(AuthError);
    expect(seen.calls).toBe(0);
    expect(slept).toEqual([]);
    await client.close();
  });

  it('logs each retry at warn with attempt n of m and the delay', async () => {
    issueTokens();
    answerInTurn(status(503), ok);
    const { client, logs } = makeClient({ retry: { maxAttempts: 3 } });

    await client.request(get);

    const warnings = logs.lines().filter((line) => line.level === 40);
    expect(warnings).toEqual([
      expect.objectContaining({
        msg: 'retrying GET /api/v2/users (attempt 2 of 3)',
        method: 'GET',
        path: '/api/v2/users',
        status: 503,
        attempt: 2,
        maxAttempts: 3,
        delayMs: 375,
      }),
    ]);
    await client.close();
  });

  it('lets no token or secret into a log line or an error, whatever fails', async () => {
    issueTokens();
    answerInTurn(status(401), status(503), () => HttpResponse.error());
    const { client, logs } = makeClient({ retry: { maxAttempts: 3 } });

    const error = await failureOf(client.request(get));
    logs.logger.error({ err: error }, 'row failed');
    logs.logger.error({ err: error.cause }, 'cause');

    // what a log, a JSON dump and an uncaught-error print would show
    const dumps = [
      JSON.stringify(error),
      JSON.stringify(error.cause),
      inspect(error, { depth: 9 }),
    ];
    const text = logs.text() + dumps.join('\n');
    expect(logs.lines().length).toBeGreaterThan(5);
    expect(text).not.toMatch(/token-\d-xyz|client-secret|Bearer|Basic/);
    await client.close();
  });

  it('refuses a path that is not relative to the API host', async () => {
    const { client } = makeClient();

    await expect(
      client.request({ method: 'GET', path: 'https://evil.example/x' }),
    ).rejects.toThrow(RangeError);
    await expect(
      client.request({ method: 'GET', path: '//evil.example/x' }),
    ).rejects.toThrow(RangeError);
    await client.close();
  });
});
