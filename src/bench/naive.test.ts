import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { setupServer } from 'msw/node';
import { GenesysClient } from '../genesys/client.js';
import { createLogger } from '../log/logger.js';
import { generatedEmail, generateOrgFixture } from '../sandbox/generated-org.js';
import { sandboxHandlers } from '../sandbox/msw.js';
import { FakeOrg } from '../sandbox/org.js';
import { runNaive } from './naive.js';
import { endpointOf } from './traffic.js';

const BASE = 'https://api.sandbox.test';
const fixture = generateOrgFixture({ users: 5 });
const mockServer = setupServer();
const logger = createLogger({ level: 'silent' });
let org: FakeOrg;

beforeAll(() => {
  mockServer.listen({ onUnhandledRequest: 'error' });
});
afterAll(() => {
  mockServer.close();
});
beforeEach(() => {
  org = FakeOrg.fromFixture(fixture);
  mockServer.resetHandlers(...sandboxHandlers(org, BASE));
});

function client(): GenesysClient {
  return new GenesysClient({
    config: {
      apiUrl: BASE,
      loginUrl: BASE,
      clientId: 'sandbox-client',
      clientSecret: 'sandbox-secret',
    },
    ratePerMinute: 600_000,
    logger,
    sleep: () => Promise.resolve(),
  });
}

const apiCalls = () =>
  org.requests
    .filter((r) => r.path.startsWith('/api/v2/'))
    .map((r) => endpointOf(r.method, r.path));

describe('the naive approach', () => {
  it('sends five requests a row, one after another: search, query, GET, PATCH, DELETE', async () => {
    const emails = [1, 2, 3].map((n) => generatedEmail(n));

    const counts = await runNaive(emails, client(), logger);

    expect(counts).toEqual({ rows: 3, deleted: 3, notFound: 0, busy: 0, failed: 0 });
    const perRow = [
      'POST /api/v2/users/search',
      'POST /api/v2/analytics/conversations/details/query',
      'GET /api/v2/users/{id}',
      'PATCH /api/v2/users/{id}',
      'DELETE /api/v2/users/{id}',
    ];
    expect(apiCalls()).toEqual([...perRow, ...perRow, ...perRow]);
    expect(org.usersByEmail(generatedEmail(2))[0]?.state).toBe('deleted');
  });

  it('stops at the search for an email nobody has', async () => {
    const counts = await runNaive(['nobody@bench.example'], client(), logger);

    expect(counts).toMatchObject({ rows: 1, notFound: 1, deleted: 0 });
    expect(apiCalls()).toEqual(['POST /api/v2/users/search']);
  });

  it('counts a row whose write is refused as failed and goes on with the next', async () => {
    const refusing = structuredClone(fixture);
    const failWrites = { status: 403, code: 'missing.permissions', message: 'No.' };
    refusing.users[0]!.sandbox = { failWrites };
    org = FakeOrg.fromFixture(refusing);
    mockServer.resetHandlers(...sandboxHandlers(org, BASE));

    const counts = await runNaive(
      [generatedEmail(1), generatedEmail(2)],
      client(),
      logger,
    );

    expect(counts).toMatchObject({ rows: 2, deleted: 1, failed: 1 });
    expect(org.usersByEmail(generatedEmail(2))[0]?.state).toBe('deleted');
  });
});
