import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ErrorBody, User, UserEntityListing } from '../genesys/types.js';
import { FakeOrg, loadOrgFixture } from './org.js';
import { SandboxClient } from './sandbox-client.js';
import { startSandboxServer, type RunningSandbox } from './server.js';

let org: FakeOrg;
let running: RunningSandbox;
let client: SandboxClient;

beforeAll(async () => {
  org = FakeOrg.fromFixture(await loadOrgFixture());
  running = await startSandboxServer({ org });
  client = await new SandboxClient(running.url).login();
});
afterAll(async () => {
  await running.close();
});

function idOf(email: string, state = 'active'): string {
  const user = org.usersByEmail(email).find((u) => u.state === state);
  if (!user) {
    throw new Error(`fixture has no ${state} ${email}`);
  }
  return user.id;
}

async function list(query: string): Promise<UserEntityListing> {
  const { status, body } = await client.call('GET', `/api/v2/users?${query}`);
  expect(status).toBe(200);
  return body as UserEntityListing;
}

describe('GET /api/v2/users (real server)', () => {
  it('returns the ids asked for, in any state with state=any', async () => {
    const ids = [
      idOf('alice.archer@example.com'),
      idOf('carol.cooper@example.com', 'inactive'),
    ];
    const erin = idOf('erin.evans@example.com', 'deleted');

    const listing = await list(`id=${ids[0]!}&id=${ids[1]!}&id=${erin}&state=any`);

    expect(listing.entities?.map((u) => u.id).sort()).toEqual([...ids, erin].sort());
    expect(listing).toMatchObject({
      total: 3,
      pageNumber: 1,
      pageSize: 25,
      pageCount: 1,
    });
  });

  it('returns only active users by default', async () => {
    const carol = idOf('carol.cooper@example.com', 'inactive');
    const alice = idOf('alice.archer@example.com');

    const listing = await list(`id=${alice}&id=${carol}`);

    expect(listing.entities?.map((u) => u.id)).toEqual([alice]);
  });

  it('expands conversationSummary, except for a user set to omit it', async () => {
    const frank = idOf('frank.fisher@example.com');
    const heidi = idOf('heidi.hughes@example.com');

    const listing = await list(`id=${frank},${heidi}&expand=conversationSummary`);
    const byId = new Map(listing.entities?.map((u) => [u.id, u]));

    expect(byId.get(frank)?.conversationSummary?.call?.contactCenter?.active).toBe(1);
    expect(byId.get(frank)?.conversationSummary?.userId).toBe(frank);
    expect(byId.get(heidi)).toBeDefined();
    expect(byId.get(heidi)).not.toHaveProperty('conversationSummary');
  });

  it('leaves conversationSummary out unless expanded', async () => {
    const listing = await list(`id=${idOf('frank.fisher@example.com')}&expand=groups`);

    expect(listing.entities?.[0]).not.toHaveProperty('conversationSummary');
  });

  it('refuses more than 100 ids', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `id=u${i}`).join('&');

    const { status, body } = await client.call('GET', `/api/v2/users?${ids}`);

    expect(status).toBe(400);
    expect((body as ErrorBody).message).toMatch(/100/);
  });

  it('pages with pageSize and pageNumber', async () => {
    const first = await list('state=any&pageSize=10');
    const third = await list('state=any&pageSize=10&pageNumber=3');

    expect(first.entities).toHaveLength(10);
    expect(third.pageCount).toBe(Math.ceil((third.total ?? 0) / 10));
    expect(third.entities?.length).toBe((third.total ?? 0) - 20);
  });
});

describe('GET /api/v2/users/{id} (real server)', () => {
  it('returns an inactive user by default, with version and no sandbox key', async () => {
    const carol = idOf('carol.cooper@example.com', 'inactive');

    const { status, body } = await client.call('GET', `/api/v2/users/${carol}`);

    expect(status).toBe(200);
    expect(body as User).toMatchObject({ id: carol, state: 'inactive', version: 8 });
    expect(body).not.toHaveProperty('sandbox');
  });

  it('answers 404 not.found for a deleted user unless state=deleted', async () => {
    const erin = idOf('erin.evans@example.com', 'deleted');

    const hidden = await client.call('GET', `/api/v2/users/${erin}`);
    const shown = await client.call('GET', `/api/v2/users/${erin}?state=deleted`);

    expect(hidden.status).toBe(404);
    expect(hidden.body).toMatchObject({
      code: 'not.found',
      message: 'The user could not be found.',
      status: 404,
    });
    expect(shown.body as User).toMatchObject({ id: erin, state: 'deleted' });
  });

  it('expands conversationSummary by id', async () => {
    const grace = idOf('grace.garcia@example.com');

    const { body } = await client.call(
      'GET',
      `/api/v2/users/${grace}?expand=conversationSummary`,
    );

    expect((body as User).conversationSummary?.chat?.contactCenter?.acw).toBe(1);
  });
});

describe('unknown routes (real server)', () => {
  it('answers 404 for an unknown path and 405 for a wrong method', async () => {
    const unknown = await client.call('GET', '/api/v2/routing/queues');
    const wrongMethod = await client.call(
      'PUT',
      `/api/v2/users/${idOf('bob.baker@example.com')}`,
    );

    expect(unknown.status).toBe(404);
    expect(wrongMethod.status).toBe(405);
  });
});
