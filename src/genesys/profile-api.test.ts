import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../errors/api-error.js';
import { createLogger } from '../log/logger.js';
import { sandboxHandlers } from '../sandbox/msw.js';
import {
  FakeOrg,
  loadOrgFixture,
  type OrgFixture,
  type RecordedRequest,
} from '../sandbox/org.js';
import { useMswServer } from '../test-support/client-harness.js';
import { MSW_BASE_URL, sandboxGenesysClient } from '../test-support/msw-sandbox.js';
import { ProfileApi } from './profile-api.js';

const NINA = 'c011ea90-0000-4000-8000-000000000001';
const WENDY = 'c011ea90-0000-4000-8000-000000000002';
const ZOE = 'c011ea90-0000-4000-8000-000000000008';
const ERIN_DELETED = 'a11ce5e0-0000-4000-8000-00000000000d';
const HOME = { id: '0d1f1e5a-0000-4000-8000-000000000001', name: 'Home' };
const CONTACT_CENTRE = {
  id: '0d1f1e5a-0000-4000-8000-000000000002',
  name: 'Contact Centre',
};

const server = useMswServer();

/** A fresh org answering over msw, and a ProfileApi on the job's own client. */
async function start(
  edit: (fixture: OrgFixture) => void = () => undefined,
): Promise<{ org: FakeOrg; api: ProfileApi }> {
  const fixture = await loadOrgFixture();
  edit(fixture);
  const org = FakeOrg.fromFixture(fixture);
  server.use(...sandboxHandlers(org, MSW_BASE_URL));
  const client = sandboxGenesysClient(createLogger({ level: 'silent' }));
  return { org, api: new ProfileApi(client) };
}

/** The API calls the org received (the token request left out), as `METHOD path?query`. */
function apiCalls(org: FakeOrg): string[] {
  return org.requests
    .filter((r: RecordedRequest) => r.path.startsWith('/api/v2/'))
    .map((r) => `${r.method} ${r.path}${r.query === '' ? '' : `?${r.query}`}`);
}

describe('ProfileApi.fullProfile', () => {
  it('sends exactly four GETs for a user in fewer than 100 queues', async () => {
    const { org, api } = await start();

    await api.fullProfile(WENDY);

    expect(apiCalls(org)).toEqual([
      `GET /api/v2/users/${WENDY}/queues?pageSize=100&pageNumber=1`,
      `GET /api/v2/users/${WENDY}?expand=groups`,
      `GET /api/v2/authorization/subjects/${WENDY}?includeDuplicates=true`,
      `GET /api/v2/users/${WENDY}/directreports`,
    ]);
  });

  it("records a manager's queues, groups, own roles by division and direct reports", async () => {
    const { api } = await start();

    const { data, status } = await api.fullProfile(NINA);

    expect(status).toBe(200);
    expect(data).toEqual({
      queues: [
        { id: '9a0e0e00-0000-4000-8000-000000000003', name: 'Support - Escalations' },
      ],
      groups: [
        { id: '6a0b0b00-0000-4000-8000-000000000003', name: 'Managers' },
        { id: '6a0b0b00-0000-4000-8000-000000000001', name: 'Contact Centre Staff' },
      ],
      roles: [
        {
          id: '7a01e000-0000-4000-8000-000000000002',
          name: 'Agent',
          divisions: [CONTACT_CENTRE],
        },
        {
          id: '7a01e000-0000-4000-8000-000000000003',
          name: 'Supervisor',
          divisions: [CONTACT_CENTRE, HOME],
        },
        {
          id: '7a01e000-0000-4000-8000-000000000001',
          name: 'employee',
          divisions: [HOME],
        },
      ],
      directReports: [
        { id: WENDY, name: 'Wendy Walsh', email: 'wendy.walsh@example.com' },
        { id: ZOE, name: 'Zoe Zimmer', email: 'zoe.zimmer@example.com' },
        {
          id: 'a11ce5e0-0000-4000-8000-000000000015',
          name: 'Mallory Moss',
          email: 'mallory.moss@example.com',
        },
      ],
    });
  });

  it('leaves out a role the user holds only through a group', async () => {
    const { api } = await start();

    const { data } = await api.fullProfile(WENDY);

    expect(data.roles.map((r) => r.name)).toEqual(['Supervisor', 'employee']);
    expect(data.groups.map((g) => g.name)).toContain('Contact Centre Staff');
  });

  it('records empty lists for a user with no queues, groups, roles or reports', async () => {
    const { api } = await start();

    const { data } = await api.fullProfile(ZOE);

    expect(data).toEqual({ queues: [], groups: [], roles: [], directReports: [] });
  });

  it('pages through queues 100 at a time: 250 queues take three queue requests', async () => {
    const queues = Array.from({ length: 250 }, (_, i) => ({
      id: `queue-${String(i).padStart(3, '0')}`,
      name: `Queue ${i}`,
    }));
    const { org, api } = await start((fixture) => {
      const zoe = fixture.users.find((u) => u.id === ZOE);
      Object.assign(zoe ?? {}, { memberships: { queues } });
    });

    const { data } = await api.fullProfile(ZOE);

    expect(data.queues).toEqual(queues);
    const queueCalls = apiCalls(org).filter((c) => c.includes('/queues'));
    expect(queueCalls).toEqual(
      [1, 2, 3].map((n) => expect.stringContaining(`pageNumber=${n}`)),
    );
    expect(apiCalls(org)).toHaveLength(6);
  });

  it('throws the 404 as an ApiError and makes no further call for an unknown user', async () => {
    const { org, api } = await start();

    const failure = api.fullProfile('no-such-user');

    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({
      status: 404,
      request: { method: 'GET', genesysCode: 'not.found', attempts: 1 },
    });
    expect(apiCalls(org)).toEqual([
      'GET /api/v2/users/no-such-user/queues?pageSize=100&pageNumber=1',
    ]);
  });

  it('treats a deleted user as unknown (404)', async () => {
    const { api } = await start();

    await expect(api.fullProfile(ERIN_DELETED)).rejects.toMatchObject({ status: 404 });
  });

  it('URI-encodes the user id into every path', async () => {
    const { org, api } = await start();

    await expect(api.fullProfile('a/b?c')).rejects.toBeInstanceOf(ApiError);

    expect(apiCalls(org)[0]).toBe(
      'GET /api/v2/users/a%2Fb%3Fc/queues?pageSize=100&pageNumber=1',
    );
  });
});
