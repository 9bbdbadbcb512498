import { describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GuardError } from '../errors/guard-error.js';
import { UsageError } from '../errors/usage-error.js';
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

describe('readPlan', () => {
  const temp = useTempDirs();

  async function writtenPlan(rows: number): Promise<string> {
    const path = join(await temp.make('offboard-read-plan-'), 'leavers.plan.json');
    const writer = PlanWriter.open(path, planHeader);
    for (let seq = 0; seq < rows; seq += 1) {
      writer.add(plannedDecision(seq));
    }
    writer.close();
    return path;
  }

  async function read(path: string, config = planConfig, now = duringPlan) {
    const rows: Decision[] = [];
    const header = await readPlan(path, config, now, (d) => {
      rows.push(d);
    });
    return { header, rows };
  }

  async function refusal(path: string, now = duringPlan): Promise<GuardError> {
    const error = await read(path, planConfig, now).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GuardError);
    return error as GuardError;
  }

  function edit(path: string, change: (text: string) => string): void {
    writeFileSync(path, change(readFileSync(path, 'utf8')));
  }

  it('reads a plan without rows: a month without leavers', async () => {
    expect(await read(await writtenPlan(0))).toEqual({ header: planHeader, rows: [] });
  });

  it('refuses a plan whose row was edited, naming the digest', async () => {
    const path = await writtenPlan(3);
    edit(path, (text) => text.replace('"version":3', '"version":4'));

    const error = await refusal(path);
    expect(error.guard).toBe('altered-plan');
    expect(error.message).toMatch(/digest does not match/);
  });

  it('refuses a plan whose header was edited, expiry included', async () => {
    const path = await writtenPlan(1);
    edit(path, (text) => text.replace('2026-12-08', '2027-12-08'));

    expect((await refusal(path)).message).toMatch(/digest does not match/);
  });

  it('refuses a plan cut short', async () => {
    const path = await writtenPlan(5);
    edit(path, (text) => text.slice(0, Math.floor(text.length / 2)));

    expect((await refusal(path)).message).toMatch(/cut short/);
  });

  it('refuses a file that is not a plan', async () => {
    const path = join(await temp.make('offboard-read-plan-'), 'other.json');
    writeFileSync(path, '{"format":"something-else/1","rows":[]}\n');

    expect((await refusal(path)).message).toMatch(/not an offboard-plan\/1 plan/);
  });

  it('refuses an intact plan once it has expired', async () => {
    const error = await refusal(await writtenPlan(1), new Date('2026-12-09T00:00:00Z'));
    expect(error.guard).toBe('expired-plan');
  });

  it('refuses an intact plan made against another org', async () => {
    const other = { ...planConfig, clientId: 'client-2' };
    const error = await read(await writtenPlan(1), other).catch((e: unknown) => e);
    expect(error).toMatchObject({ guard: 'other-org' });
  });

  it('says it cannot read a plan that is not there (exit 2)', async () => {
    const path = join(await temp.make('offboard-read-plan-'), 'missing.plan.json');
    await expect(read(path)).rejects.toBeInstanceOf(UsageError);
  });
});
