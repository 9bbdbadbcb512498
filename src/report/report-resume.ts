import { constants } from 'node:fs';
import { access, open, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { ReportError } from '../errors/report-error.js';
import { readReport } from './read-report.js';
import type { ReportRecord } from './read-report.js';
import { createNew, FILE_MODE, isCode } from './report-fs.js';
import type { ReportFiles } from './report-files.js';
import { repairTail } from './report-tail.js';

/** What `ReportWriter.resume` needs to take over the writing of an interrupted run. */
export interface ResumedFiles {
  readonly files: ReportFiles;
  readonly partialCsv: string;
  /** The existing `.jsonl`, opened to append, its end repaired. */
  readonly jsonl: FileHandle;
  /** A fresh, empty `.csv.partial`. */
  readonly csv: FileHandle;
  /** The seqs of the rows already in the report. */
  readonly done: ReadonlySet<number>;
}

/** Outcomes only `plan` or `restore` write: their reports cannot be resumed by apply. */
const NOT_APPLY = new Set([
  'would-deactivate',
  'would-delete',
  'restored',
  'already-active',
]);

function refuse(file: string, why: string, cause?: unknown): ReportError {
  const message = `cannot resume from ${file}: ${why}`;
  return new ReportError(message, { file }, { cause });
}

function filesOf(jsonl: string): ReportFiles {
  if (path.extname(jsonl) !== '.jsonl') {
    throw refuse(jsonl, "its name does not end in .jsonl; pass the run's .jsonl report");
  }
  return { csv: `${jsonl.slice(0, -'.jsonl'.length)}.csv`, jsonl };
}

/** The seqs of the records already in the report; refuses a report that is not apply's. */
async function readDone(file: string): Promise<Set<number>> {
  const done = new Set<number>();
  for await (const record of readReport(file)) {
    if (NOT_APPLY.has(record.outcome)) {
      const { row, outcome } = record;
      throw refuse(
        file,
        `row ${row} has the outcome ${outcome}, so it is not an apply report`,
      );
    }
    done.add(record.seq);
  }
  return done;
}

/**
 * The records of `done` read back from the report, one per seq, in file order. A seq
 * written twice should not happen (the writer refuses it); if an edited or concatenated
 * file has one, the first record counts, intentionally without a word: the row is done
 * either way, and the later line stays in the `.jsonl` while the CSV shows the first.
 */
export async function* doneRecords(
  file: string,
  done: ReadonlySet<number>,
): AsyncGenerator<ReportRecord> {
  const ahead = new Set(done);
  for await (const record of readReport(file)) {
    if (ahead.delete(record.seq)) {
      yield record;
    }
  }
}

async function assertDirWritable(file: string): Promise<void> {
  const dir = path.dirname(file);
  try {
    await access(dir, constants.W_OK);
  } catch (error) {
    throw refuse(file, `its directory ${dir} is not writable`, error);
  }
}

/**
 * Opens the `.jsonl` to read its end and append (never to create: it must exist), and
 * makes it owner-only again in case it was copied with looser rights: the rows about to
 * be added carry people's profiles.
 */
async function openToAppend(file: string): Promise<FileHandle> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(file, constants.O_RDWR | constants.O_APPEND);
    await handle.chmod(FILE_MODE);
    return handle;
  } catch (error) {
    await handle?.close();
    const denied = isCode(error, 'EACCES', 'EPERM', 'EROFS');
    throw denied
      ? refuse(file, 'it cannot be written (check its owner and rights)', error)
      : error;
  }
}

/**
 * The one place a report file is overwritten, intentionally: a CSV (final or
 * `.partial`) left by the interrupted run is derived from the `.jsonl` and lacks the rows
 * still to come, so it is removed at once, before it can pass for the whole run, and the
 * resumed run writes every row again into a fresh `.partial`, renamed on close.
 */
async function replaceCsv(csv: string): Promise<FileHandle> {
  const partial = `${csv}.partial`;
  await rm(csv, { force: true });
  await rm(partial, { force: true });
  return createNew(partial, 'wx');
}

/**
 * Checks and opens an interrupted run's report for `apply --resume`. Nothing is changed
 * until the file has been read back as a report of an apply and its directory found
 * writable; then a last line cut short by a kill is cut off, or a whole last line that
 * lost only its newline gets it, and the CSV is started afresh. Only the seqs of the
 * rows already done are kept (`doneRecords` reads the records again), so memory stays
 * small however many rows the interrupted run finished.
 */
export async function openForResume(jsonlPath: string): Promise<ResumedFiles> {
  const files = filesOf(jsonlPath);
  const done = await readDone(files.jsonl);
  await assertDirWritable(files.jsonl);

  const jsonl = await openToAppend(files.jsonl);
  try {
    await repairTail(jsonl, files.jsonl, done.size > 0);
    const csv = await replaceCsv(files.csv);
    return { files, partialCsv: `${files.csv}.partial`, jsonl, csv, done };
  } catch (error) {
    await jsonl.close();
    throw error;
  }
}
