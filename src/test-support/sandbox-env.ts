import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeOrg, type FakeOrgOptions, loadOrgFixture } from '../sandbox/org.js';
import { startSandboxServer } from '../sandbox/server.js';

/** A sandbox over real HTTP and a scratch working directory for one test. */
export interface SandboxEnv {
  readonly org: FakeOrg;
  readonly url: string;
  readonly cwd: string;
  /** The environment that points offboard at this sandbox. */
  readonly env: Record<string, string>;
  close(): Promise<void>;
}

export async function startSandboxEnv(options: FakeOrgOptions = {}): Promise<SandboxEnv> {
  const org = FakeOrg.fromFixture(await loadOrgFixture(), options);
  const server = await startSandboxServer({ org });
  const cwd = await mkdtemp(join(tmpdir(), 'offboard-e2e-'));
  const env = {
    GENESYS_CLOUD_API_URL: server.url,
    GENESYS_CLOUD_CLIENT_ID: 'sandbox-client',
    GENESYS_CLOUD_CLIENT_SECRET: 'sandbox-secret',
  };
  return { org, url: server.url, cwd, env, close: () => server.close() };
}
