import { describe, expect, it } from '@jest/globals';
import { delay, HttpResponse } from 'msw';
import type { Config } from '../config/config.js';
import { createLogger } from '../log/logger.js';
import { GenesysClient } from './client.js';
import {
  API,
  failureOf,
  GET_USERS,
  LOGIN,
  ok,
  status,
  useClientHarness,
} from '../test-support/client-harness.js';

const config: Config = {
  apiUrl: API,
  loginUrl: LOGIN,
  clientId: 'id',
  clientSecret: 'secret',
};
const { issueTokens, answerInTurn, makeClient } = useClientHarness(config);
const get = GET_USERS;

describe('GenesysClient', () => {
  it('retries a 429 after the Retry-After seconds, holding every request off', async () => {
    issueTokens();
    const seen = answerInTurn(
      status(429, { code: 'too.many.requests' }, { 'Retry-After': '7' }),
      ok,
    );
    const { client, slept } = makeClient();

    const response = await client.request(get);

    expect(slept).toEqual([7000]);
    expect(response.attempts).toBe(2);
    expect(seen.calls).toBe(2);
    expect(client.stats).toEqual({
      requests: 2,
      retries: 1,
      throttled: 1,
      byStatus: { '429': 1, '200': 1 },
    });
    await client.close();
  });

  it('holds every other request off until the throttled one has waited', async () => {
    issueTokens();
    const seen = answerInTurn(status(429, {}, { 'Retry-After': '5' }), ok);
    let startWait: (end: () => void) => void = () => undefined;
    const waiting = new Promise<() => void>((resolve) => {
      startWait = resolve;
    });
    const client = new GenesysClient({
      config,
      ratePerMinute: 60_000,
      logger: createLogger({ level: 'silent' }),
      sleep: () =>
        new Promise<void>((end) => {
          startWait(end);
        }),
    });

    const first = client.request(get);
    const endWait = await waiting;
    const second = client.request(get);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen.calls).toBe(1);

    endWait();
    await Promise.all([first, second]);
    expect(seen.calls).toBe(3);
    await client.close();
  });

  it('honours a Retry-After given as an HTTP date', async () => {
    issueTokens();
    answerInTurn(status(429, {}, { 'Retry-After': 'Mon, 05 Jan 2026 10:00:12 GMT' }), ok);
    const { client, slept } = makeClient();

    await client.request(get);

    expect(slept).toEqual([12_000]);
    await client.close();
  });

  it('gives up at once when Retry-After is longer than maxRetryAfterMs', async () => {
    issueTokens();
    const seen = answerInTurn(
      status(429, { code: 'too.many.requests' }, { 'Retry-After': '600' }),
    );
    const { client, slept } = makeClient();

    const error = await failureOf(client.request(get));

    expect(slept).toEqual([]);
    expect(seen.calls).toBe(1);
    expect(error.status).toBe(429);
    expect(error.message).toMatch(/Retry-After 600 s is over the 180 s limit/);
    await client.close();
  });

  it('retries 502, 503, 504 and a connection reset with jittered exponential backoff', async () => {
    issueTokens();
    const seen = answerInTurn(
      status(502),
      status(503),
      () => HttpResponse.error(),
      status(504),
      ok,
    );
    const { client, slept } = makeClient({ random: [0.1, 0.9, 0.5, 0] });

    const response = await client.request(get);

    // equal jitter: ceiling/2 + random * ceiling/2 with ceilings 500, 1000, 2000, 4000
    expect(slept).toEqual([275, 950, 1500, 2000]);
    expect(response.attempts).toBe(5);
    expect(seen.calls).toBe(5);
    expect(client.stats.byStatus).toEqual({
      '502': 1,
      '503': 1,
      network: 1,
      '504': 1,
      '200': 1,
    });
    await client.close();
  });

  it('gives up after maxAttempts and says how many attempts were made', async () => {
    issueTokens();
    const seen = answerInTurn(
      status(
        503,
        { code: 'service.unavailable', message: 'try later' },
        {
          'ININ-Correlation-Id': 'corr-503',
        },
      ),
    );
    const { client, slept } = makeClient({ retry: { maxAttempts: 4 } });

    const error = await failureOf(client.request(get));

    expect(seen.calls).toBe(4);
    expect(slept).toHaveLength(3);
    expect(error.message).toBe(
      'GET /api/v2/users failed: 503 service.unavailable: try later',
    );
    expect(error.request).toEqual({
      method: 'GET',
      path: '/api/v2/users',
      status: 503,
      genesysCode: 'service.unavailable',
      correlationId: 'corr-503',
      attempts: 4,
    });
    await client.close();
  });

  it.each([400, 403, 404, 409, 500, 501])('never retries a %i', async (code) => {
    issueTokens();
    const seen = answerInTurn(
      status(
        code,
        { code: 'some.code', message: 'refused' },
        { 'inin-correlation-id': 'c-1' },
      ),
    );
    const { client, slept } = makeClient();

    const error = await failureOf(client.request(get));

    expect(seen.calls).toBe(1);
    expect(slept).toEqual([]);
    expect(error.message).toBe(`GET /api/v2/users failed: ${code} some.code: refused`);
    expect(error.request).toMatchObject({
      status: code,
      correlationId: 'c-1',
      attempts: 1,
    });
    await client.close();
  });

  it('times out a server that never answers, retries, then fails with the timeout', async () => {
    issueTokens();
    const seen = answerInTurn(async () => {
      await delay('infinite');
      return ok();
    });
    const { client, slept } = makeClient({ timeoutMs: 50, retry: { maxAttempts: 2 } });

    const error = await failureOf(client.request(get));

    expect(seen.calls).toBe(2);
    expect(slept).toHaveLength(1);
    expect(error.message).toBe('GET /api/v2/users failed: ETIMEDOUT');
    expect(error.request).toEqual({ method: 'GET', path: '/api/v2/users', attempts: 2 });
    expect(client.stats.byStatus).toEqual({ network: 2 });
    await client.close();
  });
});
