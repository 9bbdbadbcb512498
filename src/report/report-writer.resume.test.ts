import { beforeEach, describe, expect, it } from '@jest/globals';
import { chmod, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { rowResult } from '../test-support/row-results.js';
import { useTempDirs } from '../test-support/temp-dir.js';
import type { ReportFiles } from './report-files.js';
import { ReportWriter } from './report-writer.js';
import type { RowResult } from './row-result.js';

const BASE = 'leavers-20261203T142501Z-apply';
const FIRST_RUN = new Date('2026-12-03T14:25:07.000Z');
const RESUMED = new Date('2026-12-03T15:00:00.000Z');

/** A row result carrying the one extra column these runs write. */
function result(seq: number, overrides: Partial<RowResult> = {}): RowResult {
  return rowResult(seq, { extras: { Team: `T${seq}` }, ...overrides });
}

const tempDirs = useTempDirs();
let tmp: string;

beforeEach(async () => {
  tmp = await tempDirs.make('offboard-resume-');
});

/** A run that stopped after writing `results`: the files as abandon leaves them. */
async function interruptedRun(results: RowResult[]): Promise<ReportFiles> {
  const writer = await ReportWriter.open({
    dir: tmp,
    baseName: BASE,
    extraColumns: ['Team'],
    now: () => FIRST_RUN,
  });
  for (const row of results) {
    writer.write(row);
  }
  return writer.abandon();
}

function resume(jsonlPath: string): ReturnType<typeof ReportWriter.resume> {
  return ReportWriter.resume({ jsonlPath, extraColumns: ['Team'], now: () => RESUMED });
}

async function jsonlSeqs(file: string): Promise<number[]> {
  const text = await readFile(file, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text
    .trimEnd()
    .split('\n')
    .map((line) => (JSON.parse(line) as { seq: number }).seq);
}

async function csvRows(file: string): Promise<string[]> {
  return (await readFile(file, 'utf8')).split('\r\n').filter((line) => line !== '');
}

describe('ReportWriter.resume', () => {
  it('continues a stopped run: the CSV holds every row once, in manifest order', async () => {
    const first = await interruptedRun([result(0), result(1), result(3)]);

    const { writer, done } = await resume(first.jsonl);
    writer.write(result(4));
    writer.write(result(2));
    const files = await writer.close();

    expect(files).toEqual({ csv: path.join(tmp, `${BASE}.csv`), jsonl: first.jsonl });
    expect([...done.keys()]).toEqual([0, 1, 3]);
    expect(await jsonlSeqs(files.jsonl)).toEqual([0, 1, 3, 4, 2]);
    expect(await csvRows(files.csv)).toEqual([
      'row,email,user_id,name,state_before,action,outcome,detail,Team',
      '2,leaver0@example.com,,,,,deactivated,,T0',
      '3,leaver1@example.com,,,,,deactivated,,T1',
      '4,leaver2@example.com,,,,,deactivated,,T2',
      '5,leaver3@example.com,,,,,deactivated,,T3',
      '6,leaver4@example.com,,,,,deactivated,,T4',
    ]);
    expect((await readdir(tmp)).sort()).toEqual([`${BASE}.csv`, `${BASE}.jsonl`]);
  });

  it('hands back the seqs already in the report and puts their rows in the CSV as written', async () => {
    const first = await interruptedRun([
      result(1, { outcome: 'busy', detail: 'on a call' }),
      result(0, { userId: 'u-0', stateBefore: 'active', action: 'deactivate' }),
    ]);

    const { writer, done } = await resume(first.jsonl);
    const files = await writer.close();

    expect([...done].sort()).toEqual([0, 1]);
    expect((await csvRows(files.csv)).slice(1)).toEqual([
      '2,leaver0@example.com,u-0,,active,deactivate,deactivated,,T0',
      '3,leaver1@example.com,,,,,busy,on a call,T1',
    ]);
  });

  it('counts the earlier rows and the new ones, so the summary covers the whole run', async () => {
    const first = await interruptedRun([result(0), result(1, { outcome: 'busy' })]);

    const { writer } = await resume(first.jsonl);
    expect(writer.written).toBe(2);
    writer.write(result(2, { outcome: 'failed' }));
    writer.write(result(3, { outcome: 'busy' }));
    await writer.close();

    expect(Object.fromEntries(writer.counts)).toEqual({
      deactivated: 1,
      busy: 2,
      failed: 1,
    });
    expect(writer.written).toBe(4);
  });

  it('refuses a row that is already in the report, leaving the jsonl as it was', async () => {
    const first = await interruptedRun([result(0), result(2)]);
    const { writer } = await resume(first.jsonl);

    expect(() => {
      writer.write(result(2));
    }).toThrow(/seq 2 was already written/);
    await writer.abandon();
    expect(await jsonlSeqs(first.jsonl)).toEqual([0, 2]);
  });

  it('fails to close while a row is missing, keeping the files to resume again', async () => {
    const first = await interruptedRun([result(0), result(2)]);
    const { writer } = await resume(first.jsonl);
    writer.write(result(3));

    await expect(writer.close()).rejects.toThrow(/row seq 1 was never written/);
    expect((await readdir(tmp)).sort()).toEqual([`${BASE}.csv.partial`, `${BASE}.jsonl`]);

    const again = await resume(first.jsonl);
    expect([...again.done.keys()]).toEqual([0, 2, 3]);
    again.writer.write(result(1));
    const files = await again.writer.close();
    expect((await csvRows(files.csv)).slice(1).map((row) => row.split(',')[0])).toEqual([
      '2',
      '3',
      '4',
      '5',
    ]);
  });

  it('keeps the first of a seq that appears twice in the jsonl', async () => {
    const first = await interruptedRun([result(0), result(1)]);
    const text = await readFile(first.jsonl, 'utf8');
    const again = JSON.stringify({
      ...JSON.parse(text.split('\n')[0] ?? ''),
      outcome: 'busy',
    });
    await writeFile(first.jsonl, `${text}${again}\n`);

    const { writer, done } = await resume(first.jsonl);
    const files = await writer.close();

    expect([...done].sort()).toEqual([0, 1]);
    expect(writer.written).toBe(2);
    expect((await csvRows(files.csv)).slice(1)).toEqual([
      '2,leaver0@example.com,,,,,deactivated,,T0',
      '3,leaver1@example.com,,,,,deactivated,,T1',
    ]);
  });
});

describe('ReportWriter.resume files', () => {
  it('replaces the CSV a stopped run left, partial or final, with an owner-only one', async () => {
    const first = await interruptedRun([result(0)]);
    const partial = first.csv;
    await writeFile(partial, 'stale partial');
    await chmod(partial, 0o644);
    const finalCsv = path.join(tmp, `${BASE}.csv`);
    await writeFile(finalCsv, 'stale final');

    const { writer } = await resume(first.jsonl);
    expect(await readdir(tmp)).not.toContain(`${BASE}.csv`);
    writer.write(result(1));
    const files = await writer.close();

    expect((await csvRows(files.csv)).slice(1).map((row) => row.split(',')[0])).toEqual([
      '2',
      '3',
    ]);
    expect((await stat(files.csv)).mode & 0o777).toBe(0o600);
    expect((await readdir(tmp)).sort()).toEqual([`${BASE}.csv`, `${BASE}.jsonl`]);
  });

  it('keeps the jsonl owner-only, and makes it so again if it was loosened', async () => {
    const first = await interruptedRun([result(0)]);
    await chmod(first.jsonl, 0o644);

    const { writer } = await resume(first.jsonl);
    writer.write(result(1));
    const files = await writer.close();

    expect((await stat(files.jsonl)).mode & 0o777).toBe(0o600);
  });
});
