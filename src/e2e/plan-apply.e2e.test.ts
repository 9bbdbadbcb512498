import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newestReport, outcomesByRow, reportFiles } from '../test-support/reports.js';
import { runOffboard } from '../test-support/run-offboard.js';
import { type SandboxEnv, startSandboxEnv } from '../test-support/sandbox-env.js';

const repo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const MANIFEST = repo('manifests/example-leavers.csv');
const PROTECT = repo('manifests/example-protected.txt');
const expected = JSON.parse(
  await readFile(repo('fixtures/sandbox-expected.json'), 'utf8'),
) as {
  plan: Record<string, string>;
  apply: Record<string, string>;
};

let sandbox: SandboxEnv;
const run = (...args: string[]) =>
  runOffboard(args, { cwd: sandbox.cwd, env: sandbox.env });

/** Apply's decision spool, or anything else hidden, left in the reports directory. */
async function hiddenLeftovers(): Promise<string[]> {
  const names = await readdir(join(sandbox.cwd, 'reports'));
  return names.filter((name) => name.startsWith('.'));
}

beforeEach(async () => {
  sandbox = await startSandboxEnv();
});
afterEach(async () => {
  await sandbox.close();
});

describe('offboard plan', () => {
  it('reports the outcome apply would reach for every row and sends no write', async () => {
    const result = await run('plan', MANIFEST, '--protect', PROTECT, '--rate', '6000');

    expect(result.code).toBe(1);
    expect(
      outcomesByRow(await newestReport(join(sandbox.cwd, 'reports'), 'plan')),
    ).toEqual(expected.plan);
    expect(sandbox.org.writes()).toEqual([]);
    expect(result.stdout).toMatch(/would-deactivate\s+4/);
  });
});

describe('offboard apply', () => {
  it('deactivates and deletes exactly the users the rows ask for', async () => {
    const result = await run(
      'apply',
      MANIFEST,
      '--yes',
      '--protect',
      PROTECT,
      '--rate',
      '6000',
    );

    expect(result.code).toBe(1);
    expect(
      outcomesByRow(await newestReport(join(sandbox.cwd, 'reports'), 'apply')),
    ).toEqual(expected.apply);
    const alice = sandbox.org.usersByEmail('alice.archer@example.com');
    expect(alice.map((user) => user.state)).toEqual(['inactive']);
    const bob = sandbox.org.usersByEmail('bob.baker@example.com');
    expect(bob.map((user) => user.state)).toEqual(['deleted']);
    const frank = sandbox.org.usersByEmail('frank.fisher@example.com');
    expect(frank.map((user) => user.state)).toEqual(['active']);
    const touched = (email: string) => {
      const ids = sandbox.org.usersByEmail(email).map((user) => user.id);
      return sandbox.org.writes().filter((w) => ids.some((id) => w.path.endsWith(id)));
    };
    for (const untouchable of [
      'mallory.moss',
      'frank.fisher',
      'ivan.ives',
      'heidi.hughes',
    ]) {
      expect(touched(`${untouchable}@example.com`)).toEqual([]);
    }
    expect(await hiddenLeftovers()).toEqual([]);
  });

  it('sends only a DELETE for an inactive user whose row asks for delete', async () => {
    await run('apply', MANIFEST, '--yes', '--protect', PROTECT, '--rate', '6000');

    const [dave] = sandbox.org.usersByEmail('dave.dyer@example.com');
    const daveWrites = sandbox.org.writes().filter((w) => w.path.endsWith(dave!.id));
    expect(daveWrites.map((w) => w.method)).toEqual(['DELETE']);
  });

  it('sends no write for rows already done when the same manifest is applied again', async () => {
    await run('apply', MANIFEST, '--yes', '--protect', PROTECT, '--rate', '6000');
    const before = sandbox.org.writes().length;

    await run('apply', MANIFEST, '--yes', '--protect', PROTECT, '--rate', '6000');

    const second = outcomesByRow(
      await newestReport(join(sandbox.cwd, 'reports'), 'apply'),
    );
    const again = sandbox.org.writes().slice(before);
    const [oscar] = sandbox.org.usersByEmail('oscar.olsen@example.com');
    expect(again.every((w) => w.path.endsWith(oscar!.id))).toBe(true);
    expect(second['2']).toBe('already-inactive');
    expect(second['3']).toBe('already-deleted');
  });

  it('deletes rows without an action when run with --delete', async () => {
    await run(
      'apply',
      MANIFEST,
      '--yes',
      '--delete',
      '--protect',
      PROTECT,
      '--rate',
      '6000',
    );

    const report = outcomesByRow(
      await newestReport(join(sandbox.cwd, 'reports'), 'apply'),
    );
    expect(report['2']).toBe('deleted');
    expect(report['4']).toBe('already-inactive');
  });

  it('without --yes and without a terminal exits 3 before sending any request', async () => {
    const result = await run('apply', MANIFEST, '--protect', PROTECT);

    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/--yes/);
    expect(sandbox.org.requests).toEqual([]);
  });

  it('stops with exit 3 and no write when more users would change than --max-changes', async () => {
    const result = await run(
      'apply',
      MANIFEST,
      '--yes',
      '--max-changes',
      '2',
      '--rate',
      '6000',
    );

    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/--max-changes/);
    expect(sandbox.org.writes()).toEqual([]);
    expect(await hiddenLeftovers()).toEqual([]);
  });
});

describe('the report', () => {
  it('writes the contract columns in manifest order, readable by the owner only', async () => {
    await run('plan', MANIFEST, '--protect', PROTECT, '--rate', '6000');

    const [csv] = await reportFiles(join(sandbox.cwd, 'reports'), '-plan.csv');
    const lines = (await readFile(csv!, 'utf8')).trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      'row,email,user_id,name,state_before,action,outcome,detail,Employee ID,Last Day',
    );
    expect(lines.slice(1).map((line) => Number(line.split(',')[0]))).toEqual(
      Array.from({ length: 17 }, (_, i) => i + 2),
    );
    expect((await stat(csv!)).mode & 0o777).toBe(0o600);
  });

  it('keeps a snapshot of the profile before the change in the jsonl', async () => {
    await run('apply', MANIFEST, '--yes', '--protect', PROTECT, '--rate', '6000');

    const lines = await newestReport(join(sandbox.cwd, 'reports'), 'apply');
    const alice = lines.find((line) => line.row === 2);
    expect(alice?.snapshot).toMatchObject({
      email: 'alice.archer@example.com',
      state: 'active',
      name: expect.any(String),
    });
    expect(alice?.correlation_id).toEqual(expect.any(String));
  });
});

describe('secrets', () => {
  it('never reach stdout, stderr, logs or reports', async () => {
    const result = await run(
      'apply',
      MANIFEST,
      '--yes',
      '--log-level',
      'trace',
      '--rate',
      '6000',
    );

    const everything = [result.stdout, result.stderr];
    for (const file of await reportFiles(join(sandbox.cwd, 'reports'), '')) {
      everything.push(await readFile(file, 'utf8'));
    }
    const text = everything.join('\n');
    const basic = Buffer.from('sandbox-client:sandbox-secret').toString('base64');
    expect(text).not.toContain('sandbox-secret');
    expect(text).not.toContain(basic);
    expect(text).not.toMatch(/Bearer\s+[A-Za-z0-9_-]{8}/);
    expect(text).not.toMatch(/access_token"?\s*[:=]\s*"?[A-Za-z0-9_-]{8}/);
    expect(result.logs.length).toBeGreaterThan(0);
  });
});

describe('configuration and input errors', () => {
  it('exits 2 naming the missing variable before any request', async () => {
    const result = await runOffboard(['plan', MANIFEST], {
      cwd: sandbox.cwd,
      env: {
        GENESYS_CLOUD_API_URL: sandbox.url,
        GENESYS_CLOUD_CLIENT_ID: 'sandbox-client',
      },
    });

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/GENESYS_CLOUD_CLIENT_SECRET/);
    expect(sandbox.org.requests).toEqual([]);
  });

  it('exits 2 naming the line of a broken manifest and changes nothing', async () => {
    const result = await run(
      'apply',
      repo('fixtures/hostile/unbalanced-quotes.csv'),
      '--yes',
    );

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/line \d+/);
    expect(sandbox.org.writes()).toEqual([]);
  });

  it('treats a header with no rows as a month without leavers: exit 0, empty report', async () => {
    const result = await run(
      'apply',
      repo('fixtures/manifests/header-only.csv'),
      '--yes',
    );

    expect(result.code).toBe(0);
    expect(await newestReport(join(sandbox.cwd, 'reports'), 'apply')).toEqual([]);
  });
});

describe('protected accounts', () => {
  it('are never written to when listed in OFFBOARD_PROTECT_FILE', async () => {
    const [alice] = sandbox.org.usersByEmail('alice.archer@example.com');
    const list = join(sandbox.cwd, 'protected.txt');
    await writeFile(list, `# service accounts and legal holds\n${alice!.id}\n`);

    await runOffboard(['apply', MANIFEST, '--yes', '--rate', '6000'], {
      cwd: sandbox.cwd,
      env: { ...sandbox.env, OFFBOARD_PROTECT_FILE: 'protected.txt' },
    });

    const report = outcomesByRow(
      await newestReport(join(sandbox.cwd, 'reports'), 'apply'),
    );
    expect(report['2']).toBe('protected');
    expect(sandbox.org.writes().filter((w) => w.path.endsWith(alice!.id))).toEqual([]);
  });
});
