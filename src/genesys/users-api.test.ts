import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { http, HttpResponse } from 'msw';
import type { Config } from '../config/config.js';
import { ApiError } from '../errors/api-error.js';
import { createLogger } from '../log/logger.js';
import { useMswServer } from '../test-support/client-harness.js';
import { GenesysClient } from './client.js';
import type { User, UserSearchRequest } from './types.js';
import { UsersApi } from './users-api.js';

const API = 'https://api.example.test';
const config: Config = {
  apiUrl: API,
  loginUrl: 'https://login.example.test',
  clientId: 'client-1',
  clientSecret: 'secret-1',
};

const server = useMswServer();
beforeEach(() => {
  server.use(
    http.post(`${config.loginUrl}/oauth/token`, () =>
      HttpResponse.json({ access_token: 'tok', token_type: 'bearer', expires_in: 3600 }),
    ),
  );
});

let client: GenesysClient;
let users: UsersApi;
beforeEach(() => {
  client = new GenesysClient({
    config,
    ratePerMinute: 60_000,
    logger: createLogger({ level: 'silent' }),
    sleep: () => Promise.resolve(),
  });
  users = new UsersApi(client);
});
afterEach(async () => {
  await client.close();
});

function user(n: number, state: User['state'] = 'active'): User {
  return { id: `id-${n}`, email: `u${n}@example.com`, state, version: n };
}

const correlation = (id: string) => ({ headers: { 'ININ-Correlation-Id': id } });

describe('UsersApi.searchByEmails', () => {
  it('searches EXACT on email in every state, 100 a page', async () => {
    const bodies: UserSearchRequest[] = [];
    server.use(
      http.post(`${API}/api/v2/users/search`, async ({ request }) => {
        bodies.push((await request.json()) as UserSearchRequest);
        const page = {
          total: 1,
          pageCount: 1,
          pageSize: 100,
          pageNumber: 1,
          results: [user(1)],
        };
        return HttpResponse.json(page, correlation('corr-search'));
      }),
    );

    const response = await users.searchByEmails(['u1@example.com', 'u2@example.com']);

    expect(bodies).toEqual([
      {
        pageSize: 100,
        pageNumber: 1,
        query: [
          {
            type: 'EXACT',
            fields: ['email'],
            values: ['u1@example.com', 'u2@example.com'],
          },
          { type: 'EXACT', fields: ['state'], values: ['active', 'inactive', 'deleted'] },
        ],
      },
    ]);
    expect(response).toEqual({
      data: [user(1)],
      status: 200,
      correlationId: 'corr-search',
      attempts: 1,
    });
  });

  it('pages through pageCount and reports the last page call', async () => {
    const pagesAsked: number[] = [];
    server.use(
      http.post(`${API}/api/v2/users/search`, async ({ request }) => {
        const { pageNumber = 0 } = (await request.json()) as UserSearchRequest;
        pagesAsked.push(pageNumber);
        const page = {
          total: 3,
          pageCount: 3,
          pageSize: 100,
          pageNumber,
          results: [user(pageNumber)],
        };
        return HttpResponse.json(page, correlation(`corr-${pageNumber}`));
      }),
    );

    const response = await users.searchByEmails(['a@example.com']);

    expect(pagesAsked).toEqual([1, 2, 3]);
    expect(response.data.map((u) => u.id)).toEqual(['id-1', 'id-2', 'id-3']);
    expect(response.correlationId).toBe('corr-3');
  });

  it('stops on an empty result without asking for more pages', async () => {
    let calls = 0;
    server.use(
      http.post(`${API}/api/v2/users/search`, () => {
        calls += 1;
        return HttpResponse.json({
          total: 0,
          pageCount: 0,
          pageSize: 100,
          pageNumber: 1,
        });
      }),
    );

    await expect(users.searchByEmails(['nobody@example.com'])).resolves.toMatchObject({
      data: [],
    });
    expect(calls).toBe(1);
  });

  it('rejects more than 50 values, or none, before sending anything', async () => {
    const values = Array.from({ length: 51 }, (_, i) => `u${i}@example.com`);

    await expect(users.searchByEmails(values)).rejects.toThrow(RangeError);
    await expect(users.searchByEmails([])).rejects.toThrow(RangeError);
    expect(client.stats.requests).toBe(0);
  });
});

describe('UsersApi.getMany', () => {
  it('asks for every id in any state with the expands, 100 a page', async () => {
    let url: URL | undefined;
    server.use(
      http.get(`${API}/api/v2/users`, ({ request }) => {
        url = new URL(request.url);
        return HttpResponse.json({ entities: [user(1), user(2, 'inactive')] });
      }),
    );

    const response = await users.getMany(['id-1', 'id-2'], {
      expand: ['conversationSummary'],
    });

    expect(url?.search).toBe(
      '?id=id-1&id=id-2&state=any&pageSize=100&expand=conversationSummary',
    );
    expect(response.data).toEqual([user(1), user(2, 'inactive')]);
  });

  it('passes an explicit state filter through', async () => {
    let state: string | null = null;
    server.use(
      http.get(`${API}/api/v2/users`, ({ request }) => {
        state = new URL(request.url).searchParams.get('state');
        return HttpResponse.json({});
      }),
    );

    const response = await users.getMany(['id-1'], { state: 'deleted' });

    expect(state).toBe('deleted');
    expect(response.data).toEqual([]);
  });

  it('rejects more than 100 ids before sending anything', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `id-${i}`);

    await expect(users.getMany(ids)).rejects.toThrow(RangeError);
    expect(client.stats.requests).toBe(0);
  });
});

describe('UsersApi.get', () => {
  it('reads one user by its encoded id, with state=deleted and expands when asked', async () => {
    let url: URL | undefined;
    server.use(
      http.get(`${API}/api/v2/users/*`, ({ request }) => {
        url = new URL(request.url);
        return HttpResponse.json(user(4, 'deleted'));
      }),
    );

    const response = await users.get('id/../4?', {
      state: 'deleted',
      expand: ['groups'],
    });

    expect(url?.pathname).toBe('/api/v2/users/id%2F..%2F4%3F');
    expect(url?.search).toBe('?state=deleted&expand=groups');
    expect(response.data).toEqual(user(4, 'deleted'));
  });

  it('gives undefined, not an error, for a 404, keeping its correlation id', async () => {
    server.use(
      http.get(`${API}/api/v2/users/:id`, () =>
        HttpResponse.json(
          { code: 'not.found' },
          { status: 404, ...correlation('corr-404') },
        ),
      ),
    );

    await expect(users.get('gone')).resolves.toEqual({
      data: undefined,
      status: 404,
      correlationId: 'corr-404',
      attempts: 1,
    });
  });

  it('still throws other failures', async () => {
    server.use(
      http.get(`${API}/api/v2/users/:id`, () => HttpResponse.json({}, { status: 403 })),
    );

    await expect(users.get('id-1')).rejects.toBeInstanceOf(ApiError);
  });
});

describe('UsersApi writes', () => {
  it('deactivates with PATCH {state, version}', async () => {
    let body: unknown;
    server.use(
      http.patch(`${API}/api/v2/users/id-9`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({ ...user(9, 'inactive'), version: 10 });
      }),
    );

    const response = await users.setState('id-9', 'inactive', 9);

    expect(body).toEqual({ state: 'inactive', version: 9 });
    expect(response.data.version).toBe(10);
  });

  it('reports a stale version as a version conflict', async () => {
    server.use(
      http.patch(`${API}/api/v2/users/id-9`, () =>
        HttpResponse.json(
          { code: 'conflict', message: 'The version does not match the current version' },
          { status: 409 },
        ),
      ),
    );

    const error = await users.setState('id-9', 'inactive', 3).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).isVersionConflict).toBe(true);
  });

  it('deletes with DELETE', async () => {
    let deleted = false;
    server.use(
      http.delete(`${API}/api/v2/users/id-9`, () => {
        deleted = true;
        return HttpResponse.json({});
      }),
    );

    const response = await users.remove('id-9');

    expect(deleted).toBe(true);
    expect(response).toMatchObject({ status: 200, data: {} });
  });
});
