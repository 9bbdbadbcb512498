import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';

import { CsvError, parse } from 'csv-parse';

import { ManifestError } from '../errors/manifest-error.js';
import { fromCsvError } from './csv-problems.js';
import type { Delimiter } from './detect-delimiter.js';
import { MAX_RECORD_BYTES } from './limits.js';
import { LineEndNormaliser } from './line-end-normaliser.js';
import { unreadableFile } from './manifest-problems.js';
import { RecordLines } from './record-lines.js';
import { TextGuard } from './text-guard.js';

/** One CSV record with the file line it starts on. */
export interface CsvRecord {
  cells: string[];
  line: number;
}

/**
 * Streams the file's records: bytes -> LF line ends -> UTF-8 check -> csv-parse, one
 * chunk at a time, so memory stays flat whatever the file's size. Blank lines and
 * records whose cells are all blank (`,,,`) are skipped but still count as lines.
 * Stopping early (return or break) closes the file.
 *
 * Limit: when a file has several problems, the one reported is the first that csv-parse
 * or the UTF-8 check meets, which can lie up to a chunk (64 KiB) beyond a row problem
 * (an unknown action, say) that the caller would have met first.
 */
export async function* readRecords(
  file: string,
  delimiter: Delimiter,
): AsyncGenerator<CsvRecord> {
  const lines = new RecordLines();
  const parser = parse({
    delimiter,
    bom: true,
    record_delimiter: '\n',
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_BYTES,
    on_record: lines.track,
  });
  const source = createReadStream(file);
  pipeline(source, new LineEndNormaliser(), new TextGuard(file), parser, ignore);

  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      yield { cells, line: lines.startOf(cells) };
    }
  } catch (error) {
    throw toManifestError(error, file, lines);
  }
}

/** Errors surface through the parser's iteration; the callback has nothing to add. */
function ignore(): void {
  // intentionally empty
}

function toManifestError(error: unknown, file: string, lines: RecordLines): unknown {
  if (error instanceof ManifestError) {
    return error;
  }
  if (error instanceof CsvError) {
    const emptyLines = typeof error.empty_lines === 'number' ? error.empty_lines : 0;
    const startLine = lines.nextStart(emptyLines);
    const columnName = (index: number) => lines.columnName(index);
    return fromCsvError(error, { file, startLine, columnName });
  }
  if (error instanceof Error && 'code' in error) {
    return unreadableFile(file, error);
  }
  return error;
}
