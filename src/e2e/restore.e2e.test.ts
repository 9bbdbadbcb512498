import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { EXAMPLE_MANIFEST, EXAMPLE_PROTECT } from '../test-support/e2e-paths.js';
import { newestReport, outcomesByRow, reportFiles } from '../test-support/reports.js';
import { runOffboard } from '../test-support/run-offboard.js';
import { type SandboxEnv, startSandboxEnv } from '../test-support/sandbox-env.js';

let sandbox: SandboxEnv;
const run = (...args: string[]) =>
  runOffboard(args, { cwd: sandbox.cwd, env: sandbox.env });
const reports = () => join(sandbox.cwd, 'reports');
const FAST = ['--rate', '6000', '--protect', EXAMPLE_PROTECT];

beforeEach(async () => {
  sandbox = await startSandboxEnv();
});
afterEach(async () => {
  await sandbox.close();
});

async function applyExample(): Promise<string> {
  await run('apply', EXAMPLE_MANIFEST, '--yes', ...FAST);
  const [jsonl] = await reportFiles(reports(), '-apply.jsonl');
  return jsonl!;
}

describe('offboard restore', () => {
  it('brings back every user the apply run deactivated or deleted, and only those', async () => {
    const report = await applyExample();
    const writesBefore = sandbox.org.writes().length;

    const result = await run('restore', report, '--yes', ...FAST);

    expect(result.code).toBe(0);
    const restored = await newestReport(reports(), 'restore');
    expect(restored.map((line) => line.outcome)).toEqual(Array(5).fill('restored'));
    for (const email of ['alice.archer', 'bob.baker', 'dave.dyer', 'peggy.price']) {
      const [user] = sandbox.org.usersByEmail(`${email}@example.com`);
      expect(user?.state).toBe('active');
    }
    const patches = sandbox.org.writes().slice(writesBefore);
    expect(patches.every((w) => w.method === 'PATCH')).toBe(true);
    expect(patches).toHaveLength(5);
  });

  it('sends nothing for a user who is already active again', async () => {
    const report = await applyExample();
    await run('restore', report, '--yes', ...FAST);
    const writesBefore = sandbox.org.writes().length;

    await run('restore', report, '--yes', ...FAST);

    const again = outcomesByRow(await newestReport(reports(), 'restore'));
    expect(Object.values(again)).toEqual(Array(5).fill('already-active'));
    expect(sandbox.org.writes().length).toBe(writesBefore);
  });

  it('without --yes and without a terminal exits 3 and sends nothing', async () => {
    const report = await applyExample();
    const before = sandbox.org.requests.length;

    const result = await run('restore', report, ...FAST);

    expect(result.code).toBe(3);
    expect(sandbox.org.requests.length).toBe(before);
  });
});

describe('the run lock', () => {
  it('stops a second apply while another holds the lock, naming the holder', async () => {
    const holder = {
      pid: process.pid,
      host: hostname(),
      command: 'apply',
      startedAt: 'now',
    };
    await run('plan', EXAMPLE_MANIFEST, ...FAST);
    await writeFile(join(reports(), '.offboard.lock'), JSON.stringify(holder));

    const result = await run('apply', EXAMPLE_MANIFEST, '--yes', ...FAST);

    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`pid ${process.pid}`);
    expect(sandbox.org.writes()).toEqual([]);
  });
});

describe('offboard lookup', () => {
  it('names a user from the directory archive after their profile is deleted', async () => {
    await applyExample();
    const [bob] = sandbox.org.usersByEmail('bob.baker@example.com');

    const byId = await run('lookup', bob!.id);
    const byEmail = await run('lookup', 'BOB.BAKER@example.com');

    expect(byId.code).toBe(0);
    expect(byId.stdout).toContain(`name: ${bob!.name}`);
    expect(byId.stdout).toContain('state: deleted');
    expect(byEmail.stdout).toBe(byId.stdout);
  });

  it('exits 1 for an id nobody archived', async () => {
    const result = await run('lookup', 'no-such-id');

    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/not in the directory archive/);
  });
});
