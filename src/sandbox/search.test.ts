import { beforeEach, describe, expect, it } from '@jest/globals';
import type { ErrorBody, UsersSearchResponse } from '../genesys/types.js';
import { useMswSandbox } from '../test-support/msw-sandbox.js';
import type { SandboxClient } from './sandbox-client.js';

const sandbox = useMswSandbox();
let client: SandboxClient;

beforeEach(async () => {
  ({ client } = await sandbox.open());
});

const ALL_STATES = {
  type: 'EXACT',
  fields: ['state'],
  values: ['active', 'inactive', 'deleted'],
};

function byEmail(...values: string[]) {
  return { type: 'EXACT', fields: ['email'], values };
}

async function search(
  body: unknown,
): Promise<{ status: number; body: UsersSearchResponse }> {
  const res = await client.call('POST', '/api/v2/users/search', body);
  return { status: res.status, body: res.body as UsersSearchResponse };
}

describe('POST /api/v2/users/search (msw)', () => {
  it('returns only active users when no state criterion is sent', async () => {
    const { body } = await search({ query: [byEmail('carol.cooper@example.com')] });

    expect(body.total).toBe(0);
    expect(body.results).toBeUndefined();
  });

  it('returns users in every state asked for by a state criterion', async () => {
    const emails = ['carol.cooper@example.com', 'erin.evans@example.com'];
    const { body } = await search({ query: [byEmail(...emails), ALL_STATES] });

    expect(body.results?.map((u) => u.state).sort()).toEqual(['deleted', 'inactive']);
  });

  it('matches email without regard to case', async () => {
    const { body } = await search({ query: [byEmail('ALICE.Archer@EXAMPLE.com')] });

    expect(body.results?.map((u) => u.email)).toEqual(['alice.archer@example.com']);
  });

  it('finds both accounts of a shared email, deleted one included when asked', async () => {
    const { body } = await search({
      query: [byEmail('judy.jones@example.com', 'ivan.ives@example.com'), ALL_STATES],
    });

    expect(body.total).toBe(4);
    expect(
      body.results?.filter((u) => u.email === 'judy.jones@example.com'),
    ).toHaveLength(2);
  });

  it('leaves conversationSummary and the sandbox key out of results', async () => {
    const { body } = await search({
      query: [byEmail('frank.fisher@example.com', 'heidi.hughes@example.com')],
      expand: ['conversationSummary'],
    });

    expect(body.results).toHaveLength(2);
    for (const user of body.results ?? []) {
      expect(user).not.toHaveProperty('conversationSummary');
      expect(user).not.toHaveProperty('sandbox');
    }
  });

  it('pages with a 1-based pageNumber, total and pageCount', async () => {
    const query = [{ type: 'EXACT', fields: ['state'], value: 'active' }];
    const first = await search({ query, pageSize: 5 });
    const third = await search({ query, pageSize: 5, pageNumber: 3 });
    const total = first.body.total;

    expect(first.body).toMatchObject({ pageSize: 5, pageNumber: 1 });
    expect(first.body.pageCount).toBe(Math.ceil(total / 5));
    expect(first.body.results).toHaveLength(5);
    expect(third.body.results?.[0]?.id).not.toBe(first.body.results?.[0]?.id);
  });

  it('defaults to 25 results a page', async () => {
    const { body } = await search({ query: [ALL_STATES] });

    expect(body.pageSize).toBe(25);
    expect(body.results).toHaveLength(Math.min(25, body.total));
  });
});

describe('search limits (msw)', () => {
  async function expectBadRequest(body: unknown, mention: RegExp): Promise<void> {
    const res = await client.call('POST', '/api/v2/users/search', body);
    const error = res.body as ErrorBody;
    expect(res.status).toBe(400);
    expect(error.code).toBe('bad.request');
    expect(error.message).toMatch(mention);
  }

  it('accepts 50 values in one criterion and refuses 51', async () => {
    const emails = Array.from({ length: 51 }, (_, i) => `person${i}@example.com`);

    const fifty = await search({ query: [byEmail(...emails.slice(0, 50))] });

    expect(fifty.status).toBe(200);
    await expectBadRequest({ query: [byEmail(...emails)] }, /51 entries; at most 50/);
  });

  it('refuses a pageSize over 100', async () => {
    const ok = await search({ query: [ALL_STATES], pageSize: 100 });

    expect(ok.status).toBe(200);
    await expectBadRequest({ query: [ALL_STATES], pageSize: 101 }, /pageSize/);
  });

  it('refuses a value over 300 characters', async () => {
    const long = `${'x'.repeat(290)}@example.com`;

    await expectBadRequest({ query: [byEmail(long)] }, /longer than 300/);
  });

  it('refuses an unsupported criterion type or field', async () => {
    const contains = { type: 'CONTAINS', fields: ['email'], value: 'alice' };
    const byName = { type: 'EXACT', fields: ['name'], value: 'Alice Archer' };

    await expectBadRequest({ query: [contains] }, /CONTAINS/);
    await expectBadRequest({ query: [byName] }, /fields/);
  });
});
