import { sniffDelimiter } from './detect-delimiter.js';
import { readHeader, type ManifestColumns } from './header.js';
import type { ManifestLayout, ManifestRow } from './manifest-row.js';
import { emptyManifest, unreadableFile } from './manifest-problems.js';
import { readRecords, type CsvRecord } from './read-records.js';
import { checkCellLengths, toManifestRow } from './to-manifest-row.js';

interface OpenManifest {
  columns: ManifestColumns;
  /** The records after the header, still streaming from the file. */
  records: AsyncGenerator<CsvRecord>;
}

/**
 * Streams the manifest's rows in file order, validating each as it goes. Structural
 * problems (not UTF-8, no email column, an open quote, too many cells, an unknown action)
 * throw ManifestError naming the file and line; rows before the problem have already
 * been yielded, so `apply` runs inspectManifest first. A header without rows yields none.
 */
export async function* readManifest(path: string): AsyncGenerator<ManifestRow> {
  const { columns, records } = await openManifest(path);
  let seq = 0;
  for await (const record of records) {
    checkCellLengths(path, record, (index) => columnName(columns, index));
    yield toManifestRow(path, record, seq, columns);
    seq += 1;
  }
}

/** Reads only as far as the header, then closes the file. */
export async function readManifestLayout(path: string): Promise<ManifestLayout> {
  const { columns, records } = await openManifest(path);
  await records.return(undefined);
  return columns.layout;
}

/**
 * A full structural pass over the file, streamed and discarding the rows: `apply` runs
 * it before its first write, so a broken line 90,000 stops the run before any change.
 */
export async function inspectManifest(
  path: string,
): Promise<{ layout: ManifestLayout; rowCount: number }> {
  const { columns, records } = await openManifest(path);
  let rowCount = 0;
  for await (const record of records) {
    checkCellLengths(path, record, (index) => columnName(columns, index));
    toManifestRow(path, record, rowCount, columns);
    rowCount += 1;
  }
  return { layout: columns.layout, rowCount };
}

async function openManifest(path: string): Promise<OpenManifest> {
  const delimiter = await sniffDelimiter(path).catch((error: unknown) => {
    throw unreadableFile(path, error);
  });
  const records = readRecords(path, delimiter);

  try {
    const first = await records.next();
    if (first.done === true) {
      throw emptyManifest(path);
    }
    checkCellLengths(path, first.value, (index) => columnName(undefined, index));
    const columns = readHeader(path, first.value.line, first.value.cells, delimiter);
    return { columns, records };
  } catch (error) {
    await records.return(undefined);
    throw error;
  }
}

/** The header text for a cell, or "column N" (1-based) before or beyond the header. */
function columnName(columns: ManifestColumns | undefined, index: number): string {
  return columns?.layout.headers[index] ?? `column ${index + 1}`;
}
