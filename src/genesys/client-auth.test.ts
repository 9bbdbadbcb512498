import { describe, expect, it } from '@jest/globals';
import { http, HttpResponse } from 'msw';
import { inspect } from 'node:util';
import type { Config } from '../config/config.js';
import { AuthError } from '../errors/auth-error.js';
import {
  API,
  failureOf,
  GET_USERS,
  LOGIN,
  ok,
  status,
  USERS,
  useClientHarness,
} from '../test-support/client-harness.js';

const SECRET = 'client-secret-5f2a';
const config: Config = {
  apiUrl: API,
  loginUrl: LOGIN,
  clientId: 'client-1',
  clientSecret: SECRET,
};
const { server, issueTokens, answerInTurn, makeClient } = useClientHarness(config);
const get = GET_USERS;

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
