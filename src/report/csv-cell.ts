/**
 * A cell a spreadsheet would evaluate rather than show: Excel, LibreOffice and Google
 * Sheets treat a leading `=`, `+`, `-` or `@` as a formula, and some strip a leading tab
 * or carriage return first and then evaluate what follows.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Characters that force quoting. RFC 4180 needs it for comma, quote, CR and LF; the
 * semicolon is quoted too, intentionally, so a spreadsheet in a locale that splits on `;`
 * still keeps the cell whole.
 */
const NEEDS_QUOTES = /[",;\r\n]/;

/**
 * One CSV cell, safe to open in a spreadsheet. Names, emails, details and the manifest's
 * own columns all come from people or from the API, so any of them may be hostile: a
 * cell that would run as a formula (CSV injection) gets a leading apostrophe, which
 * spreadsheets show as text and do not evaluate. Then RFC 4180 quoting: the cell is
 * wrapped in double quotes, inner quotes doubled, when it holds a delimiter or a line
 * break. `undefined` is an empty cell.
 *
 * Limit: a cell such as `-5` is neutralised too (`'-5`); the report has no negative
 * numbers, so nothing of value is lost. Leading spaces before `=` are left alone: the
 * common spreadsheets show such a cell as text.
 */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) {
    return '';
  }

  const text = String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
