import { describe, expect, it } from '@jest/globals';
import axios, { AxiosError } from 'axios';
import { http, HttpResponse } from 'msw';
import type { Config } from '../config/config.js';
import { ApiError } from '../errors/api-error.js';
import { AuthError } from '../errors/auth-error.js';
import { createLogger } from '../log/logger.js';
import { useMswServer } from '../test-support/client-harness.js';
import { TokenProvider } from './token.js';

const LOGIN = 'https://login.example.test';
const SECRET = 'sekrit-9c1f';
const config: Config = {
  apiUrl: 'https://api.example.test',
  loginUrl: LOGIN,
  clientId: 'client-7',
  clientSecret: SECRET,
};
const logger = createLogger({ level: 'silent' });

const server = useMswServer();

interface TokenRequest {
  authorization: string | null;
  contentType: string | null;
  body: string;
}

/** The token endpoint, answering token-1, token-2, ... valid for `expiresIn` seconds. */
function issueTokens(expiresIn = 3600): TokenRequest[] {
  const received: TokenRequest[] = [];
  server.use(
    http.post(`${LOGIN}/oauth/token`, async ({ request }) => {
      received.push({
        authorization: request.headers.get('authorization'),
        contentType: request.headers.get('content-type'),
        body: await request.text(),
      });
      const access_token = `token-${received.length}`;
      return HttpResponse.json({
        access_token,
        token_type: 'bearer',
        expires_in: expiresIn,
      });
    }),
  );
  return received;
}

function provider(clock: { now: number }): TokenProvider {
  return new TokenProvider({ config, logger, now: () => clock.now });
}

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

describe('TokenProvider', () => {
  it('asks the login host with Basic client credentials and a client_credentials form', async () => {
    const received = issueTokens();

    await expect(provider({ now: 0 }).get()).resolves.toBe('token-1');

    const basic = Buffer.from(`client-7:${SECRET}`).toString('base64');
    expect(received).toEqual([
      {
        authorization: `Basic ${basic}`,
        contentType: 'application/x-www-form-urlencoded',
        body: 'grant_type=client_credentials',
      },
    ]);
  });

  it('reuses the cached token until shortly before it expires', async () => {
    const received = issueTokens(3600);
    const clock = { now: 1_000_000 };
    const tokens = provider(clock);

    await tokens.get();
    clock.now += 3_539_000; // 61 s before expiry: still outside the 60 s margin
    await expect(tokens.get()).resolves.toBe('token-1');
    clock.now += 1_000; // 60 s before expiry
    await expect(tokens.get()).resolves.toBe('token-2');

    expect(received).toHaveLength(2);
  });

  it('renews a short-lived token at 10% of its lifetime before expiry', async () => {
    issueTokens(300); // margin min(60 s, 30 s) = 30 s
    const clock = { now: 0 };
    const tokens = provider(clock);

    await tokens.get();
    clock.now = 269_999;
    await expect(tokens.get()).resolves.toBe('token-1');
    clock.now = 270_000;
    await expect(tokens.get()).resolves.toBe('token-2');
  });

  it('shares one in-flight request among concurrent callers', async () => {
    const received = issueTokens();
    const tokens = provider({ now: 0 });

    const all = await Promise.all([tokens.get(), tokens.get(), tokens.get()]);

    expect(all).toEqual(['token-1', 'token-1', 'token-1']);
    expect(received).toHaveLength(1);
  });

  it('fetches a new token after the current one is invalidated, not after a stale one', async () => {
    const received = issueTokens();
    const tokens = provider({ now: 0 });

    await tokens.get();
    tokens.invalidate('token-1');
    await expect(tokens.get()).resolves.toBe('token-2');
    tokens.invalidate('token-1'); // a late 401 for the old token keeps the new one
    await expect(tokens.get()).resolves.toBe('token-2');

    expect(received).toHaveLength(2);
  });

  it('raises AuthError naming the variables and the OAuth code, never the secret', async () => {
    server.use(
      http.post(`${LOGIN}/oauth/token`, () =>
        HttpResponse.json(
          { error: 'invalid_client', description: 'bad', error_description: 'bad' },
          { status: 401 },
        ),
      ),
    );

    const error = await failureOf(provider({ now: 0 }).get());

    expect(error).toBeInstanceOf(AuthError);
    const auth = error as AuthError;
    expect(auth.exitCode).toBe(2);
    expect(auth.code).toBe('AUTH');
    expect(auth.message).toMatch(/invalid_client/);
    expect(auth.message).toMatch(/GENESYS_CLOUD_CLIENT_ID.*GENESYS_CLOUD_CLIENT_SECRET/);
    expect(JSON.stringify({ m: auth.message, c: auth.context })).not.toContain(SECRET);
  });

  it('raises ApiError, not AuthError, when the login host cannot be reached', async () => {
    server.use(http.post(`${LOGIN}/oauth/token`, () => HttpResponse.error()));

    const error = await failureOf(provider({ now: 0 }).get());

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).request).toMatchObject({
      method: 'POST',
      path: '/oauth/token',
    });
    expect((error as ApiError).status).toBeUndefined();
  });

  it.each([
    ['ECONNRESET', true],
    ['ENOTFOUND', false],
  ])('marks a %s reaching the login host as transient: %s', async (code, transient) => {
    const unreachable = axios.create({
      adapter: () => Promise.reject(new AxiosError(`connect ${code} login`, code)),
    });
    const tokens = new TokenProvider({ config, logger, http: unreachable });

    const error = await failureOf(tokens.get());

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe(`POST /oauth/token failed: ${code}`);
    expect((error as ApiError).cause).toMatchObject({ code, transient });
  });

  it('raises ApiError with the status when the login host fails', async () => {
    server.use(
      http.post(`${LOGIN}/oauth/token`, () => new HttpResponse(null, { status: 503 })),
    );

    const error = await failureOf(provider({ now: 0 }).get());

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(503);
  });
});
