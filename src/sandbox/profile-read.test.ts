import { beforeEach, describe, expect, it } from '@jest/globals';
import type { ErrorBody, User } from '../genesys/types.js';
import { useMswSandbox } from '../test-support/msw-sandbox.js';
import type { SandboxCall, SandboxClient } from './sandbox-client.js';

const NINA = 'c011ea90-0000-4000-8000-000000000001';
const WENDY = 'c011ea90-0000-4000-8000-000000000002';
const VICTOR = 'c011ea90-0000-4000-8000-000000000003';
const STAFF_GROUP = '6a0b0b00-0000-4000-8000-000000000001';

const sandbox = useMswSandbox();
let client: SandboxClient;

beforeEach(async () => {
  ({ client } = await sandbox.open());
});

function get(path: string): Promise<SandboxCall> {
  return client.call('GET', path);
}

interface QueueListing {
  entities: { id: string; name: string; joined: boolean }[];
  pageSize: number;
  pageNumber: number;
  total: number;
  pageCount: number;
}

interface Subject {
  id: string;
  grants: { subjectId: string; role: { name: string }; division: { name: string } }[];
}

describe('GET /api/v2/users/{id}/queues', () => {
  it('pages a UserQueueEntityListing, each queue with its joined flag', async () => {
    const first = await get(`/api/v2/users/${WENDY}/queues?pageSize=2&pageNumber=1`);
    const second = await get(`/api/v2/users/${WENDY}/queues?pageSize=2&pageNumber=2`);

    expect(first.status).toBe(200);
    const page1 = first.body as QueueListing;
    const page2 = second.body as QueueListing;
    expect(page1).toMatchObject({ pageSize: 2, pageNumber: 1, total: 3, pageCount: 2 });
    expect(page1.entities.map((q) => [q.name, q.joined])).toEqual([
      ['Support - Tier 1', true],
      ['Support - Tier 2', true],
    ]);
    expect(page2.entities.map((q) => [q.name, q.joined])).toEqual([
      ['Support - Escalations', false],
    ]);
  });

  it('refuses a page size over 100', async () => {
    const { status, body } = await get(`/api/v2/users/${WENDY}/queues?pageSize=101`);

    expect(status).toBe(400);
    expect((body as ErrorBody).code).toBe('bad.request');
  });
});

describe('GET /api/v2/users/{id} with expand=groups', () => {
  it('adds the groups only when asked, and never the memberships key', async () => {
    const plain = (await get(`/api/v2/users/${WENDY}`)).body as Record<string, unknown>;
    const expanded = (await get(`/api/v2/users/${WENDY}?expand=groups`)).body as {
      groups: { id: string; name: string }[];
    };

    expect(plain).not.toHaveProperty('groups');
    expect(plain).not.toHaveProperty('memberships');
    expect(expanded.groups.map((g) => g.name)).toEqual([
      'Team Leads',
      'Contact Centre Staff',
    ]);
  });
});

describe('GET /api/v2/authorization/subjects/{id}', () => {
  it('lists every grant with its subject when includeDuplicates=true', async () => {
    const { body } = await get(
      `/api/v2/authorization/subjects/${NINA}?includeDuplicates=true`,
    );

    const grants = (body as Subject).grants;
    expect(grants).toHaveLength(5);
    expect(grants[0]).toMatchObject({ subjectId: STAFF_GROUP, role: { name: 'Agent' } });
    expect(grants[1]).toMatchObject({ subjectId: NINA, role: { name: 'Agent' } });
  });

  it('lists one grant per role and division by default, whichever subject holds it', async () => {
    const { body } = await get(`/api/v2/authorization/subjects/${NINA}`);

    const grants = (body as Subject).grants;
    expect(grants).toHaveLength(4);
    expect(grants.filter((g) => g.role.name === 'Agent')).toEqual([
      expect.objectContaining({ subjectId: STAFF_GROUP }),
    ]);
  });
});

describe('GET /api/v2/users/{id}/directreports', () => {
  it('answers a plain User[] of the users managed, deleted ones left out', async () => {
    const { status, body } = await get(`/api/v2/users/${VICTOR}/directreports`);

    expect(status).toBe(200);
    expect(Array.isArray(body)).toBe(true);
    expect((body as User[]).map((u) => [u.name, u.state])).toEqual([
      ['Xavier Xu', 'active'],
      ['Yara Young', 'active'],
      ['Dave Dyer', 'inactive'],
      ['Ivan Ives', 'active'],
    ]);
    const wendys = (await get(`/api/v2/users/${WENDY}/directreports`)).body as User[];
    expect(wendys.map((u) => u.state)).not.toContain('deleted');
  });
});

describe('the profile endpoints for an unknown user', () => {
  it.each([
    '/api/v2/users/no-such-user/queues',
    '/api/v2/users/no-such-user/directreports',
    '/api/v2/authorization/subjects/no-such-user',
  ])('%s answers a 404 ErrorBody', async (path) => {
    const { status, body } = await get(path);

    expect(status).toBe(404);
    expect(body).toMatchObject({ status: 404, code: 'not.found' });
    expect((body as ErrorBody).contextId).toEqual(expect.any(String));
  });

  it('answers 405 to anything but GET', async () => {
    const { status } = await client.call('DELETE', `/api/v2/users/${WENDY}/queues`);

    expect(status).toBe(405);
  });
});
