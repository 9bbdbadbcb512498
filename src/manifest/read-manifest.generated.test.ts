import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';

import { ManifestError } from '../errors/manifest-error.js';
import { inspectManifest, readManifest } from './read-manifest.js';

/*
 * Inputs too big to commit, written to a temp dir for each run: they prove the limits
 * and that line numbers stay right deep into a large file.
 */

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'offboard-manifest-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeLines(name: string, count: number, lineAt: (n: number) => string) {
  const path = join(dir, name);
  const out = createWriteStream(path);
  for (let n = 1; n <= count; n += 1) {
    if (!out.write(`${lineAt(n)}\n`)) {
      await once(out, 'drain');
    }
  }
  out.end();
  await finished(out);
  return path;
}

async function failureOf(path: string): Promise<ManifestError> {
  const error: unknown = await inspectManifest(path).then(
    () => new Error(`expected ${path} to be refused`),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ManifestError);
  return error as ManifestError;
}

const leaver = (n: number) => `leaver${n}@example.com,,E${n}`;

describe('readManifest on generated input', () => {
  it('refuses a multi-megabyte line as a record over 1 MiB, naming line and column', async () => {
    const path = join(dir, 'long-line.csv');
    const huge = 'x'.repeat(3 * 1024 * 1024);
    await writeFile(path, `email,action,Note\nalice@example.com,,${huge}\n`);

    const error = await failureOf(path);
    expect(error.where).toEqual({ file: path, line: 2, column: 'Note' });
    expect(error.message).toBe(
      `${path}: line 2: a record over 1 MiB in column "Note"; a leaver's row is never ` +
        'this long, so check that this is the manifest and that no quote is left open, ' +
        'then run again',
    );
  });

  it('refuses a cell over 4096 characters, naming line and column', async () => {
    const path = join(dir, 'long-cell.csv');
    await writeFile(
      path,
      `email,Note\na@example.com,ok\nb@example.com,${'y'.repeat(5000)}\n`,
    );

    const error = await failureOf(path);
    expect(error.where).toEqual({ file: path, line: 3, column: 'Note' });
    expect(error.message).toBe(
      `${path}: line 3: column "Note" holds 5000 characters, more than the 4096 ` +
        'allowed; shorten the cell, then run again',
    );
  });

  it('names the broken line of a 50,000-row file whose quote opens near its end', async () => {
    const broken = 49_990;
    const path = await writeLines('big-broken.csv', 50_001, (n) => {
      if (n === 1) {
        return 'email,action,Employee ID';
      }
      return n === broken ? `"leaver${n}@example.com,,E${n}` : leaver(n);
    });

    const error = await failureOf(path);
    expect(error.where).toEqual({ file: path, line: broken, column: 'email' });
    expect(error.message).toMatch(/: line 49990: unbalanced quote in column "email"/);
  });

  it('names the line where a quote opens even when a later quote closes it', async () => {
    const path = join(dir, 'late-close.csv');
    await writeFile(path, 'email,Note\na@example.com,"open\n\nb@example.com,"x"\n');

    const error = await failureOf(path);
    expect(error.where).toEqual({ file: path, line: 2, column: 'Note' });
  });

  it('streams 100,000 rows with the right row numbers to the last one', async () => {
    const path = await writeLines('big.csv', 100_001, (n) =>
      n === 1 ? 'email,action,Employee ID' : leaver(n),
    );

    let last: { seq: number; row: number; email: string } | undefined;
    for await (const row of readManifest(path)) {
      last = row;
    }
    expect(last).toMatchObject({
      seq: 99_999,
      row: 100_001,
      email: 'leaver100001@example.com',
    });
  });

  it('keeps row numbers right after a quoted cell that holds a CRLF', async () => {
    const path = join(dir, 'quoted-crlf.csv');
    await writeFile(
      path,
      'email,Note\r\na@example.com,"one\r\ntwo"\r\nb@example.com,x\r\n',
    );

    const rows = [];
    for await (const row of readManifest(path)) {
      rows.push({ row: row.row, email: row.email, extras: row.extras });
    }
    expect(rows).toEqual([
      { row: 2, email: 'a@example.com', extras: { Note: 'one\ntwo' } },
      { row: 4, email: 'b@example.com', extras: { Note: 'x' } },
    ]);
  });

  it('reads a file with old Mac CR line ends', async () => {
    const path = join(dir, 'cr-only.csv');
    await writeFile(path, 'email;action\ra@example.com;delete\r\rb@example.com;\r');

    const { rowCount, layout } = await inspectManifest(path);
    expect({ rowCount, delimiter: layout.delimiter }).toEqual({
      rowCount: 2,
      delimiter: ';',
    });
  });

  it('refuses two columns that both name the email, naming the second', async () => {
    const path = join(dir, 'two-emails.csv');
    await writeFile(path, 'Email,Name,E-mail\na@example.com,A,a@example.com\n');

    const error = await failureOf(path);
    expect(error.where).toEqual({ file: path, line: 1, column: 'E-mail' });
    expect(error.message).toBe(
      `${path}: line 1: the header columns "Email" and "E-mail" have the same name once ` +
        'case, spaces and punctuation are ignored; rename or remove one, then run again',
    );
  });

  it('refuses two columns that both name the action', async () => {
    const path = join(dir, 'two-actions.csv');
    await writeFile(path, 'email,action,ACTION\na@example.com,delete,\n');

    expect((await failureOf(path)).where).toEqual({
      file: path,
      line: 1,
      column: 'ACTION',
    });
  });

  it('refuses two extra columns with the same header text', async () => {
    const path = join(dir, 'two-notes.csv');
    await writeFile(path, 'email,Note,Note\na@example.com,x,y\n');

    expect((await failureOf(path)).where).toEqual({
      file: path,
      line: 1,
      column: 'Note',
    });
  });

  it('treats a file of blank lines and whitespace as empty', async () => {
    const path = join(dir, 'whitespace.csv');
    await writeFile(path, '\n  \n\t\n');

    expect((await failureOf(path)).message).toMatch(/whitespace\.csv is empty/);
  });

  it('names the line of invalid UTF-8 that ends the file mid-character', async () => {
    const path = join(dir, 'cut-short.csv');
    await writeFile(
      path,
      Buffer.from([...Buffer.from('email\na@example.com\nb\n'), 0xc3]),
    );

    expect((await failureOf(path)).where).toEqual({ file: path, line: 4 });
  });
});
