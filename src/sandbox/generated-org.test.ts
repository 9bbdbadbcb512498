import { beforeEach, describe, expect, it } from '@jest/globals';
import type { User, UserEntityListing, UsersSearchResponse } from '../genesys/types.js';
import { generatedEmail, generateOrgFixture } from './generated-org.js';
import { useMswSandbox } from '../test-support/msw-sandbox.js';
import type { FakeOrg } from './org.js';
import type { SandboxClient } from './sandbox-client.js';

const SIZE = 2_000;
const fixture = generateOrgFixture({ users: SIZE });
const sandbox = useMswSandbox(fixture);
let org: FakeOrg;
let client: SandboxClient;

beforeEach(async () => {
  ({ org, client } = await sandbox.open());
});

const numbers = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => from + i);

describe('generateOrgFixture', () => {
  it('builds the asked number of active users with distinct ids and emails', () => {
    const { users } = generateOrgFixture({ users: 1_000 });

    expect(users).toHaveLength(1_000);
    expect(new Set(users.map((u) => u.id)).size).toBe(1_000);
    expect(users[41]?.email).toBe(generatedEmail(42));
    expect(users.every((u) => u.state === 'active')).toBe(true);
  });

  it('gives every user an idle conversationSummary, so none is taken for busy', async () => {
    const [first] = org.usersByEmail(generatedEmail(1));
    const reply = await client.call(
      'GET',
      `/api/v2/users/${first!.id}?expand=conversationSummary`,
    );

    const summary = (reply.body as User).conversationSummary;
    expect(summary?.call?.contactCenter).toEqual({ active: 0, acw: 0 });
    expect(summary?.video?.enterprise).toEqual({ active: 0, acw: 0 });
  });
});

describe('a generated org answers the job', () => {
  it('finds 50 emails in one search, in the org order, whatever their case', async () => {
    const wanted = numbers(1_901, 50).map((n) => generatedEmail(n));
    const emails = wanted.map((email) => email.toUpperCase()).reverse();

    const reply = await client.call('POST', '/api/v2/users/search', {
      pageSize: 100,
      query: [
        { type: 'EXACT', fields: ['email'], values: emails },
        { type: 'EXACT', fields: ['state'], values: ['active', 'inactive', 'deleted'] },
      ],
    });

    const found = (reply.body as UsersSearchResponse).results ?? [];
    expect(found.map((u) => u.email)).toEqual(wanted);
  });

  it('lists 100 users by id in one GET, in the org order', async () => {
    const ids = fixture.users.slice(1_000, 1_100).map((u) => u.id);
    const query = [...ids]
      .reverse()
      .map((id) => `id=${id}`)
      .join('&');

    const reply = await client.call('GET', `/api/v2/users?${query}&pageSize=100`);

    const listing = reply.body as UserEntityListing;
    expect(listing.total).toBe(100);
    expect(listing.entities?.map((u) => u.id)).toEqual(ids);
  });
});
