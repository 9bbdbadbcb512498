import { describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';

import type { ManifestRow } from './manifest-row.js';
import { inspectManifest, readManifest, readManifestLayout } from './read-manifest.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../fixtures/manifests/${name}`, import.meta.url));

async function readAll(path: string): Promise<ManifestRow[]> {
  const rows: ManifestRow[] = [];
  for await (const row of readManifest(path)) {
    rows.push(row);
  }
  return rows;
}

const row = (
  fields: Partial<ManifestRow> & Pick<ManifestRow, 'seq' | 'row' | 'email'>,
) => ({
  line: fields.row,
  emailKey: fields.email.toLowerCase(),
  emailValid: true,
  action: undefined,
  extras: {},
  ...fields,
});

describe('readManifest', () => {
  it('strips a UTF-8 byte-order mark before matching the email header', async () => {
    expect(await readAll(fixture('bom.csv'))).toEqual([
      row({ seq: 0, row: 2, email: 'alice@example.com', action: 'delete' }),
    ]);
  });

  it('reads a semicolon file, matching E-Mail and a case-insensitive action', async () => {
    expect(await readAll(fixture('semicolon.csv'))).toEqual([
      row({
        seq: 0,
        row: 2,
        email: 'alice@example.com',
        action: 'delete',
        extras: { 'Cost Centre': '4,2;7' },
      }),
      row({ seq: 1, row: 3, email: 'bob@example.com', extras: { 'Cost Centre': '12' } }),
    ]);
  });

  it('reads CRLF line ends without carrying a carriage return into the cells', async () => {
    expect(await readAll(fixture('crlf.csv'))).toEqual([
      row({
        seq: 0,
        row: 2,
        email: 'alice@example.com',
        action: 'deactivate',
        extras: { 'Last Day': '2025-06-27' },
      }),
      row({
        seq: 1,
        row: 3,
        email: 'bob@example.com',
        extras: { 'Last Day': '2025-06-30' },
      }),
    ]);
  });

  it('skips blank lines and all-empty records but counts them in row numbers', async () => {
    expect(await readAll(fixture('blank-lines.csv'))).toEqual([
      row({ seq: 0, row: 4, email: 'alice@example.com', action: 'delete' }),
      row({ seq: 1, row: 8, email: 'bob@example.com' }),
    ]);
  });

  it('keeps quoted commas and newlines in a cell; the row is the line it starts on', async () => {
    expect(await readAll(fixture('quoted-commas.csv'))).toEqual([
      row({
        seq: 0,
        row: 2,
        email: 'alice@example.com',
        extras: { Name: 'Archer, Alice', Note: 'left in June,\nsee ticket 42' },
      }),
      row({
        seq: 1,
        row: 4,
        email: 'bob@example.com',
        extras: { Name: 'Baker, "Bob"', Note: '' },
      }),
    ]);
  });

  it('carries extra columns under their header text, empty where a row is short', async () => {
    expect(await readAll(fixture('extra-columns.csv'))).toEqual([
      row({
        seq: 0,
        row: 2,
        email: 'alice@example.com',
        extras: { 'Employee ID': 'E1001', Department: 'Sales', 'Last Day': '2025-06-27' },
      }),
      row({
        seq: 1,
        row: 3,
        email: 'bob@example.com',
        extras: { 'Employee ID': 'E1002', Department: '', 'Last Day': '' },
      }),
    ]);
  });

  it('accepts the blank cells a spreadsheet adds past the last column', async () => {
    const path = fixture('trailing-delimiters.csv');

    expect(await readAll(path)).toEqual([
      row({
        seq: 0,
        row: 2,
        email: 'alice@example.com',
        action: 'delete',
        extras: { 'Employee ID': 'E1001' },
      }),
      row({
        seq: 1,
        row: 3,
        email: 'bob@example.com',
        extras: { 'Employee ID': 'E1002' },
      }),
      row({
        seq: 2,
        row: 4,
        email: 'carol@example.com',
        action: 'deactivate',
        extras: { 'Employee ID': '' },
      }),
    ]);
    expect((await readManifestLayout(path)).headers).toEqual([
      'email',
      'action',
      'Employee ID',
    ]);
  });

  it('yields no rows for a header without rows', async () => {
    expect(await readAll(fixture('header-only.csv'))).toEqual([]);
  });

  it('trims emails, keeps their case, and marks empty or non-address cells invalid', async () => {
    expect(await readAll(fixture('mixed-case-headers.csv'))).toEqual([
      row({
        seq: 0,
        row: 2,
        email: 'Alice@Example.COM',
        emailKey: 'alice@example.com',
        action: 'delete',
        extras: { 'Last Day': '2025-06-27' },
      }),
      row({
        seq: 1,
        row: 3,
        email: 'not-an-address',
        emailValid: false,
        extras: { 'Last Day': '2025-06-27' },
      }),
      row({
        seq: 2,
        row: 4,
        email: '',
        emailValid: false,
        action: 'deactivate',
        extras: { 'Last Day': '2025-06-27' },
      }),
    ]);
  });

  it('reads the committed example manifest', async () => {
    const path = fileURLToPath(
      new URL('../../manifests/example-leavers.csv', import.meta.url),
    );
    const rows = await readAll(path);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((entry) => entry.row === entry.seq + 2)).toBe(true);
  });
});

describe('readManifestLayout', () => {
  it('describes delimiter, headers, extra columns and the action column', async () => {
    expect(await readManifestLayout(fixture('semicolon.csv'))).toEqual({
      delimiter: ';',
      headers: ['E-Mail', 'Action', 'Cost Centre'],
      extraColumns: ['Cost Centre'],
      hasActionColumn: true,
    });
  });

  it('reports no action column when the header has none', async () => {
    expect(await readManifestLayout(fixture('extra-columns.csv'))).toEqual({
      delimiter: ',',
      headers: ['Employee ID', 'email', 'Department', 'Last Day'],
      extraColumns: ['Employee ID', 'Department', 'Last Day'],
      hasActionColumn: false,
    });
  });
});

describe('inspectManifest', () => {
  it('counts data rows only, skipping blank ones', async () => {
    const { layout, rowCount } = await inspectManifest(fixture('blank-lines.csv'));
    expect(rowCount).toBe(2);
    expect(layout.headers).toEqual(['email', 'action']);
  });

  it('counts zero rows for a header-only manifest', async () => {
    expect((await inspectManifest(fixture('header-only.csv'))).rowCount).toBe(0);
  });
});
