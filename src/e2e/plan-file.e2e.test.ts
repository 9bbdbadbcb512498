import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  EXAMPLE_MANIFEST,
  EXAMPLE_PROTECT,
  expectedOutcomes,
} from '../test-support/e2e-paths.js';
import { newestReport, outcomesByRow, reportFiles } from '../test-support/reports.js';
import { runOffboard } from '../test-support/run-offboard.js';
import { type SandboxEnv, startSandboxEnv } from '../test-support/sandbox-env.js';

let sandbox: SandboxEnv;
const run = (args: string[], env: Record<string, string> = {}) =>
  runOffboard(args, { cwd: sandbox.cwd, env: { ...sandbox.env, ...env } });
const reports = () => join(sandbox.cwd, 'reports');
const FAST = ['--rate', '6000', '--protect', EXAMPLE_PROTECT];

async function makePlan(...extra: string[]): Promise<string> {
  const result = await run(['plan', EXAMPLE_MANIFEST, ...FAST, ...extra]);
  expect(result.code).toBe(1);
  const [plan] = await reportFiles(reports(), '.plan.json');
  return plan!;
}

beforeEach(async () => {
  sandbox = await startSandboxEnv();
});
afterEach(async () => {
  await sandbox.close();
});

describe('apply <plan.json>', () => {
  it('does exactly what the reviewed plan says', async () => {
    const plan = await makePlan();

    const result = await run(['apply', plan, '--yes', ...FAST]);

    expect(result.code).toBe(1);
    const applied = outcomesByRow(await newestReport(reports(), 'apply'));
    expect(applied).toEqual((await expectedOutcomes()).apply);
  });

  it('leaves a user who changed since the plan alone, as stale', async () => {
    const plan = await makePlan();
    const [alice] = sandbox.org.usersByEmail('alice.archer@example.com');
    sandbox.org.bumpVersion(alice!.id);

    await run(['apply', plan, '--yes', ...FAST]);

    const applied = outcomesByRow(await newestReport(reports(), 'apply'));
    expect(applied['2']).toBe('stale');
    expect(sandbox.org.writes().filter((w) => w.path.endsWith(alice!.id))).toEqual([]);
    expect(sandbox.org.user(alice!.id)?.state).toBe('active');
  });

  it('refuses an edited plan with exit 3 before any write', async () => {
    const plan = await makePlan();
    const text = await readFile(plan, 'utf8');
    await writeFile(plan, text.replace('"would-delete"', '"would-deactivate"'));

    const result = await run(['apply', plan, '--yes', ...FAST]);

    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/edited/);
    expect(sandbox.org.writes()).toEqual([]);
  });

  it('refuses an expired plan with exit 3 before any write', async () => {
    const plan = await makePlan('--expires-in', '1m');
    const text = await readFile(plan, 'utf8');
    const expired = text.replace(
      /"expiresAt":"[^"]+"/,
      '"expiresAt":"2000-01-01T00:00:00.000Z"',
    );
    await writeFile(plan, expired);

    const result = await run(['apply', plan, '--yes', ...FAST]);

    expect(result.code).toBe(3);
    expect(sandbox.org.writes()).toEqual([]);
  });

  it('refuses a plan made against another org with exit 3 before any write', async () => {
    const plan = await makePlan();

    const result = await run(['apply', plan, '--yes', ...FAST], {
      GENESYS_CLOUD_CLIENT_ID: 'another-client',
    });

    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/another client or host/);
    expect(sandbox.org.writes()).toEqual([]);
  });
});

describe('the unattended flow, as cron runs it', () => {
  it('plans, then applies the reviewed plan with --yes and no terminal', async () => {
    const plan = await makePlan();
    const writesAfterPlan = sandbox.org.writes().length;

    const applied = await run(['apply', plan, '--yes', '--log-level', 'warn', ...FAST]);

    expect(writesAfterPlan).toBe(0);
    expect(applied.code).toBe(1);
    expect(applied.stderr).not.toMatch(/rows \d+\//);
    expect(applied.stdout).toMatch(/deactivated\s+3/);
  });
});
