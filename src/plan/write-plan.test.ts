import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/config.js';
import type { Decision } from '../pipeline/decision.js';
import { manifestRow } from '../test-support/manifest-rows.js';
import { useTempDirs } from '../test-support/temp-dir.js';
import { PLAN_FORMAT, type PlanHeader } from './plan-file.js';
import { readPlan } from './read-plan.js';
import { PlanWriter } from './write-plan.js';

const config: Config = {
  apiUrl: 'https://api.example.test',
  loginUrl: 'https://login.example.test',
  clientId: 'client-1',
  clientSecret: 'not-used',
};

const header: PlanHeader = {
  format: PLAN_FORMAT,
  org: { apiUrl: config.apiUrl, clientId: config.clientId },
  manifest: { path: '/m/leavers.csv', sha256: 'ab'.repeat(32), extraColumns: [] },
  defaultAction: 'deactivate',
  createdAt: '2026-12-01T00:00:00.000Z',
  expiresAt: '2026-12-08T00:00:00.000Z',
};

function decision(seq: number): Decision {
  const row = manifestRow(seq, `leaver.${seq}@example.com`);
  return {
    row,
    action: 'deactivate',
    outcome: 'would-deactivate',
    steps: ['deactivate'],
    user: { id: `user-${seq}`, version: 1, state: 'active', email: row.email },
  };
}

describe('PlanWriter', () => {
  const temp = useTempDirs();

  it('writes a plan spanning many chunks that readPlan accepts, every row in order', async () => {
    const path = join(await temp.make('offboard-plan-'), 'leavers.plan.json');
    const writer = PlanWriter.open(path, header);
    const rows = Array.from({ length: 2_000 }, (_, seq) => decision(seq));
    rows.forEach((row) => {
      writer.add(row);
    });

    expect(writer.close()).toBe(path);
    expect(readFileSync(path, 'utf8').length).toBeGreaterThan(4 * 64 * 1024);
    const plan = await readPlan(path, config, new Date('2026-12-02T00:00:00.000Z'));
    expect(plan.rows).toEqual(rows);
    expect(existsSync(`${path}.partial`)).toBe(false);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('keeps the plan under its .partial name until it is closed', async () => {
    const path = join(await temp.make('offboard-plan-'), 'leavers.plan.json');
    const writer = PlanWriter.open(path, header);
    writer.add(decision(0));

    expect(existsSync(path)).toBe(false);
    expect(existsSync(`${path}.partial`)).toBe(true);
    writer.close();
  });
});
