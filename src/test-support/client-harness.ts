import { afterAll, afterEach, beforeAll } from '@jest/globals';
import { http, HttpResponse } from 'msw';
import { type SetupServer, setupServer } from 'msw/node';
import { Writable } from 'node:stream';
import type { Config } from '../config/config.js';
import { ApiError } from '../errors/api-error.js';
import { GenesysClient } from '../genesys/client.js';
import type { RetryPolicy } from '../genesys/retry-policy.js';
import { createLogger, type Logger } from '../log/logger.js';

/** Hosts that msw answers for the client tests; nothing leaves the process. */
export const API = 'https://api.example.test';
export const LOGIN = 'https://login.example.test';
export const USERS = `${API}/api/v2/users`;
export const GET_USERS = { method: 'GET', path: '/api/v2/users' } as const;

/** An msw server for the whole test file, reset between tests; unknown requests fail. */
export function useMswServer(): SetupServer {
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
  return server;
}

/** The token endpoint, issuing token-1-xyz, token-2-xyz, ...; counts the tokens. */
export function issueTokens(server: SetupServer): { count: number } {
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

/** GET /api/v2/users answering each call with the next response (the last repeats). */
export function answerInTurn(
  server: SetupServer,
  ...responses: (() => Response | Promise<Response>)[]
): { calls: number } {
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

export const ok = (): Response =>
  HttpResponse.json({ entities: [] }, { headers: { 'ININ-Correlation-Id': 'corr-ok' } });

export const status =
  (code: number, body: object = {}, headers: Record<string, string> = {}) =>
  (): Response =>
    HttpResponse.json(body, { status: code, headers });

/** A logger at debug that keeps its JSON lines for the test to read. */
export function captureLogs(): {
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

export interface ClientOptions {
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Values `random()` returns in turn; the last repeats. */
  random?: number[];
}

/** A client on a fake clock that the injected sleep advances; its logs are kept. */
export function makeClient(config: Config, opts: ClientOptions = {}) {
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

/** The ApiError a request fails with; throws when it succeeds or fails otherwise. */
export async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => new Error('expected the request to fail'),
    (caught: unknown) => caught,
  );
  if (!(error instanceof ApiError)) {
    throw error;
  }
  return error;
}

/** A client test file's msw server, and the helpers above bound to it and to `config`. */
export function useClientHarness(config: Config) {
  const server = useMswServer();
  return {
    server,
    issueTokens: () => issueTokens(server),
    answerInTurn: (...responses: (() => Response | Promise<Response>)[]) =>
      answerInTurn(server, ...responses),
    makeClient: (opts: ClientOptions = {}) => makeClient(config, opts),
  };
}
