import { describe, expect, it } from '@jest/globals';
import { useMswSandbox } from '../test-support/msw-sandbox.js';
import type { SandboxClient } from './sandbox-client.js';

const sandbox = useMswSandbox();

async function limited(
  perMinute: number,
  clock: { now: number },
): Promise<SandboxClient> {
  const { client } = await sandbox.open({
    rateLimitPerMinute: perMinute,
    now: () => clock.now,
  });
  return client;
}

describe('rate limit (msw, injected clock)', () => {
  it('answers 429 past the limit, with Retry-After until a slot frees', async () => {
    const clock = { now: 0 };
    const client = await limited(3, clock);
    for (const at of [0, 10_000, 20_000]) {
      clock.now = at;
      expect((await client.call('GET', '/api/v2/users')).status).toBe(200);
    }

    clock.now = 30_500;
    const refused = await client.call('GET', '/api/v2/users');

    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect(refused.body).toMatchObject({ code: 'too.many.requests', status: 429 });
  });

  it('admits again once the oldest request leaves the 60 s window', async () => {
    const clock = { now: 0 };
    const client = await limited(2, clock);
    await client.call('GET', '/api/v2/users');
    await client.call('GET', '/api/v2/users');

    clock.now = 59_999;
    const stillFull = await client.call('GET', '/api/v2/users');
    clock.now = 60_000;
    const freed = await client.call('GET', '/api/v2/users');

    expect(stillFull.status).toBe(429);
    expect(stillFull.headers.get('retry-after')).toBe('1');
    expect(freed.status).toBe(200);
  });

  it('does not count token requests', async () => {
    const clock = { now: 0 };
    const client = await limited(1, clock);
    await client.requestToken();
    await client.requestToken();

    const res = await client.call('GET', '/api/v2/users');

    expect(res.status).toBe(200);
  });
});
