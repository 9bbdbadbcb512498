import { describe, expect, it } from '@jest/globals';
import type { User } from '../genesys/types.js';
import { useMswSandbox } from '../test-support/msw-sandbox.js';
import type { FaultOptions } from './fault-options.js';
import type { FakeOrg } from './org.js';
import type { SandboxClient } from './sandbox-client.js';

const msw = useMswSandbox();
const mockServer = msw.server;

function sandbox(faults: FaultOptions): Promise<{ org: FakeOrg; client: SandboxClient }> {
  return msw.open({ faults });
}

function alice(org: FakeOrg): User {
  return org.usersByEmail('alice.archer@example.com')[0]!;
}

describe('fault injection (msw)', () => {
  it('answers 502/503/504 at errorRate 1 and never applies the write', async () => {
    const { org, client } = await sandbox({ errorRate: 1 });
    const { id, version } = alice(org);

    const res = await client.call('PATCH', `/api/v2/users/${id}`, {
      state: 'inactive',
      version,
    });

    expect([502, 503, 504]).toContain(res.status);
    expect(res.body).toHaveProperty('contextId', res.headers.get('inin-correlation-id'));
    expect(org.user(id)).toMatchObject({ state: 'active', version });
  });

  it('answers 429 with Retry-After 1 at throttleRate 1', async () => {
    const { client } = await sandbox({ throttleRate: 1 });

    const res = await client.call('GET', '/api/v2/users');

    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(res.body).toMatchObject({ code: 'too.many.requests', status: 429 });
  });

  it('drops the connection at resetRate 1, recording status 0, writing nothing', async () => {
    const { org, client } = await sandbox({ resetRate: 1 });
    const { id } = alice(org);

    const call = client.call('DELETE', `/api/v2/users/${id}`);

    await expect(call).rejects.toThrow(TypeError);
    expect(org.user(id)?.state).toBe('active');
    expect(org.requests.at(-1)).toMatchObject({ method: 'DELETE', status: 0 });
  });

  it('turns a hang into a network error under msw', async () => {
    const { client } = await sandbox({ hangRate: 1 });

    await expect(client.call('GET', '/api/v2/users')).rejects.toThrow(TypeError);
  });

  it('moves the target version before a write at versionBumpRate 1', async () => {
    const { org, client } = await sandbox({ versionBumpRate: 1 });
    const { id, version } = alice(org);

    const res = await client.call('PATCH', `/api/v2/users/${id}`, {
      state: 'inactive',
      version,
    });

    expect(res.status).toBe(409);
    expect(org.user(id)).toMatchObject({ state: 'active', version: version + 1 });
  });

  it('still answers, unchanged, when latency is added', async () => {
    const { client } = await sandbox({ latencyMs: 5 });

    const res = await client.call('GET', '/api/v2/users');

    expect(res.status).toBe(200);
  });

  it('leaves the token endpoint alone', async () => {
    const { client } = await sandbox({ errorRate: 1, resetRate: 1, throttleRate: 1 });

    const res = await client.requestToken();

    expect(res.status).toBe(200);
  });

  it('repeats the same faults for the same seed and differs for another', async () => {
    async function statuses(seed: number): Promise<number[]> {
      const { client } = await sandbox({ seed, errorRate: 0.3, throttleRate: 0.2 });
      const seen: number[] = [];
      for (let i = 0; i < 30; i += 1) {
        seen.push((await client.call('GET', '/api/v2/users')).status);
      }
      mockServer.resetHandlers();
      return seen;
    }

    const first = await statuses(7);
    const again = await statuses(7);
    const other = await statuses(8);

    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    expect(first).toContain(200);
    expect(first.some((s) => s >= 429)).toBe(true);
  });
});
