import { csvCell } from './csv-cell.js';
import type { ReportRecord } from './report-record.js';

/** The columns every report starts with, before the manifest's own. */
export const REPORT_COLUMNS = [
  'row',
  'email',
  'user_id',
  'name',
  'state_before',
  'action',
  'outcome',
  'detail',
] as const;

/**
 * CRLF, intentionally: RFC 4180 asks for it and every spreadsheet and CSV library reads
 * it; a line break inside a cell is quoted, so it never splits a row.
 */
export const CSV_EOL = '\r\n';

function csvLine(cells: readonly (string | number | undefined)[]): string {
  return cells.map(csvCell).join(',') + CSV_EOL;
}

/**
 * The header line: the fixed columns, then the manifest's extra columns in manifest
 * order under their original header text (neutralised too: the header is input).
 */
export function csvHeader(extraColumns: readonly string[]): string {
  return csvLine([...REPORT_COLUMNS, ...extraColumns]);
}

/** One row's line; an extra column the row has no value for is an empty cell. */
export function csvRow(record: ReportRecord, extraColumns: readonly string[]): string {
  return csvLine([
    record.row,
    record.email,
    record.user_id,
    record.name,
    record.state_before,
    record.action,
    record.outcome,
    record.detail,
    ...extraColumns.map((column) => record.columns[column]),
  ]);
}
