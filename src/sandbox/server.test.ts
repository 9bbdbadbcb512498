import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultOptions } from './fault-options.js';
import { FakeOrg, loadOrgFixture, type OrgFixture } from './org.js';
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

async function serve(faults: FaultOptions) {
  const org = FakeOrg.fromFixture(fixture, { faults });
  running = await startSandboxServer({ org });
  return { org, client: await new SandboxClient(running.url).login() };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) {
    await sleep(5);
  }
}

describe('startSandboxServer', () => {
  it('listens on 127.0.0.1 on a free port by default', async () => {
    const { client } = await serve({});

    expect(client.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('destroys the socket on a reset fault, so the client sees a network error', async () => {
    const { org, client } = await serve({ resetRate: 1 });
    const { id } = org.usersByEmail('bob.baker@example.com')[0]!;

    await expect(client.call('DELETE', `/api/v2/users/${id}`)).rejects.toThrow(
      'fetch failed',
    );
    expect(org.user(id)?.state).toBe('active');
  });

  it('never answers a hung request, and close() drops it', async () => {
    const { org, client } = await serve({ hangRate: 1 });
    const before = org.requests.length;

    const call = client.call('GET', '/api/v2/users');
    await until(() => org.requests.length > before);
    await running?.close();
    running = undefined;

    await expect(call).rejects.toThrow('fetch failed');
    expect(org.requests.at(-1)).toMatchObject({ path: '/api/v2/users', status: 0 });
  });

  it('answers through added latency, token calls included', async () => {
    const { client } = await serve({ latencyMs: 5 });

    const res = await client.call('GET', '/api/v2/users');

    expect(res.status).toBe(200);
  });

  it('answers a malformed JSON body with 400 bad.request', async () => {
    const { client } = await serve({});
    const token = (await client.requestToken()).body as { access_token: string };

    const res = await fetch(`${client.baseUrl}/api/v2/users/search`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token.access_token}`,
        'content-type': 'application/json',
      },
      body: '{"query": [',
    });

    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'bad.request' });
  });
});
