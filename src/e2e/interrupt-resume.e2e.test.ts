import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { EXAMPLE_MANIFEST, EXAMPLE_PROTECT } from '../test-support/e2e-paths.js';
import { newestReport, reportFiles } from '../test-support/reports.js';
import { runOffboard, startOffboard } from '../test-support/run-offboard.js';
import { type SandboxEnv, startSandboxEnv } from '../test-support/sandbox-env.js';

let sandbox: SandboxEnv;
const reports = () => join(sandbox.cwd, 'reports');
/** Slow enough (one request every 500 ms) to signal a run in the middle of its writes. */
const SLOW = ['--rate', '120', '--protect', EXAMPLE_PROTECT, '--yes'];
const FAST = ['--rate', '6000', '--protect', EXAMPLE_PROTECT, '--yes'];
const LEAVERS = ['alice.archer', 'bob.baker', 'dave.dyer', 'judy.jones', 'peggy.price'];

beforeEach(async () => {
  sandbox = await startSandboxEnv();
});
afterEach(async () => {
  await sandbox.close();
});

async function untilFirstWrite(): Promise<void> {
  for (let waited = 0; waited < 20_000; waited += 20) {
    if (sandbox.org.writes().some((w) => w.status === 200)) {
      return;
    }
    await sleep(20);
  }
  throw new Error('no write reached the sandbox within 20 s');
}

/** Successful writes per user and method: more than one would be a repeated write. */
function successfulWrites(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of sandbox.org.writes().filter((write) => write.status === 200)) {
    const key = `${w.method} ${w.path}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function leaverStates(): string[] {
  return LEAVERS.map((name) => {
    const users = sandbox.org.usersByEmail(`${name}@example.com`);
    return users.map((user) => user.state).join('+');
  });
}

async function resumeToEnd(): Promise<void> {
  const [jsonl] = await reportFiles(reports(), '-apply.jsonl');
  const resumed = await runOffboard(
    ['apply', EXAMPLE_MANIFEST, '--resume', jsonl!, ...FAST],
    {
      cwd: sandbox.cwd,
      env: sandbox.env,
    },
  );
  expect(resumed.code).toBe(1);
}

async function expectEveryRowOnce(): Promise<void> {
  const lines = await newestReport(reports(), 'apply');
  expect(lines.map((line) => line.row).sort((a, b) => a - b)).toEqual(
    Array.from({ length: 17 }, (_, i) => i + 2),
  );
  const [csv] = await reportFiles(reports(), '-apply.csv');
  expect(csv).toBeDefined();
}

describe('an interrupted apply', () => {
  it('on SIGTERM finishes the rows in flight, keeps the report and exits 143', async () => {
    const { child, done } = startOffboard(['apply', EXAMPLE_MANIFEST, ...SLOW], {
      cwd: sandbox.cwd,
      env: sandbox.env,
    });
    await untilFirstWrite();
    child.kill('SIGTERM');
    const result = await done;

    expect(result.code).toBe(143);
    const lines = await newestReport(reports(), 'apply');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThan(17);
    const [partial] = await reportFiles(reports(), '-apply.csv.partial');
    expect(existsSync(partial!)).toBe(true);
  });

  it('resumed after SIGKILL, reports every row once and writes no user twice', async () => {
    const { child, done } = startOffboard(['apply', EXAMPLE_MANIFEST, ...SLOW], {
      cwd: sandbox.cwd,
      env: sandbox.env,
    });
    await untilFirstWrite();
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');

    await resumeToEnd();

    await expectEveryRowOnce();
    expect([...successfulWrites().values()].every((count) => count === 1)).toBe(true);
    expect(leaverStates()).toEqual([
      'inactive',
      'deleted',
      'deleted',
      'deleted+inactive',
      'inactive',
    ]);
  });

  it('on a second signal exits at once, leaving a report that --resume completes', async () => {
    const { child, done } = startOffboard(['apply', EXAMPLE_MANIFEST, ...SLOW], {
      cwd: sandbox.cwd,
      env: sandbox.env,
    });
    await untilFirstWrite();
    child.kill('SIGINT');
    await sleep(50);
    child.kill('SIGINT');
    expect((await done).code).toBe(130);

    await resumeToEnd();

    await expectEveryRowOnce();
    expect([...successfulWrites().values()].every((count) => count === 1)).toBe(true);
  });

  it('refuses to resume into a report of another manifest', async () => {
    await runOffboard(['apply', EXAMPLE_MANIFEST, ...FAST], {
      cwd: sandbox.cwd,
      env: sandbox.env,
    });
    const [jsonl] = await reportFiles(reports(), '-apply.jsonl');
    const other = join(sandbox.cwd, '..', 'other.csv');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(other, 'email\nsomeone.else@example.com\n');

    const result = await runOffboard(['apply', other, '--resume', jsonl!, ...FAST], {
      cwd: sandbox.cwd,
      env: sandbox.env,
    });

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not a report of this manifest/);
  });
});
