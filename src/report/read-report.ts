import { createReadStream } from 'node:fs';
import { ReportError } from '../errors/report-error.js';
import { parseReportLine } from './parse-report-record.js';
import type { ReportRecord } from './report-record.js';

export type { ReportRecord } from './report-record.js';

function badLine(file: string, line: number, problem: string): ReportError {
  const message = `report ${file} line ${line} is not a report record: ${problem}`;
  return new ReportError(`${message}: was it edited? Use an unedited copy`, {
    file,
    line,
  });
}

function errorCode(error: unknown): string | undefined {
  const hasCode = typeof error === 'object' && error !== null && 'code' in error;
  return hasCode ? String(error.code) : undefined;
}

/** A missing or unreadable file is the user's to fix (exit 2); anything else is not. */
function unreadable(file: string, error: unknown): unknown {
  const code = errorCode(error);
  if (code === undefined || !['ENOENT', 'EISDIR', 'EACCES'].includes(code)) {
    return error;
  }
  const message = `cannot read report ${file} (${code}): check the path and permissions`;
  return new ReportError(message, { file }, { cause: error });
}

/** Complete lines of the file, numbered from 1, then the unterminated rest, if any. */
async function* linesOf(file: string): AsyncGenerator<[number, string, boolean]> {
  let rest = '';
  let line = 0;
  try {
    for await (const chunk of createReadStream(file, { encoding: 'utf8' })) {
      const parts = (rest + String(chunk)).split('\n');
      rest = parts.pop() ?? '';
      for (const text of parts) {
        yield [++line, text, true];
      }
    }
  } catch (error) {
    throw unreadable(file, error);
  }
  if (rest !== '') {
    yield [line + 1, rest, false];
  }
}

/**
 * Streams a `.jsonl` report back, one record per line, for `restore` and `--resume`.
 *
 * The writer appends each line with its newline in one write, so a crash can leave only
 * the last line cut short, without its newline: such a line is ignored when it does not
 * parse (that row was not finished, and a resume redoes it). Any other line that is not
 * a record throws a ReportError naming the line. Blank lines are skipped, and a leading
 * byte-order mark (from an editor) is dropped. Records come in file order, which is the
 * order rows finished, not manifest order; repeated seqs are for the caller to judge.
 */
export async function* readReport(jsonlPath: string): AsyncGenerator<ReportRecord> {
  for await (const [line, raw, terminated] of linesOf(jsonlPath)) {
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') {
      continue;
    }

    const parsed = parseReportLine(text);
    if ('record' in parsed) {
      yield parsed.record;
    } else if (terminated) {
      throw badLine(jsonlPath, line, parsed.problem);
    }
  }
}
