import type { FileHandle } from 'node:fs/promises';
import { ReportError } from '../errors/report-error.js';
import { parseReportLine } from './parse-report-record.js';
import { writeAll } from './report-fs.js';

/** How far back to read at a time when looking for the last newline. */
const CHUNK_BYTES = 64 * 1024;

/**
 * How every line the writer appends begins: `toReportRecord` puts `row` first. A line
 * cut short is recognised as one of ours only by this, so keep the key order.
 */
const RECORD_START = '{"row":';

/**
 * What the end of a `.jsonl` after its last newline needs before rows are appended:
 * - `none`: nothing there, the file ends with a newline (or is empty);
 * - `terminate`: a whole record that only lost its newline; add it;
 * - `cut`: a line cut short by a kill; truncate it away (`readReport` ignored it, so
 *   the row is not done and the run redoes it);
 * - `foreign`: no record anywhere in the file and text that is not the start of one:
 *   this is not a report, and truncating it would destroy somebody's file.
 */
export type TailRepair = 'none' | 'terminate' | 'cut' | 'foreign';

/** `text` is what follows the last newline; `afterRecords`: the file holds a record. */
export function judgeTail(text: string, afterRecords: boolean): TailRepair {
  if (text === '') {
    return 'none';
  }
  if ('record' in parseReportLine(text)) {
    return 'terminate';
  }
  const ours = text.startsWith(RECORD_START) || RECORD_START.startsWith(text);
  return afterRecords || ours ? 'cut' : 'foreign';
}

/** Byte offset just after the last newline in the file, 0 when there is none. */
async function endOfLastLine(handle: FileHandle, size: number): Promise<number> {
  const buffer = Buffer.alloc(Math.min(CHUNK_BYTES, size));
  for (let end = size; end > 0;) {
    const start = Math.max(0, end - CHUNK_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, end - start, start);
    const at = buffer.subarray(0, bytesRead).lastIndexOf(0x0a);
    if (at >= 0) {
      return start + at + 1;
    }
    end = start;
  }
  return 0;
}

async function readFrom(
  handle: FileHandle,
  start: number,
  size: number,
): Promise<string> {
  const buffer = Buffer.alloc(size - start);
  const { bytesRead } = await handle.read(buffer, 0, buffer.length, start);
  const text = buffer.subarray(0, bytesRead).toString('utf8');
  // As readReport does for line 1: an editor's byte-order mark is not part of the line.
  return start === 0 ? text.replace(/^\uFEFF/, '') : text;
}

function notAReport(file: string): ReportError {
  const why = 'it holds no report record (its first line is not one)';
  return new ReportError(
    `cannot resume from ${file}: ${why}; pass the .jsonl of the interrupted apply`,
    { file, line: 1 },
  );
}

/**
 * Makes the end of the `.jsonl` open in `handle` (read and append) safe to append to:
 * the next line must start on a line of its own, never glued to a half-written one.
 * Returns what it did; refuses (ReportError) a file that is not a report, untouched.
 */
export async function repairTail(
  handle: FileHandle,
  file: string,
  afterRecords: boolean,
): Promise<TailRepair> {
  const { size } = await handle.stat();
  const start = await endOfLastLine(handle, size);
  const repair = judgeTail(await readFrom(handle, start, size), afterRecords);

  if (repair === 'foreign') {
    throw notAReport(file);
  }
  if (repair === 'cut') {
    await handle.truncate(start);
  }
  if (repair === 'terminate') {
    writeAll(handle.fd, '\n');
  }
  return repair;
}
