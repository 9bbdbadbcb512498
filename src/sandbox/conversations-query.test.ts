import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { setupServer } from 'msw/node';
import { generateOrgFixture } from './generated-org.js';
import { sandboxHandlers } from './msw.js';
import { FakeOrg } from './org.js';
import { SandboxClient } from './sandbox-client.js';

const BASE = 'https://api.sandbox.test';
const PATH = '/api/v2/analytics/conversations/details/query';
const mockServer = setupServer();
let org: FakeOrg;
let client: SandboxClient;

beforeAll(() => {
  mockServer.listen({ onUnhandledRequest: 'error' });
});
afterAll(() => {
  mockServer.close();
});
beforeEach(async () => {
  org = FakeOrg.fromFixture(generateOrgFixture({ users: 3 }));
  mockServer.resetHandlers(...sandboxHandlers(org, BASE));
  client = await new SandboxClient(BASE).login();
});

describe('POST /api/v2/analytics/conversations/details/query', () => {
  it('answers a valid query with no conversations, as the API does when none matched', async () => {
    const reply = await client.call('POST', PATH, {
      interval: '2026-01-01T00:00:00Z/2026-01-02T00:00:00Z',
      segmentFilters: [
        { type: 'and', predicates: [{ dimension: 'userId', value: 'x' }] },
      ],
    });

    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({});
  });

  it('refuses a query without an interval', async () => {
    const reply = await client.call('POST', PATH, { segmentFilters: [] });

    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: 'bad.request' });
  });

  it('answers only POST and is not counted as a write', async () => {
    const reply = await client.call('GET', PATH);
    await client.call('POST', PATH, { interval: 'a/b' });

    expect(reply.status).toBe(405);
    expect(org.writes()).toEqual([]);
  });

  it('needs a token like every other endpoint', async () => {
    const anonymous = new SandboxClient(BASE);

    const reply = await anonymous.call('POST', PATH, { interval: 'a/b' });

    expect(reply.status).toBe(401);
  });
});
