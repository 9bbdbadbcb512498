import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';

import { CsvError, parse, type Info } from 'csv-parse';

import { ManifestError } from '../errors/manifest-error.js';
import { fromCsvError } from './csv-problems.js';
import type { Delimiter } from './detect-delimiter.js';
import { MAX_RECORD_BYTES } from './limits.js';
import { LineEndNormaliser } from './line-end-normaliser.js';
import { unreadableFile } from './manifest-problems.js';
import { TextGuard } from './text-guard.js';

/** One CSV record with the file line it starts on. */
export interface CsvRecord {
  cells: string[];
  line: number;
}

/** Where the last record ended, to work out where the next one starts. */
interface Progress {
  endLine: number;
  emptyLines: number;
}

/**
 * Streams the file's records: bytes -> LF line ends -> UTF-8 check -> csv-parse, one
 * chunk at a time, so memory stays flat whatever the file's size. Blank lines and
 * records whose cells are all blank (`,,,`) are skipped but still count as lines.
 * Stopping early (return or break) closes the file.
 *
 * csv-parse reports the line where a record ends; the start is one past the previous
 * record's end plus the blank lines skipped since, which also places a quote left open
 * on the line where it was opened rather than at the end of the file.
 */
export async function* readRecords(
  file: string,
  delimiter: Delimiter,
  columnName: (index: number) => string,
): AsyncGenerator<CsvRecord> {
  const parser = parse({
    delimiter,
    bom: true,
    info: true,
    record_delimiter: '\n',
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_BYTES,
  });
  const source = createReadStream(file);
  pipeline(source, new LineEndNormaliser(), new TextGuard(file), parser, ignore);

  let progress: Progress = { endLine: 0, emptyLines: 0 };
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      const line = startLine(progress, item.info.empty_lines);
      progress = { endLine: item.info.lines, emptyLines: item.info.empty_lines };
      if (!isBlankRecord(item.record)) {
        yield { cells: item.record, line };
      }
    }
  } catch (error) {
    throw toManifestError(
      error,
      file,
      (emptyLines) => startLine(progress, emptyLines),
      columnName,
    );
  }
}

function startLine(progress: Progress, emptyLines: number): number {
  return progress.endLine + 1 + emptyLines - progress.emptyLines;
}

function isBlankRecord(cells: string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/** Errors are surfaced through the parser's iteration; the callback has nothing to add. */
function ignore(): void {
  // intentionally empty
}

function toManifestError(
  error: unknown,
  file: string,
  lineAfter: (emptyLines: number) => number,
  columnName: (index: number) => string,
): unknown {
  if (error instanceof ManifestError) {
    return error;
  }
  if (error instanceof CsvError) {
    const emptyLines = typeof error.empty_lines === 'number' ? error.empty_lines : 0;
    return fromCsvError(error, { file, startLine: lineAfter(emptyLines), columnName });
  }
  if (error instanceof Error && 'code' in error) {
    return unreadableFile(file, error);
  }
  return error;
}
