import { beforeEach, describe, expect, it } from '@jest/globals';
import { MSW_BASE_URL, useMswSandbox } from '../test-support/msw-sandbox.js';
import { generateOrgFixture } from './generated-org.js';
import type { FakeOrg } from './org.js';
import { SandboxClient } from './sandbox-client.js';

const BASE = MSW_BASE_URL;
const PATH = '/api/v2/analytics/conversations/details/query';
const sandbox = useMswSandbox(generateOrgFixture({ users: 3 }));
let org: FakeOrg;
let client: SandboxClient;

beforeEach(async () => {
  ({ org, client } = await sandbox.open());
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
