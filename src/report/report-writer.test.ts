import { beforeEach, describe, expect, it } from '@jest/globals';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ReportError } from '../errors/report-error.js';
import { rowResult as result } from '../test-support/row-results.js';
import { useTempDirs } from '../test-support/temp-dir.js';
import { ReportWriter } from './report-writer.js';

const AT = new Date('2026-12-03T14:25:07.000Z');

const tempDirs = useTempDirs();
let tmp: string;

beforeEach(async () => {
  tmp = await tempDirs.make('offboard-report-');
});

function openWriter(extraColumns: readonly string[] = []): Promise<ReportWriter> {
  return ReportWriter.open({
    dir: path.join(tmp, 'reports'),
    baseName: 'leavers-20261203T142501Z-apply',
    extraColumns,
    now: () => AT,
  });
}

async function csvLines(file: string): Promise<string[]> {
  return (await readFile(file, 'utf8')).split('\r\n').filter((line) => line !== '');
}

describe('ReportWriter files', () => {
  it('names both files after the base name in the report directory', async () => {
    const files = await (await openWriter()).close();

    expect(files).toEqual({
      csv: path.join(tmp, 'reports', 'leavers-20261203T142501Z-apply.csv'),
      jsonl: path.join(tmp, 'reports', 'leavers-20261203T142501Z-apply.jsonl'),
    });
  });

  it('creates the directory owner-only and both files readable by their owner only', async () => {
    const files = await (await openWriter()).close();

    expect((await stat(path.join(tmp, 'reports'))).mode & 0o777).toBe(0o700);
    expect((await stat(files.csv)).mode & 0o777).toBe(0o600);
    expect((await stat(files.jsonl)).mode & 0o777).toBe(0o600);
  });

  it('keeps the CSV under a .partial name until close, then renames it', async () => {
    const writer = await openWriter();
    writer.write(result(0));
    const dir = path.join(tmp, 'reports');

    expect((await readdir(dir)).sort()).toEqual([
      'leavers-20261203T142501Z-apply.csv.partial',
      'leavers-20261203T142501Z-apply.jsonl',
    ]);
    await writer.close();
    expect((await readdir(dir)).sort()).toEqual([
      'leavers-20261203T142501Z-apply.csv',
      'leavers-20261203T142501Z-apply.jsonl',
    ]);
  });

  it('never overwrites an existing report, leaving it as it was', async () => {
    const first = await openWriter();
    first.write(result(0));
    const files = await first.close();
    const before = await readFile(files.jsonl, 'utf8');

    await expect(openWriter()).rejects.toBeInstanceOf(ReportError);
    expect(await readFile(files.jsonl, 'utf8')).toBe(before);
  });

  it('refuses a base name whose CSV exists even without its jsonl', async () => {
    const dir = path.join(tmp, 'reports');
    const first = await openWriter();
    const files = await first.close();
    await rm(files.jsonl);
    await writeFile(files.csv, 'kept');

    const error = await openWriter().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ReportError);
    expect((error as ReportError).exitCode).toBe(2);
    expect(await readFile(files.csv, 'utf8')).toBe('kept');
    expect(await readdir(dir)).toEqual(['leavers-20261203T142501Z-apply.csv']);
  });
});

describe('ReportWriter lifecycle', () => {
  it('counts rows by outcome and in total', async () => {
    const writer = await openWriter();
    writer.write(result(1, { outcome: 'busy' }));
    writer.write(result(0));
    writer.write(result(2, { outcome: 'busy' }));

    expect(Object.fromEntries(writer.counts)).toEqual({ busy: 2, deactivated: 1 });
    expect(writer.written).toBe(3);
    await writer.close();
  });

  it('on abandon keeps the CSV rows in order up to the first gap and every jsonl row', async () => {
    const writer = await openWriter();
    for (const seq of [0, 1, 3, 4]) {
      writer.write(result(seq));
    }
    const files = await writer.abandon();

    expect(files.csv.endsWith('.csv.partial')).toBe(true);
    expect((await csvLines(files.csv)).map((line) => line.split(',')[0])).toEqual([
      'row',
      '2',
      '3',
    ]);
    const jsonl = (await readFile(files.jsonl, 'utf8')).trimEnd().split('\n');
    expect(jsonl.map((line) => (JSON.parse(line) as { seq: number }).seq)).toEqual([
      0, 1, 3, 4,
    ]);
  });

  it('refuses to close with an earlier row missing, naming it and keeping the files', async () => {
    const writer = await openWriter();
    writer.write(result(0));
    writer.write(result(2));

    await expect(writer.close()).rejects.toThrow(/row seq 1 was never written/);
    const dir = path.join(tmp, 'reports');
    expect((await readdir(dir)).sort()).toEqual([
      'leavers-20261203T142501Z-apply.csv.partial',
      'leavers-20261203T142501Z-apply.jsonl',
    ]);
  });

  it('rejects a row written twice without touching either file', async () => {
    const writer = await openWriter();
    writer.write(result(0));
    writer.write(result(2));

    expect(() => {
      writer.write(result(0));
    }).toThrow(/seq 0 was already written/);
    expect(() => {
      writer.write(result(2));
    }).toThrow(/seq 2 was already written/);
    const files = await writer.abandon();
    expect((await readFile(files.jsonl, 'utf8')).trimEnd().split('\n')).toHaveLength(2);
    expect(writer.written).toBe(2);
  });

  it('rejects a write after close', async () => {
    const writer = await openWriter();
    await writer.close();

    expect(() => {
      writer.write(result(0));
    }).toThrow(/already closed/);
  });

  it('returns the same files when abandon follows close', async () => {
    const writer = await openWriter();
    const closed = await writer.close();

    expect(await writer.abandon()).toEqual(closed);
  });
});
