import { afterEach, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import type { FaultOptions } from '../sandbox/org.js';
import {
  EXAMPLE_MANIFEST,
  EXAMPLE_PROTECT,
  expectedOutcomes,
} from '../test-support/e2e-paths.js';
import { newestReport, outcomesByRow } from '../test-support/reports.js';
import { runOffboard } from '../test-support/run-offboard.js';
import { type SandboxEnv, startSandboxEnv } from '../test-support/sandbox-env.js';

let sandbox: SandboxEnv | undefined;
afterEach(async () => {
  await sandbox?.close();
});

async function applyWithFaults(faults: FaultOptions, ...extra: string[]) {
  sandbox = await startSandboxEnv({ faults });
  const args = ['apply', EXAMPLE_MANIFEST, '--yes', '--protect', EXAMPLE_PROTECT];
  const result = await runOffboard([...args, '--rate', '6000', ...extra], {
    cwd: sandbox.cwd,
    env: sandbox.env,
  });
  const report = await newestReport(join(sandbox.cwd, 'reports'), 'apply');
  return { result, outcomes: outcomesByRow(report), org: sandbox.org };
}

describe('apply over a faulty network', () => {
  it('retries resets, 5xx, 429s, expiring tokens and concurrent edits to the same result', async () => {
    const faults = {
      seed: 3,
      errorRate: 0.2,
      resetRate: 0.1,
      throttleRate: 0.05,
      latencyMs: 5,
      versionBumpRate: 0.2,
      tokenTtlSeconds: 2,
    };

    const { result, outcomes, org } = await applyWithFaults(faults);

    expect(result.code).toBe(1);
    expect(outcomes).toEqual((await expectedOutcomes()).apply);
    expect(
      org.requests.filter((r) => r.status === 0 || r.status >= 502).length,
    ).toBeGreaterThan(0);
    expect(result.logs.some((line) => String(line.msg).startsWith('retrying'))).toBe(
      true,
    );
  });

  it('does not hang on a server that accepts a request and never answers', async () => {
    const { result, outcomes } = await applyWithFaults(
      { seed: 5, hangRate: 0.1 },
      '--timeout',
      '1',
    );

    expect(result.code).toBe(1);
    expect(outcomes).toEqual((await expectedOutcomes()).apply);
    const timeouts = result.logs.filter((line) => line.code === 'ETIMEDOUT');
    expect(timeouts.length).toBeGreaterThan(0);
  });
});
