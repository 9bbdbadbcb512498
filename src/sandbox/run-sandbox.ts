import type { FaultOptions } from './fault-options.js';
import { FakeOrg, loadOrgFixture } from './org.js';
import { startSandboxServer, type RunningSandbox } from './server.js';

export interface SandboxCommandOptions {
  port: number;
  host: string;
  fixturePath?: string;
  rateLimitPerMinute?: number;
  faults?: FaultOptions;
}

/**
 * What `offboard sandbox` runs: loads the fixture, serves it, and prints the base URL
 * and the environment lines that point `offboard` at it. The credentials printed are the
 * fixture's fake ones, public by design; they open nothing but this sandbox.
 */
export async function runSandbox(
  options: SandboxCommandOptions,
  stdout: NodeJS.WritableStream,
): Promise<RunningSandbox> {
  const fixture = await loadOrgFixture(options.fixturePath);
  const org = FakeOrg.fromFixture(fixture, {
    ...(options.rateLimitPerMinute === undefined
      ? {}
      : { rateLimitPerMinute: options.rateLimitPerMinute }),
    ...(options.faults ? { faults: options.faults } : {}),
  });
  const server = await startSandboxServer({
    org,
    host: options.host,
    port: options.port,
  });
  stdout.write(sandboxBanner(org, server.url));
  return server;
}

function sandboxBanner(org: FakeOrg, url: string): string {
  const { orgName, userCount, client } = org.summary();
  const lines = [
    `Sandbox org "${orgName}" (${userCount} users) at ${url}`,
    'Point offboard at it with these settings (environment or .env):',
    `GENESYS_CLOUD_API_URL=${url}`,
    `GENESYS_CLOUD_CLIENT_ID=${client?.clientId ?? ''}`,
    `GENESYS_CLOUD_CLIENT_SECRET=${client?.clientSecret ?? ''}`,
    '',
  ];
  return lines.join('\n');
}
