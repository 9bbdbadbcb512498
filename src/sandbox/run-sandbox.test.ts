import { afterEach, describe, expect, it } from '@jest/globals';
import { PassThrough } from 'node:stream';
import { runSandbox } from './run-sandbox.js';
import { SandboxClient } from './sandbox-client.js';
import type { RunningSandbox } from './server.js';

let running: RunningSandbox | undefined;

afterEach(async () => {
  await running?.close();
  running = undefined;
});

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  return { stream, text: () => chunks.join('') };
}

function envLines(text: string): Record<string, string> {
  const pairs = text
    .split('\n')
    .map((line) => /^(GENESYS_CLOUD_[A-Z_]+)=(.*)$/.exec(line))
    .filter((m) => m !== null)
    .map((m): [string, string] => [m[1]!, m[2]!]);
  return Object.fromEntries(pairs);
}

describe('runSandbox', () => {
  it('prints env lines whose URL and credentials log in to the running sandbox', async () => {
    const out = capture();
    running = await runSandbox({ host: '127.0.0.1', port: 0 }, out.stream);

    const env = envLines(out.text());
    const client = new SandboxClient(env.GENESYS_CLOUD_API_URL!);
    const token = await client.requestToken(
      env.GENESYS_CLOUD_CLIENT_ID,
      env.GENESYS_CLOUD_CLIENT_SECRET,
    );

    expect(env.GENESYS_CLOUD_API_URL).toBe(running.url);
    expect(out.text()).toContain(running.url);
    expect(token.status).toBe(200);
  });

  it('applies the rate limit it is given', async () => {
    const out = capture();
    running = await runSandbox(
      { host: '127.0.0.1', port: 0, rateLimitPerMinute: 1 },
      out.stream,
    );
    const client = await new SandboxClient(running.url).login();

    const first = await client.call('GET', '/api/v2/users');
    const second = await client.call('GET', '/api/v2/users');

    expect([first.status, second.status]).toEqual([200, 429]);
  });
});
