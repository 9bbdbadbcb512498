import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  chmod,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  writeFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ReportError } from '../errors/report-error.js';
import { ReportWriter } from './report-writer.js';
import type { RowResult } from './row-result.js';

const BASE = 'leavers-20261203T142501Z-apply';
const AT = new Date('2026-12-03T14:25:07.000Z');

function result(seq: number, overrides: Partial<RowResult> = {}): RowResult {
  const row = { seq, row: seq + 2, email: `leaver${seq}@example.com`, extras: {} };
  return { ...row, outcome: 'deactivated', detail: 'Zoë, Ünal', ...overrides };
}

let tmp: string;
let jsonl: string;

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'offboard-resume-'));
  jsonl = path.join(tmp, `${BASE}.jsonl`);
});

afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** The jsonl a run writes for `seqs`, as bytes. */
async function reportBytes(seqs: number[]): Promise<Buffer> {
  const dir = path.join(tmp, 'model');
  const writer = await ReportWriter.open({
    dir,
    baseName: BASE,
    extraColumns: [],
    now: () => AT,
  });
  for (const seq of seqs) {
    writer.write(result(seq));
  }
  const files = await writer.close();
  return readFile(files.jsonl);
}

function resume(): ReturnType<typeof ReportWriter.resume> {
  return ReportWriter.resume({ jsonlPath: jsonl, extraColumns: [], now: () => AT });
}

async function resumeAndWrite(seqs: number[]): Promise<number[]> {
  const { writer, done } = await resume();
  for (const seq of seqs) {
    writer.write(result(seq));
  }
  await writer.close();
  return [...done.keys()];
}

async function jsonlSeqs(): Promise<number[]> {
  const text = await readFile(jsonl, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text
    .trimEnd()
    .split('\n')
    .map((line) => (JSON.parse(line) as { seq: number }).seq);
}

async function refusal(jsonlPath = jsonl): Promise<ReportError> {
  const run = ReportWriter.resume({ jsonlPath, extraColumns: [] });
  const error = await run.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ReportError);
  expect((error as ReportError).exitCode).toBe(2);
  expect((error as ReportError).message).toContain(jsonlPath);
  return error as ReportError;
}

describe('resume after a kill', () => {
  it('cuts off a last line cut mid-character, then appends on a line of its own', async () => {
    const whole = await reportBytes([0, 1, 2]);
    const twoLines = whole.subarray(0, whole.indexOf('\n', whole.indexOf('\n') + 1) + 1);
    const cut = whole.subarray(0, whole.indexOf('Ü', twoLines.length) + 1);
    await writeFile(jsonl, cut);

    const { writer, done } = await resume();

    expect([...done.keys()]).toEqual([0, 1]);
    expect(await readFile(jsonl)).toEqual(twoLines);
    writer.write(result(2));
    await writer.close();
    expect(await readFile(jsonl)).toEqual(whole);
  });

  it.each([3, 12])(
    'cuts off a first line cut after %i bytes, leaving an empty report',
    async (bytes) => {
      const whole = await reportBytes([0]);
      await writeFile(jsonl, whole.subarray(0, bytes));

      expect(await resumeAndWrite([0])).toEqual([]);
      expect(await readFile(jsonl)).toEqual(whole);
    },
  );

  it('adds the newline a whole last line lost, and counts that row as done', async () => {
    const whole = await reportBytes([0, 1]);
    await writeFile(jsonl, whole.subarray(0, whole.length - 1));

    expect(await resumeAndWrite([2])).toEqual([0, 1]);
    expect(await jsonlSeqs()).toEqual([0, 1, 2]);
  });

  it('resumes a run killed before its first row finished', async () => {
    await writeFile(jsonl, '', { mode: 0o600 });

    expect(await resumeAndWrite([0, 1])).toEqual([]);
    expect(await jsonlSeqs()).toEqual([0, 1]);
  });
});

describe('resume refuses', () => {
  it('a file whose first line is not a report record, leaving it as it was', async () => {
    await writeFile(jsonl, 'hello\nworld\n');

    const error = await refusal();

    expect(error.where).toEqual({ file: jsonl, line: 1 });
    expect(await readFile(jsonl, 'utf8')).toBe('hello\nworld\n');
    expect(await readdir(tmp)).toEqual([`${BASE}.jsonl`]);
  });

  it('a one-line file that is not the start of a record, without truncating it', async () => {
    await writeFile(jsonl, 'just some notes');

    const error = await refusal();

    expect(error.message).toMatch(/holds no report record/);
    expect(await readFile(jsonl, 'utf8')).toBe('just some notes');
  });

  it('a plan report, whose rows were never applied', async () => {
    const record = { row: 2, seq: 0, email: 'a@example.com', columns: {}, at: AT };
    await writeFile(jsonl, `${JSON.stringify({ ...record, outcome: 'would-delete' })}\n`);

    expect((await refusal()).message).toMatch(
      /would-delete, so it is not an apply report/,
    );
  });

  it('a file whose name does not end in .jsonl, such as the CSV', async () => {
    const csv = path.join(tmp, `${BASE}.csv`);
    await writeFile(csv, 'row,email\n');

    expect((await refusal(csv)).message).toMatch(/does not end in \.jsonl/);
  });

  it('a report that does not exist', async () => {
    expect((await refusal()).message).toMatch(/ENOENT/);
  });

  const asRoot = process.getuid?.() === 0;
  // Root may write to any directory, so there is nothing to refuse when tests run as root.
  (asRoot ? it.skip : it)('a report whose directory is not writable', async () => {
    const dir = path.join(tmp, 'locked');
    await mkdir(dir);
    const locked = path.join(dir, `${BASE}.jsonl`);
    await writeFile(locked, await reportBytes([0]));
    await chmod(dir, 0o500);

    try {
      expect((await refusal(locked)).message).toMatch(/directory .* is not writable/);
    } finally {
      await chmod(dir, 0o700);
    }
  });
});
