import type { ManifestLayout } from './manifest-row.js';
import type { Delimiter } from './detect-delimiter.js';
import { missingEmailColumn, repeatedColumn } from './manifest-problems.js';

/** Where the columns the reader cares about sit in each record. */
export interface ManifestColumns {
  layout: ManifestLayout;
  emailIndex: number;
  actionIndex: number | undefined;
  /** 0-based cell index of each extra column, parallel to layout.extraColumns. */
  extraIndexes: number[];
}

/**
 * How header names are compared: lower-cased, keeping only letters and digits, so that
 * `E-Mail`, ` EMAIL ` and `e_mail` all name the email column.
 */
export function normaliseHeaderName(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Reads the header record. Exactly one column must name the email and at most one the
 * action; two extra columns with the very same text are refused too, since the report
 * keys extras by header text and one would silently overwrite the other. Blank cells at
 * the end of the header are not columns: spreadsheets export them (`email,action,,`)
 * when a cell past the data was ever formatted.
 */
export function readHeader(
  file: string,
  line: number,
  cells: string[],
  delimiter: Delimiter,
): ManifestColumns {
  const headers = withoutTrailingBlanks(cells);
  const emailIndex = findColumn(file, line, headers, 'email');
  if (emailIndex === undefined) {
    throw missingEmailColumn(file, line, headers);
  }
  const actionIndex = findColumn(file, line, headers, 'action');

  const extraIndexes = headers
    .map((_, index) => index)
    .filter((index) => index !== emailIndex && index !== actionIndex);
  const extraColumns = extraIndexes.map((index) => headers[index] ?? '');
  refuseRepeats(file, line, extraColumns);

  const hasActionColumn = actionIndex !== undefined;
  const layout = { delimiter, headers: [...headers], extraColumns, hasActionColumn };
  return { layout, emailIndex, actionIndex, extraIndexes };
}

/** The cells up to the last one with any text in it. */
export function withoutTrailingBlanks(cells: readonly string[]): string[] {
  let end = cells.length;
  while (end > 0 && (cells[end - 1] ?? '').trim() === '') {
    end -= 1;
  }
  return cells.slice(0, end);
}

function findColumn(file: string, line: number, headers: string[], name: string) {
  const indexes = headers
    .map((header, index) => (normaliseHeaderName(header) === name ? index : -1))
    .filter((index) => index !== -1);
  const [first, second] = indexes;
  if (first !== undefined && second !== undefined) {
    throw repeatedColumn(file, line, [headers[first] ?? '', headers[second] ?? '']);
  }
  return first;
}

function refuseRepeats(file: string, line: number, names: string[]) {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) {
      throw repeatedColumn(file, line, [name, name]);
    }
    seen.add(name);
  }
}
