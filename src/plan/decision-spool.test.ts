import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collect } from '../test-support/manifest-rows.js';
import { plannedDecision as decision } from '../test-support/plans.js';
import { useTempDirs } from '../test-support/temp-dir.js';
import { DecisionSpool } from './decision-spool.js';

describe('DecisionSpool', () => {
  const temp = useTempDirs();

  it('gives back every decision in the order added, across many chunks', async () => {
    const spool = DecisionSpool.open(await temp.make('offboard-spool-'));
    const decisions = Array.from({ length: 3_000 }, (_, seq) => decision(seq));
    decisions.forEach((d) => {
      spool.add(d);
    });

    expect(spool.count).toBe(3_000);
    expect(statSync(spool.path).size).toBeGreaterThan(4 * 64 * 1024);
    expect(await collect(spool.decisions())).toEqual(decisions);
    spool.remove();
  });

  it('is readable by its owner only and gone once removed', async () => {
    const spool = DecisionSpool.open(await temp.make('offboard-spool-'));
    spool.add(decision(0));

    expect(statSync(spool.path).mode & 0o777).toBe(0o600);
    spool.remove();
    spool.remove(); // a second remove is harmless
    expect(existsSync(spool.path)).toBe(false);
  });

  it('stops reading when the consumer stops early', async () => {
    const spool = DecisionSpool.open(await temp.make('offboard-spool-'));
    [0, 1, 2].forEach((seq) => {
      spool.add(decision(seq));
    });

    const seen: number[] = [];
    for await (const d of spool.decisions()) {
      seen.push(d.row.seq);
      break;
    }
    expect(seen).toEqual([0]);
    spool.remove();
  });

  it('deletes the spools that killed runs left in the directory, and nothing else', async () => {
    const dir = await temp.make('offboard-spool-');
    writeFileSync(join(dir, '.apply-4242.decisions.jsonl'), '{}\n');
    writeFileSync(join(dir, 'leavers-20261201T000000Z-apply.jsonl'), '{}\n');

    const spool = DecisionSpool.open(dir);

    expect(readdirSync(dir).sort()).toEqual(
      [
        `.apply-${process.pid}.decisions.jsonl`,
        'leavers-20261201T000000Z-apply.jsonl',
      ].sort(),
    );
    spool.remove();
  });
});
