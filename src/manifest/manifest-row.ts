import type { RowAction } from '../report/row-result.js';

/** One leaver's row from the manifest, validated and ready for the pipeline. */
export interface ManifestRow {
  /** 0-based position among data rows: the report is written in this order. */
  seq: number;
  /**
   * Spreadsheet row number: the file line where the record starts (the header is 1 when
   * the file starts with it). Blank lines count, so it matches what the user sees.
   */
  row: number;
  /** Same as `row` today; kept apart because it names file lines in error messages. */
  line: number;
  /** The email cell trimmed, in its original case; '' when the cell is empty. */
  email: string;
  /** Trimmed and lower-cased: what duplicate detection and user lookups compare. */
  emailKey: string;
  /** False when the cell is empty or not an address: the row's outcome is invalid-email. */
  emailValid: boolean;
  /** From the action column; undefined means the run's default action. */
  action: RowAction | undefined;
  /** Every other column, keyed by its original header text, cells unchanged. */
  extras: Readonly<Record<string, string>>;
}

/** What the header row says about the file: everything the report needs before rows. */
export interface ManifestLayout {
  /** Detected from the header line, outside quotes. */
  delimiter: ',' | ';';
  /** The header cells as written, in file order. */
  headers: string[];
  /** Headers other than the email and action columns, in file order. */
  extraColumns: string[];
  hasActionColumn: boolean;
}
