import { beforeEach, describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { rowResult as result } from '../test-support/row-results.js';
import { useTempDirs } from '../test-support/temp-dir.js';
import { ReportWriter } from './report-writer.js';

const AT = new Date('2026-12-03T14:25:07.000Z');
const HEADER = 'row,email,user_id,name,state_before,action,outcome,detail';

const tempDirs = useTempDirs();
let tmp: string;

beforeEach(async () => {
  tmp = await tempDirs.make('offboard-report-');
});

function openWriter(extraColumns: readonly string[] = []): Promise<ReportWriter> {
  const baseName = 'leavers-20261203T142501Z-apply';
  return ReportWriter.open({ dir: tmp, baseName, extraColumns, now: () => AT });
}

async function lines(file: string, eol = '\r\n'): Promise<string[]> {
  return (await readFile(file, 'utf8')).split(eol).filter((line) => line !== '');
}

describe('ReportWriter CSV', () => {
  it('writes the header, then the extra columns under their manifest header text', async () => {
    const writer = await openWriter(['Employee ID', 'Cost centre']);
    writer.write(result(0, { extras: { 'Employee ID': 'E1', 'Cost centre': 'CC 9' } }));
    const files = await writer.close();

    expect(await lines(files.csv)).toEqual([
      `${HEADER},Employee ID,Cost centre`,
      '2,leaver0@example.com,,,,,deactivated,,E1,CC 9',
    ]);
  });

  it('writes rows in manifest order when they finish out of order', async () => {
    const writer = await openWriter();
    for (const seq of [2, 0, 3, 1]) {
      writer.write(result(seq));
    }
    const files = await writer.close();

    const rows = (await lines(files.csv)).slice(1).map((line) => line.split(',')[0]);
    expect(rows).toEqual(['2', '3', '4', '5']);
  });

  it('writes every row of a CSV far longer than one write chunk', async () => {
    const writer = await openWriter();
    for (let seq = 0; seq < 3_000; seq += 1) {
      writer.write(result(seq, { detail: 'x'.repeat(40) }));
    }
    const files = await writer.close();

    const rows = (await lines(files.csv)).slice(1).map((line) => line.split(',')[0]);
    expect(rows).toEqual(Array.from({ length: 3_000 }, (_, seq) => String(seq + 2)));
  });

  it('keeps every row before the first gap when a long run is abandoned', async () => {
    const writer = await openWriter();
    for (let seq = 0; seq < 3_000; seq += 1) {
      if (seq !== 2_500) {
        writer.write(result(seq, { detail: 'x'.repeat(40) }));
      }
    }
    const kept = await writer.abandon();

    expect(kept.csv.endsWith('.csv.partial')).toBe(true);
    expect((await lines(kept.csv)).length).toBe(1 + 2_500);
  });

  it('ends every line with CRLF and keeps a line break inside a cell quoted', async () => {
    const writer = await openWriter();
    writer.write(result(0, { outcome: 'failed', detail: 'HTTP 400:\nbad request' }));
    const files = await writer.close();

    expect(await readFile(files.csv, 'utf8')).toBe(
      `${HEADER}\r\n2,leaver0@example.com,,,,,failed,"HTTP 400:\nbad request"\r\n`,
    );
  });

  it('neutralises formulas in names, details, extras and the extra header', async () => {
    const writer = await openWriter(['=cmd']);
    writer.write(
      result(0, { name: '=1+1', detail: '@x', extras: { '=cmd': '-2+3' }, userId: '+u' }),
    );
    const files = await writer.close();

    expect(await lines(files.csv)).toEqual([
      `${HEADER},'=cmd`,
      "2,leaver0@example.com,'+u,'=1+1,,,deactivated,'@x,'-2+3",
    ]);
  });
});

describe('ReportWriter JSONL', () => {
  it('has a row in the file as soon as write returns, before close', async () => {
    const writer = await openWriter();
    writer.write(result(1));
    const jsonl = path.join(tmp, 'leavers-20261203T142501Z-apply.jsonl');

    expect(await lines(jsonl, '\n')).toHaveLength(1);
    expect(JSON.parse((await lines(jsonl, '\n'))[0]!)).toMatchObject({ seq: 1, row: 3 });
    await writer.close().catch(() => undefined);
  });

  it('writes snake_case keys in a fixed order and leaves out unknown ones', async () => {
    const writer = await openWriter(['Team']);
    writer.write(
      result(0, {
        userId: 'u-1',
        name: '=Ada',
        stateBefore: 'active',
        action: 'delete',
        outcome: 'deleted',
        extras: { Team: 'Ops' },
        snapshot: { id: 'u-1', version: 4, state: 'active' },
        call: { attempts: 2, httpStatus: 204, correlationId: 'c-9' },
      }),
    );
    writer.write(result(1));
    const files = await writer.close();

    expect(await lines(files.jsonl, '\n')).toEqual([
      '{"row":2,"seq":0,"email":"leaver0@example.com","user_id":"u-1","name":"=Ada",' +
        '"state_before":"active","action":"delete","outcome":"deleted",' +
        '"columns":{"Team":"Ops"},"snapshot":{"id":"u-1","version":4,"state":"active"},' +
        '"attempts":2,"http_status":204,"correlation_id":"c-9",' +
        '"at":"2026-12-03T14:25:07.000Z"}',
      '{"row":3,"seq":1,"email":"leaver1@example.com","outcome":"deactivated",' +
        '"columns":{},"at":"2026-12-03T14:25:07.000Z"}',
    ]);
  });
});
