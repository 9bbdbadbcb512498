import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { EXAMPLE_MANIFEST, EXAMPLE_PROTECT } from '../test-support/e2e-paths.js';
import { newestReport } from '../test-support/reports.js';
import { runOffboard } from '../test-support/run-offboard.js';
import { type SandboxEnv, startSandboxEnv } from '../test-support/sandbox-env.js';

let sandbox: SandboxEnv;
beforeEach(async () => {
  sandbox = await startSandboxEnv();
});
afterEach(async () => {
  await sandbox.close();
});

const apply = (...extra: string[]) =>
  runOffboard(
    [
      'apply',
      EXAMPLE_MANIFEST,
      '--yes',
      '--rate',
      '6000',
      '--protect',
      EXAMPLE_PROTECT,
      ...extra,
    ],
    { cwd: sandbox.cwd, env: sandbox.env },
  );
const profileReads = () =>
  sandbox.org.requests.filter(
    (r) =>
      r.path.endsWith('/queues') ||
      r.path.endsWith('/directreports') ||
      r.path.startsWith('/api/v2/authorization/subjects/') ||
      r.query.includes('expand=groups'),
  );

describe('apply --snapshot full', () => {
  it('records queues, groups and roles in the snapshot before the change', async () => {
    await apply('--snapshot', 'full');

    const lines = await newestReport(join(sandbox.cwd, 'reports'), 'apply');
    const alice = lines.find((line) => line.row === 2);
    expect(alice?.outcome).toBe('deactivated');
    expect(alice?.snapshot).toMatchObject({
      state: 'active',
      profile: {
        queues: expect.arrayContaining([
          expect.objectContaining({ name: expect.any(String) }),
        ]),
        groups: expect.any(Array),
        roles: expect.any(Array),
        directReports: expect.any(Array),
      },
    });
  });

  it('costs four reads for each user written to, and none without the flag', async () => {
    await apply();
    expect(profileReads()).toHaveLength(0);

    await sandbox.close();
    sandbox = await startSandboxEnv();
    await apply('--snapshot', 'full');

    const written = [
      'alice.archer',
      'bob.baker',
      'dave.dyer',
      'judy.jones',
      'oscar.olsen',
      'peggy.price',
    ];
    expect(profileReads()).toHaveLength(4 * written.length);
  });
});
