import { ManifestError } from '../errors/manifest-error.js';
import { MAX_CELL_CHARS } from './limits.js';

/*
 * Every structural problem the reader can find, one factory each, so the wording stays
 * consistent: the file, the line (and column where one applies), what is wrong, and what
 * to do about it. Cell values are quoted only where short and needed to spot the typo.
 */

const where = (file: string, line: number): string => `${file}: line ${line}`;
const quoted = (text: string): string => JSON.stringify(text);

export function emptyManifest(file: string): ManifestError {
  const message =
    `${file} is empty: it needs a header row with an email column, then one row per ` +
    'leaver; export the sheet again as CSV, then run again';
  return new ManifestError(message, { file });
}

export function missingEmailColumn(file: string, line: number, headers: string[]) {
  const found = headers.map(quoted).join(', ');
  const message =
    `${where(file, line)}: the header has no email column (found ${found}); ` +
    'add a column named "email" holding each leaver\'s address, then run again';
  return new ManifestError(message, { file, line });
}

export function repeatedColumn(file: string, line: number, names: [string, string]) {
  const [first, second] = names.map(quoted);
  const message =
    `${where(file, line)}: the header columns ${first} and ${second} have the same ` +
    'name once case, spaces and punctuation are ignored; rename or remove one, then run again';
  return new ManifestError(message, { file, line, column: names[1] });
}

export function tooManyCells(file: string, line: number, cells: number, columns: number) {
  const message =
    `${where(file, line)}: ${cells} cells but the header has ${columns} columns; quote ` +
    'any cell that contains the delimiter, or remove the extra cells, then run again';
  return new ManifestError(message, { file, line });
}

export function cellTooLong(file: string, line: number, column: string, length: number) {
  const message =
    `${where(file, line)}: column ${quoted(column)} holds ${length} characters, more than ` +
    `the ${MAX_CELL_CHARS} allowed; shorten the cell, then run again`;
  return new ManifestError(message, { file, line, column });
}

export function unknownAction(file: string, line: number, column: string, value: string) {
  const shown = quoted(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  const message =
    `${where(file, line)}: column ${quoted(column)} says ${shown}; write deactivate, ` +
    "delete, or leave it empty for the run's default, then run again";
  return new ManifestError(message, { file, line, column });
}

export function notUtf8(file: string, line: number, cause: unknown): ManifestError {
  const message =
    `${where(file, line)}: bytes that are not UTF-8 text; save the file as ` +
    '"CSV UTF-8", then run again';
  return new ManifestError(message, { file, line }, { cause });
}

export function utf16Text(file: string): ManifestError {
  const message =
    `${where(file, 1)}: the file is UTF-16 text, not UTF-8; save it as "CSV UTF-8", ` +
    'then run again';
  return new ManifestError(message, { file, line: 1 });
}

export function binaryContent(file: string, line: number): ManifestError {
  const message =
    `${where(file, line)}: NUL bytes, so this is a binary file (a saved workbook?), ` +
    'not CSV text; export the sheet as "CSV UTF-8", then run again';
  return new ManifestError(message, { file, line });
}

export function unreadableFile(file: string, cause: unknown): ManifestError {
  const code = (cause as { code?: unknown }).code;
  const reason = typeof code === 'string' ? ` (${code})` : '';
  const message = `${file}: cannot read the manifest${reason}; check the path and its permissions`;
  return new ManifestError(message, { file }, { cause });
}
