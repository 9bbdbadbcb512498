import { setupServer, type SetupServer } from 'msw/node';
import { GenesysClient } from '../genesys/client.js';
import { UsersApi } from '../genesys/users-api.js';
import { createLogger } from '../log/logger.js';
import type { PipelineContext } from '../pipeline/context.js';
import { ProtectList } from '../pipeline/protect-list.js';
import { sandboxHandlers } from '../sandbox/msw.js';
import { FakeOrg, type FakeOrgOptions, loadOrgFixture } from '../sandbox/org.js';

export const MSW_BASE_URL = 'https://api.sandbox.test';

/** Starts msw over a fresh fake org; every request that is not the org's is an error. */
export async function startMswSandbox(
  options: FakeOrgOptions = {},
): Promise<{ org: FakeOrg; server: SetupServer }> {
  const org = FakeOrg.fromFixture(await loadOrgFixture(), options);
  const server = setupServer(...sandboxHandlers(org, MSW_BASE_URL));
  server.listen({ onUnhandledRequest: 'error' });
  return { org, server };
}

/** A pipeline context over the msw sandbox, with no waiting between requests. */
export function testContext(overrides: Partial<PipelineContext> = {}): PipelineContext {
  const logger = createLogger({ level: 'silent' });
  const client = new GenesysClient({
    config: {
      apiUrl: MSW_BASE_URL,
      loginUrl: MSW_BASE_URL,
      clientId: 'sandbox-client',
      clientSecret: 'sandbox-secret',
    },
    ratePerMinute: 600_000,
    logger,
    sleep: () => Promise.resolve(),
  });
  return {
    users: new UsersApi(client),
    protect: new ProtectList(),
    defaultAction: 'deactivate',
    concurrency: 4,
    logger,
    ...overrides,
  };
}
