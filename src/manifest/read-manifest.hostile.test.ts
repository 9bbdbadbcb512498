import { describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';

import { ManifestError } from '../errors/manifest-error.js';
import { inspectManifest, readManifest, readManifestLayout } from './read-manifest.js';

const hostile = (name: string) =>
  fileURLToPath(new URL(`../../fixtures/hostile/${name}`, import.meta.url));

/** Reads every row and returns the error the reader stopped with. */
async function failureOf(path: string): Promise<ManifestError> {
  try {
    for await (const row of readManifest(path)) {
      expect(row.email).toBeDefined();
    }
  } catch (error) {
    expect(error).toBeInstanceOf(ManifestError);
    return error as ManifestError;
  }
  throw new Error(`expected ${path} to be refused`);
}

describe('readManifest on hostile input', () => {
  it('refuses an empty file', async () => {
    const path = hostile('empty.csv');
    const error = await failureOf(path);
    expect(error.where).toEqual({ file: path });
    expect(error.message).toBe(
      `${path} is empty: it needs a header row with an email column, then one row per ` +
        'leaver; export the sheet again as CSV, then run again',
    );
  });

  it('refuses a file holding only a byte-order mark as empty', async () => {
    const error = await failureOf(hostile('bom-only.csv'));
    expect(error.message).toMatch(/bom-only\.csv is empty/);
  });

  it('refuses a header without an email column, naming the header line', async () => {
    const path = hostile('no-email-column.csv');
    const error = await failureOf(path);
    expect(error.where).toEqual({ file: path, line: 1 });
    expect(error.message).toBe(
      `${path}: line 1: the header has no email column (found "Name", "Department", ` +
        '"Last Day"); add a column named "email" holding each leaver\'s address, then run again',
    );
  });

  it('names the line and column where an unbalanced quote opens', async () => {
    const path = hostile('unbalanced-quotes.csv');
    const error = await failureOf(path);
    expect(error.where).toEqual({ file: path, line: 3, column: 'Last Day' });
    expect(error.message).toBe(
      `${path}: line 3: unbalanced quote in column "Last Day" (the quoted cell runs on to ` +
        'line 4); close the quote or remove it, then run again',
    );
  });

  it('refuses a binary file, naming the line with the NUL byte', async () => {
    const path = hostile('binary.bin');
    const error = await failureOf(path);
    expect(error.where).toEqual({ file: path, line: 1 });
    expect(error.message).toMatch(
      /^.*binary\.bin: line 1: NUL bytes, so this is a binary file/,
    );
  });

  it('refuses UTF-16 text and says to save it as UTF-8', async () => {
    const path = hostile('utf16le.csv');
    const error = await failureOf(path);
    expect(error.where).toEqual({ file: path, line: 1 });
    expect(error.message).toBe(
      `${path}: line 1: the file is UTF-16 text, not UTF-8; save it as "CSV UTF-8", then run again`,
    );
  });

  it('names the line holding bytes that are not UTF-8', async () => {
    const path = hostile('invalid-utf8.csv');
    const error = await failureOf(path);
    expect(error.where).toEqual({ file: path, line: 3 });
    expect(error.message).toBe(
      `${path}: line 3: bytes that are not UTF-8 text; save the file as "CSV UTF-8", ` +
        'then run again',
    );
  });

  it('refuses text past the last column even when the header ends in blank cells', async () => {
    const path = hostile('too-many-cells-after-blanks.csv');
    const error = await failureOf(path);
    expect(error.where).toEqual({ file: path, line: 3 });
    expect(error.message).toMatch(/line 3: 5 cells but the header has 3 columns/);
  });

  it('refuses a record with more cells than the header', async () => {
    const path = hostile('too-many-cells.csv');
    const error = await failureOf(path);
    expect(error.where).toEqual({ file: path, line: 3 });
    expect(error.message).toBe(
      `${path}: line 3: 5 cells but the header has 3 columns; quote any cell that ` +
        'contains the delimiter, or remove the extra cells, then run again',
    );
  });

  it('refuses an unknown action instead of falling back to the default', async () => {
    const path = hostile('bad-action.csv');
    const error = await failureOf(path);
    expect(error.where).toEqual({ file: path, line: 3, column: 'Action' });
    expect(error.message).toBe(
      `${path}: line 3: column "Action" says "deactive"; write deactivate, delete, or ` +
        "leave it empty for the run's default, then run again",
    );
  });

  it('refuses a missing file with a message that names it', async () => {
    const path = hostile('no-such-file.csv');
    const error = await failureOf(path);
    expect(error.message).toBe(
      `${path}: cannot read the manifest (ENOENT); check the path and its permissions`,
    );
  });
});

describe('the whole-file passes on hostile input', () => {
  it('inspectManifest refuses a file whose rows before the problem were fine', async () => {
    await expect(inspectManifest(hostile('bad-action.csv'))).rejects.toMatchObject({
      code: 'MANIFEST',
      where: { line: 3, column: 'Action' },
    });
  });

  it('readManifestLayout refuses a file without an email column', async () => {
    await expect(
      readManifestLayout(hostile('no-email-column.csv')),
    ).rejects.toBeInstanceOf(ManifestError);
  });
});
