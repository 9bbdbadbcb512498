import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { generatedEmail, GENERATED_ORG_CLIENT } from '../sandbox/generated-org.js';
import { FakeOrg, type OrgFixture } from '../sandbox/org.js';
import { startSandboxServer } from '../sandbox/server.js';
import { type ChildRun, runMeasured } from './child-run.js';
import { manifestFor } from './manifest-file.js';
import { type Scenario, SERVER_WINDOW_SECONDS } from './scenarios.js';
import { measureTraffic, type Traffic } from './traffic.js';

/** Where the programs a scenario runs are, and where it may write. */
export interface BenchPaths {
  /** The built `offboard` (dist/cli/main.js). */
  readonly offboard: string;
  /** The built naive runner (dist/bench/naive-main.js). */
  readonly naive: string;
  /** A scratch directory for manifests and reports, removed by the caller. */
  readonly workDir: string;
}

export interface ScenarioResult {
  readonly scenario: Scenario;
  readonly run: ChildRun;
  readonly traffic: Traffic;
  /** Every row reached its outcome: the users are in the asked state (plan: exit 0). */
  readonly complete: boolean;
}

/**
 * Runs one scenario against a fresh sandbox over `fixture` on 127.0.0.1, enforcing the
 * scenario's server limit, and reads what it sent from the sandbox's request log.
 */
export async function runScenario(
  scenario: Scenario,
  fixture: OrgFixture,
  paths: BenchPaths,
): Promise<ScenarioResult> {
  const org = FakeOrg.fromFixture(
    startingFrom(fixture, scenario),
    serverLimitOf(scenario),
  );
  const sandbox = await startSandboxServer({ org, host: '127.0.0.1' });
  const cwd = join(paths.workDir, slug(scenario.name));
  await mkdir(cwd, { recursive: true });
  const manifest = await manifestFor(paths.workDir, scenario.rows, scenario.action);
  try {
    const [script, args] = command(scenario, manifest, paths);
    const run = await runMeasured(script, args, { cwd, env: sandboxEnv(sandbox.url) });
    const traffic = measureTraffic(org.requests);
    return { scenario, run, traffic, complete: isComplete(scenario, run, org) };
  } finally {
    await sandbox.close();
  }
}

/** The fixture with every user in the scenario's starting state. */
function startingFrom(fixture: OrgFixture, scenario: Scenario): OrgFixture {
  const state = scenario.usersStart ?? 'active';
  return fixture.users.every((user) => user.state === state)
    ? fixture
    : { ...fixture, users: fixture.users.map((user) => ({ ...user, state })) };
}

function serverLimitOf(scenario: Scenario) {
  return scenario.serverLimit === undefined
    ? {}
    : {
        rateLimitPerMinute: scenario.serverLimit,
        rateWindowSeconds: SERVER_WINDOW_SECONDS,
      };
}

function command(
  scenario: Scenario,
  manifest: string,
  paths: BenchPaths,
): [string, string[]] {
  const rate = ['--rate', String(scenario.rate)];
  switch (scenario.kind) {
    case 'naive':
      return [paths.naive, [manifest, ...rate]];
    case 'plan':
      return [paths.offboard, ['plan', manifest, ...rate, '--log-level', 'info']];
    case 'apply': {
      const guard = ['--yes', '--max-changes', String(scenario.rows)];
      return [
        paths.offboard,
        ['apply', manifest, ...guard, ...rate, '--log-level', 'info'],
      ];
    }
  }
}

function sandboxEnv(url: string): Record<string, string> {
  return {
    GENESYS_CLOUD_API_URL: url,
    GENESYS_CLOUD_CLIENT_ID: GENERATED_ORG_CLIENT.clientId,
    GENESYS_CLOUD_CLIENT_SECRET: GENERATED_ORG_CLIENT.clientSecret,
  };
}

/**
 * Plan: exit 0 (every row done). Apply: exit 0 too, and every row's user is in the
 * asked state, as for the naive approach.
 */
function isComplete(scenario: Scenario, run: ChildRun, org: FakeOrg): boolean {
  if (scenario.kind !== 'naive' && run.code !== 0) {
    return false;
  }
  if (scenario.kind === 'plan') {
    return true;
  }
  const wanted = scenario.action === 'delete' ? 'deleted' : 'inactive';
  for (let n = 1; n <= scenario.rows; n += 1) {
    const [user] = org.usersByEmail(generatedEmail(n));
    if (user?.state !== wanted) {
      return false;
    }
  }
  return true;
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
