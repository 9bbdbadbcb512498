import type { RowAction } from '../report/row-result.js';
import { isEmailAddress, normaliseEmail } from './email.js';
import { type ManifestColumns, withoutTrailingBlanks } from './header.js';
import { MAX_CELL_CHARS } from './limits.js';
import type { ManifestRow } from './manifest-row.js';
import { cellTooLong, tooManyCells, unknownAction } from './manifest-problems.js';
import type { CsvRecord } from './read-records.js';

/**
 * Refuses any cell longer than MAX_CELL_CHARS: no real manifest cell comes near it, so
 * such a cell means a wrong file or a runaway quote. Applies to the header too.
 */
export function checkCellLengths(
  file: string,
  record: CsvRecord,
  columnName: (index: number) => string,
): void {
  const index = record.cells.findIndex((cell) => cell.length > MAX_CELL_CHARS);
  const cell = record.cells[index];
  if (cell !== undefined) {
    throw cellTooLong(file, record.line, columnName(index), cell.length);
  }
}

/**
 * Builds one row. Fewer cells than columns is fine (missing cells are empty, as
 * spreadsheets drop trailing blanks), and so are blank cells past the last column (as
 * spreadsheets also add them); a cell with text past the last column is a structural
 * error, since a cell with an unquoted delimiter would shift every cell after it. An
 * action that is not deactivate, delete or blank is an error too: a typo must never
 * fall back to the run's default.
 */
export function toManifestRow(
  file: string,
  record: CsvRecord,
  seq: number,
  columns: ManifestColumns,
): ManifestRow {
  const { cells, line } = record;
  const { headers } = columns.layout;
  if (cells.length > headers.length) {
    const filled = withoutTrailingBlanks(cells).length;
    if (filled > headers.length) {
      throw tooManyCells(file, line, filled, headers.length);
    }
  }

  const email = (cells[columns.emailIndex] ?? '').trim();
  const extras: Record<string, string> = {};
  columns.layout.extraColumns.forEach((name, position) => {
    const index = columns.extraIndexes[position] ?? -1;
    extras[name] = cells[index] ?? '';
  });

  return {
    seq,
    row: line,
    line,
    email,
    emailKey: normaliseEmail(email),
    emailValid: isEmailAddress(email),
    action: readAction(file, record, columns),
    extras,
  };
}

function readAction(
  file: string,
  record: CsvRecord,
  columns: ManifestColumns,
): RowAction | undefined {
  if (columns.actionIndex === undefined) {
    return undefined;
  }
  const cell = record.cells[columns.actionIndex] ?? '';
  const value = cell.trim().toLowerCase();
  if (value === '') {
    return undefined;
  }
  if (value === 'deactivate' || value === 'delete') {
    return value;
  }
  const column = columns.layout.headers[columns.actionIndex] ?? 'action';
  throw unknownAction(file, record.line, column, cell.trim());
}
