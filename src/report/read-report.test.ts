import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ReportError } from '../errors/report-error.js';
import { readReport } from './read-report.js';
import type { ReportRecord } from './read-report.js';
import { ReportWriter } from './report-writer.js';

const AT = '2026-12-03T14:25:07.000Z';

let tmp: string;

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'offboard-read-'));
});

afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function readAll(file: string): Promise<ReportRecord[]> {
  const records: ReportRecord[] = [];
  for await (const record of readReport(file)) {
    records.push(record);
  }
  return records;
}

function line(seq: number, outcome = 'deactivated'): string {
  const record = { row: seq + 2, seq, email: `l${seq}@example.com`, outcome };
  return `${JSON.stringify({ ...record, columns: {}, at: AT })}\n`;
}

async function fileOf(...lines: string[]): Promise<string> {
  const file = path.join(tmp, 'r.jsonl');
  await writeFile(file, lines.join(''));
  return file;
}

describe('readReport', () => {
  it('reads back every record the writer wrote, in the order written', async () => {
    const writer = await ReportWriter.open({
      dir: tmp,
      baseName: 'leavers-20261203T142501Z-apply',
      extraColumns: ['Team'],
      now: () => new Date(AT),
    });
    writer.write({
      seq: 1,
      row: 3,
      email: 'ada@example.com',
      userId: 'u-1',
      name: 'Ada, "the first"\nLovelace',
      stateBefore: 'active',
      action: 'delete',
      outcome: 'deleted',
      extras: { Team: '=Ops' },
      snapshot: { id: 'u-1', version: 7, name: 'Ada', manager: { id: 'm-1' } },
      call: { attempts: 3, httpStatus: 204, correlationId: 'c-1' },
    });
    writer.write({ seq: 0, row: 2, email: 'x', outcome: 'invalid-email', extras: {} });
    const files = await writer.close();

    expect(await readAll(files.jsonl)).toEqual([
      {
        row: 3,
        seq: 1,
        email: 'ada@example.com',
        user_id: 'u-1',
        name: 'Ada, "the first"\nLovelace',
        state_before: 'active',
        action: 'delete',
        outcome: 'deleted',
        columns: { Team: '=Ops' },
        snapshot: { id: 'u-1', version: 7, name: 'Ada', manager: { id: 'm-1' } },
        attempts: 3,
        http_status: 204,
        correlation_id: 'c-1',
        at: AT,
      },
      { row: 2, seq: 0, email: 'x', outcome: 'invalid-email', columns: {}, at: AT },
    ]);
  });

  it('ignores a last line cut short by a crash', async () => {
    const file = await fileOf(line(0), line(1), line(2).slice(0, 25));

    expect((await readAll(file)).map((record) => record.seq)).toEqual([0, 1]);
  });

  it('keeps a complete last line that lost only its newline', async () => {
    const file = await fileOf(line(0), line(1).trimEnd());

    expect((await readAll(file)).map((record) => record.seq)).toEqual([0, 1]);
  });

  it('rejects a corrupt line before the last one, naming its line number', async () => {
    const file = await fileOf(line(0), '{"row":3,"se\n', line(2));

    const error = await readAll(file).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ReportError);
    expect((error as ReportError).where).toEqual({ file, line: 2 });
    expect((error as ReportError).exitCode).toBe(2);
    expect((error as Error).message.replace(tmp, '<tmp>')).toMatchInlineSnapshot(
      `"report <tmp>/r.jsonl line 2 is not a report record: it is not valid JSON: was it edited? Use an unedited copy"`,
    );
  });

  it('rejects a line whose outcome is not an outcome word, naming the field', async () => {
    const file = await fileOf(line(0), line(1, 'zapped'));

    await expect(readAll(file)).rejects.toThrow(/line 2 .*field "outcome"/);
  });

  it('rejects a terminated last line that is not a record', async () => {
    const file = await fileOf(line(0), '[1,2]\n');

    await expect(readAll(file)).rejects.toThrow(/line 2 .*not a JSON object/);
  });

  it('rejects a snapshot without the id and version restore needs', async () => {
    const record = JSON.parse(line(0)) as Record<string, unknown>;
    const file = await fileOf(
      `${JSON.stringify({ ...record, snapshot: { id: 'u' } })}\n`,
    );

    await expect(readAll(file)).rejects.toThrow(/line 1 .*field "snapshot"/);
  });

  it('skips blank lines and a byte-order mark', async () => {
    const file = await fileOf(`\uFEFF${line(0)}`, '\n', line(1), '  \n');

    expect((await readAll(file)).map((record) => record.seq)).toEqual([0, 1]);
  });

  it('reads lines that span read chunks', async () => {
    const file = await fileOf(line(0));
    const long = JSON.parse(line(1)) as Record<string, unknown>;
    await appendFile(
      file,
      `${JSON.stringify({ ...long, detail: 'é'.repeat(100_000) })}\n`,
    );

    const records = await readAll(file);

    expect(records.map((record) => record.seq)).toEqual([0, 1]);
    expect(records[1]?.detail).toHaveLength(100_000);
  });

  it('reports a missing file as a ReportError naming it', async () => {
    const file = path.join(tmp, 'missing.jsonl');

    await expect(readAll(file)).rejects.toThrow(ReportError);
    await expect(readAll(file)).rejects.toThrow(/missing\.jsonl \(ENOENT\)/);
  });
});
