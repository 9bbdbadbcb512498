import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Decision } from '../pipeline/decision.js';
import {
  duringPlan,
  planConfig,
  plannedDecision,
  planHeader,
} from '../test-support/plans.js';
import { useTempDirs } from '../test-support/temp-dir.js';
import { readPlan } from './read-plan.js';
import { PlanWriter } from './write-plan.js';

describe('PlanWriter', () => {
  const temp = useTempDirs();

  it('writes a plan spanning many chunks that readPlan accepts, every row in order', async () => {
    const path = join(await temp.make('offboard-plan-'), 'leavers.plan.json');
    const writer = PlanWriter.open(path, planHeader);
    const rows = Array.from({ length: 2_000 }, (_, seq) => plannedDecision(seq));
    rows.forEach((row) => {
      writer.add(row);
    });

    expect(writer.close()).toBe(path);
    expect(readFileSync(path, 'utf8').length).toBeGreaterThan(4 * 64 * 1024);
    const read: Decision[] = [];
    const header = await readPlan(path, planConfig, duringPlan, (d) => {
      read.push(d);
    });
    expect(header).toEqual(planHeader);
    expect(read).toEqual(rows);
    expect(existsSync(`${path}.partial`)).toBe(false);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('keeps the plan under its .partial name until it is closed', async () => {
    const path = join(await temp.make('offboard-plan-'), 'leavers.plan.json');
    const writer = PlanWriter.open(path, planHeader);
    writer.add(plannedDecision(0));

    expect(existsSync(path)).toBe(false);
    expect(existsSync(`${path}.partial`)).toBe(true);
    writer.close();
  });
});
