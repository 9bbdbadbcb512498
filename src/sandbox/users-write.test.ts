import { beforeEach, describe, expect, it } from '@jest/globals';
import type { User } from '../genesys/types.js';
import { useMswSandbox } from '../test-support/msw-sandbox.js';
import type { FakeOrg } from './org.js';
import type { SandboxClient } from './sandbox-client.js';

const sandbox = useMswSandbox();
let org: FakeOrg;
let client: SandboxClient;

beforeEach(async () => {
  ({ org, client } = await sandbox.open());
});

function userOf(email: string, state = 'active'): User {
  const user = org.usersByEmail(email).find((u) => u.state === state);
  if (!user) {
    throw new Error(`fixture has no ${state} ${email}`);
  }
  return user;
}

function patch(id: string, body: unknown) {
  return client.call('PATCH', `/api/v2/users/${id}`, body);
}

describe('PATCH /api/v2/users/{id} (msw)', () => {
  it('deactivates with the current version and bumps the version', async () => {
    const alice = userOf('alice.archer@example.com');

    const { status, body } = await patch(alice.id, { state: 'inactive', version: 3 });

    expect(status).toBe(200);
    expect(body as User).toMatchObject({ id: alice.id, state: 'inactive', version: 4 });
    expect(org.user(alice.id)).toMatchObject({ state: 'inactive', version: 4 });
  });

  it('answers 409 general.conflict to a stale version and changes nothing', async () => {
    const alice = userOf('alice.archer@example.com');

    const { status, body } = await patch(alice.id, { state: 'inactive', version: 2 });

    expect(status).toBe(409);
    expect(body).toMatchObject({ code: 'general.conflict', status: 409 });
    expect(JSON.stringify(body)).toMatch(/does not match the current version/);
    expect(org.user(alice.id)).toMatchObject({ state: 'active', version: 3 });
  });

  it('answers 409 once after a concurrent edit made by bumpVersion', async () => {
    const alice = userOf('alice.archer@example.com');
    org.bumpVersion(alice.id);

    const stale = await patch(alice.id, { state: 'inactive', version: 3 });
    const fresh = await patch(alice.id, { state: 'inactive', version: 4 });

    expect(stale.status).toBe(409);
    expect(fresh.status).toBe(200);
  });

  it('bumps the version before the first write to a bumpVersionOnFirstWrite user', async () => {
    const peggy = userOf('peggy.price@example.com');

    const first = await patch(peggy.id, { state: 'inactive', version: peggy.version });
    const reread = await client.call('GET', `/api/v2/users/${peggy.id}`);
    const version = (reread.body as User).version;
    const second = await patch(peggy.id, { state: 'inactive', version });

    expect(first.status).toBe(409);
    expect(version).toBe(peggy.version + 1);
    expect(second.status).toBe(200);
  });

  it('refuses a missing or non-integer version, and fields other than state', async () => {
    const alice = userOf('alice.archer@example.com');

    const missing = await patch(alice.id, { state: 'inactive' });
    const fractional = await patch(alice.id, { state: 'inactive', version: 3.5 });
    const extra = await patch(alice.id, { state: 'inactive', version: 3, title: 'x' });

    expect([missing.status, fractional.status, extra.status]).toEqual([400, 400, 400]);
    expect(org.user(alice.id)?.version).toBe(3);
  });

  it('restores a deleted user with state active', async () => {
    const erin = userOf('erin.evans@example.com', 'deleted');

    const { status } = await patch(erin.id, { state: 'active', version: erin.version });

    expect(status).toBe(200);
    expect(org.user(erin.id)).toMatchObject({
      state: 'active',
      version: erin.version + 1,
    });
  });

  it('answers a failWrites user with the configured error and changes nothing', async () => {
    const oscar = userOf('oscar.olsen@example.com');

    const patched = await patch(oscar.id, { state: 'inactive', version: oscar.version });
    const deleted = await client.call('DELETE', `/api/v2/users/${oscar.id}`);

    expect(patched.status).toBe(403);
    expect(patched.body).toMatchObject({
      code: 'missing.division.permission',
      status: 403,
    });
    expect(deleted.status).toBe(403);
    expect(org.user(oscar.id)).toMatchObject({ state: 'active', version: oscar.version });
  });
});

describe('DELETE /api/v2/users/{id} (msw)', () => {
  it('deletes: 200 {}, then GET is 404 and GET ?state=deleted shows it', async () => {
    const bob = userOf('bob.baker@example.com');

    const deleted = await client.call('DELETE', `/api/v2/users/${bob.id}`);
    const plain = await client.call('GET', `/api/v2/users/${bob.id}`);
    const asDeleted = await client.call('GET', `/api/v2/users/${bob.id}?state=deleted`);

    expect(deleted).toMatchObject({ status: 200, body: {} });
    expect(plain.status).toBe(404);
    expect(asDeleted.body as User).toMatchObject({
      state: 'deleted',
      version: bob.version + 1,
    });
  });

  it('answers 404 to deleting a deleted or unknown user', async () => {
    const erin = userOf('erin.evans@example.com', 'deleted');

    const again = await client.call('DELETE', `/api/v2/users/${erin.id}`);
    const unknown = await client.call('DELETE', '/api/v2/users/no-such-user');

    expect(again.status).toBe(404);
    expect(unknown.status).toBe(404);
  });

  it('answers 409 to the first DELETE of a bumpVersionOnFirstWrite user', async () => {
    const peggy = userOf('peggy.price@example.com');

    const first = await client.call('DELETE', `/api/v2/users/${peggy.id}`);
    const second = await client.call('DELETE', `/api/v2/users/${peggy.id}`);

    expect(first.status).toBe(409);
    expect(second.status).toBe(200);
  });
});

describe('request log (msw)', () => {
  it('records every request in order and lists the writes', async () => {
    const alice = userOf('alice.archer@example.com');
    await client.call('POST', '/api/v2/users/search', { query: [] });
    await client.call('GET', `/api/v2/users?id=${alice.id}&state=any`);
    await patch(alice.id, { state: 'inactive', version: 1 });
    await client.call('DELETE', `/api/v2/users/${alice.id}`);

    const log = org.requests.map((r) => `${r.method} ${r.path} ${r.status}`);

    expect(log).toEqual([
      'POST /oauth/token 200',
      'POST /api/v2/users/search 200',
      `GET /api/v2/users 200`,
      `PATCH /api/v2/users/${alice.id} 409`,
      `DELETE /api/v2/users/${alice.id} 200`,
    ]);
    expect(org.requests[2]?.query).toBe(`id=${alice.id}&state=any`);
    expect(org.writes().map((r) => r.method)).toEqual(['PATCH', 'DELETE']);
  });
});
