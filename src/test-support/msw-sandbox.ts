import { setupServer, type SetupServer } from 'msw/node';
import { GenesysClient } from '../genesys/client.js';
import { UsersApi } from '../genesys/users-api.js';
import { createLogger, type Logger } from '../log/logger.js';
import type { PipelineContext } from '../pipeline/context.js';
import { ProtectList } from '../pipeline/protect-list.js';
import { sandboxHandlers } from '../sandbox/msw.js';
import {
  FakeOrg,
  type FakeOrgOptions,
  loadOrgFixture,
  type OrgFixture,
} from '../sandbox/org.js';
import { SandboxClient } from '../sandbox/sandbox-client.js';
import { useMswServer } from './client-harness.js';

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

/** A fake org behind msw and a SandboxClient already logged in to it. */
export interface SandboxSession {
  readonly org: FakeOrg;
  readonly client: SandboxClient;
}

export interface MswSandbox {
  readonly server: SetupServer;
  /** Puts a fresh org behind msw for the current test (handlers reset after it). */
  serve(options?: FakeOrgOptions): Promise<FakeOrg>;
  /** Like `serve`, then logs a SandboxClient in; the token request reaches the org. */
  open(options?: FakeOrgOptions): Promise<SandboxSession>;
}

/**
 * One msw server for the test file (see useMswServer), answering as a fake org that each
 * test starts afresh. The org is built from `fixture`, or from the repository's fixture
 * (read once) when none is given; the org clones it, so tests cannot leak edits.
 */
export function useMswSandbox(fixture?: OrgFixture): MswSandbox {
  const server = useMswServer();
  let loaded: Promise<OrgFixture> | undefined;
  const fixtureOf = (): Promise<OrgFixture> =>
    fixture ? Promise.resolve(fixture) : (loaded ??= loadOrgFixture());
  const serve = async (options: FakeOrgOptions = {}): Promise<FakeOrg> => {
    const org = FakeOrg.fromFixture(await fixtureOf(), options);
    server.use(...sandboxHandlers(org, MSW_BASE_URL));
    return org;
  };
  const open = async (options: FakeOrgOptions = {}): Promise<SandboxSession> => {
    const org = await serve(options);
    return { org, client: await new SandboxClient(MSW_BASE_URL).login() };
  };
  return { server, serve, open };
}

/** The job's own client against the msw sandbox, with no waiting between requests. */
export function sandboxGenesysClient(logger: Logger): GenesysClient {
  return new GenesysClient({
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
}

/** A pipeline context over the msw sandbox, with no waiting between requests. */
export function testContext(overrides: Partial<PipelineContext> = {}): PipelineContext {
  const logger = createLogger({ level: 'silent' });
  return {
    users: new UsersApi(sandboxGenesysClient(logger)),
    protect: new ProtectList(),
    defaultAction: 'deactivate',
    concurrency: 4,
    logger,
    ...overrides,
  };
}
