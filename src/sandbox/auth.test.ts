import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { ErrorBody, TokenResponse } from '../genesys/types.js';
import { FakeOrg, loadOrgFixture, type FakeOrgOptions, type OrgFixture } from './org.js';
import { SandboxClient } from './sandbox-client.js';
import { startSandboxServer, type RunningSandbox } from './server.js';

let fixture: OrgFixture;
let running: RunningSandbox | undefined;

beforeAll(async () => {
  fixture = await loadOrgFixture();
});

afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function serve(options: FakeOrgOptions = {}): Promise<SandboxClient> {
  running = await startSandboxServer({ org: FakeOrg.fromFixture(fixture, options) });
  return new SandboxClient(running.url);
}

describe('token endpoint (real server)', () => {
  it('issues a bearer token to the fixture client that opens the API', async () => {
    const client = await serve();

    const { status, body } = await client.requestToken();
    const token = body as TokenResponse;
    await client.login();
    const users = await client.call('GET', '/api/v2/users');

    expect(status).toBe(200);
    expect(token).toMatchObject({ token_type: 'bearer', expires_in: 86400 });
    expect(token.access_token).toEqual(expect.any(String));
    expect(users.status).toBe(200);
  });

  it('refuses a wrong secret with 401 invalid_client', async () => {
    const client = await serve();

    const { status, body } = await client.requestToken('sandbox-client', 'wrong');

    expect(status).toBe(401);
    expect(body).toMatchObject({ error: 'invalid_client' });
    expect(body).toHaveProperty('error_description');
  });

  it('refuses a request without Basic credentials with 401', async () => {
    const client = await serve();

    const res = await fetch(`${client.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });

    expect(res.status).toBe(401);
  });

  it('refuses another grant type with 400 unsupported_grant_type', async () => {
    const client = await serve();
    const basic = Buffer.from('sandbox-client:sandbox-secret').toString('base64');

    const res = await fetch(`${client.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${basic}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=password',
    });

    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });
});

describe('API authorisation (real server)', () => {
  it('answers 401 bad.credentials without a token, with contextId = correlation id', async () => {
    const client = await serve();

    const { status, headers, body } = await client.call('GET', '/api/v2/users');
    const error = body as ErrorBody;

    expect(status).toBe(401);
    expect(error).toMatchObject({ code: 'bad.credentials', status: 401 });
    expect(error.contextId).toBe(headers.get('inin-correlation-id'));
    expect(error.contextId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 401 once the token has expired by the org clock', async () => {
    let now = 1_000_000;
    const client = await serve({ now: () => now });
    await client.login();

    now += 86_399_000;
    const justBefore = await client.call('GET', '/api/v2/users');
    now += 1_000;
    const atExpiry = await client.call('GET', '/api/v2/users');

    expect(justBefore.status).toBe(200);
    expect(atExpiry.status).toBe(401);
  });

  it('issues short-lived tokens when the tokenTtlSeconds fault is set', async () => {
    let now = 0;
    const client = await serve({ now: () => now, faults: { tokenTtlSeconds: 5 } });

    const { body } = await client.requestToken();
    await client.login();
    now += 5_000;
    const expired = await client.call('GET', '/api/v2/users');

    expect(body).toMatchObject({ expires_in: 5 });
    expect(expired.status).toBe(401);
  });

  it('puts a correlation id on every response', async () => {
    const client = await serve();

    const token = await client.requestToken();
    const api = await client.call('GET', '/api/v2/nothing-here');

    expect(token.headers.get('inin-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(api.headers.get('inin-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
