import type { CsvError } from 'csv-parse';

import { ManifestError } from '../errors/manifest-error.js';

/** Where csv-parse stopped, in our terms. */
export interface CsvErrorPlace {
  file: string;
  /** The line where the broken record starts: csv-parse only knows where it stopped. */
  startLine: number;
  /** Header text for a 0-based cell index, or "column N" before the header is known. */
  columnName: (index: number) => string;
}

const QUOTE_CODES = new Set([
  'CSV_QUOTE_NOT_CLOSED',
  'CSV_INVALID_CLOSING_QUOTE',
  'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE',
]);

/**
 * Turns a csv-parse error into a ManifestError that names the line where the record
 * starts. csv-parse's own message is intentionally not shown (it names its options and
 * the line where it gave up, which for an open quote is often the end of the file); it
 * stays reachable as `cause`.
 */
export function fromCsvError(error: CsvError, place: CsvErrorPlace): ManifestError {
  const column = typeof error.column === 'number' ? place.columnName(error.column) : '';
  const endLine = typeof error.lines === 'number' ? error.lines : place.startLine;
  const head = `${place.file}: line ${place.startLine}`;
  const inColumn = column === '' ? '' : ` in column ${JSON.stringify(column)}`;
  const at = { file: place.file, line: place.startLine };
  const context = column === '' ? at : { ...at, column };
  return new ManifestError(
    `${head}: ${describe(error.code, inColumn, endLine, place)}`,
    context,
    {
      cause: error,
    },
  );
}

function describe(code: string, inColumn: string, endLine: number, place: CsvErrorPlace) {
  const runsOn =
    endLine > place.startLine ? ` (the quoted cell runs on to line ${endLine})` : '';
  if (QUOTE_CODES.has(code)) {
    return `unbalanced quote${inColumn}${runsOn}; close the quote or remove it, then run again`;
  }
  if (code === 'INVALID_OPENING_QUOTE') {
    return (
      `a quote inside a cell${inColumn} that does not start the cell; put the whole ` +
      'cell in quotes and double each quote inside it, or remove it, then run again'
    );
  }
  if (code === 'CSV_MAX_RECORD_SIZE') {
    return (
      `a record over 1 MiB${inColumn}${runsOn}; a leaver's row is never this long, so ` +
      'check that this is the manifest and that no quote is left open, then run again'
    );
  }
  return `cannot be read as CSV (${code}); check its quotes and delimiters, then run again`;
}
