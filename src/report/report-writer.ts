import { writeSync } from 'node:fs';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { ReportError } from '../errors/report-error.js';
import type { Outcome, RestoreOutcome } from './outcomes.js';
import { csvHeader, csvRow } from './report-csv.js';
import type { ReportFiles } from './report-files.js';
import { toReportRecord } from './report-record.js';
import type { RowResult } from './row-result.js';
import { RowOrder } from './row-order.js';

export type { ReportFiles } from './report-files.js';

export interface ReportWriterOptions {
  /** Created (0700, recursively) when it does not exist; an existing one is left as is. */
  dir: string;
  /** From `reportBaseName`. */
  baseName: string;
  /** The manifest's extra columns, in manifest order, under their original header text. */
  extraColumns: readonly string[];
  /** Stamps each row's `at`; injectable for tests. */
  now?: () => Date;
}

/** Owner read and write only: a report names people and carries their profiles. */
const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

/** The whole text, even if the kernel takes it in more than one write. */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let done = 0; done < bytes.length;) {
    done += writeSync(fd, bytes, done, bytes.length - done);
  }
}

/**
 * Checks the shape, not `instanceof Error`: Node's fs errors come from another realm
 * under Jest's vm modules, where `instanceof` is false.
 */
function isCode(error: unknown, code: string): boolean {
  return (
    typeof error === 'object' && error !== null && 'code' in error && error.code === code
  );
}

function alreadyExists(file: string, cause?: unknown): ReportError {
  const hint = 'a report is never overwritten; wait a second and run again, or use --out';
  return new ReportError(
    `report file ${file} already exists: ${hint}`,
    { file },
    { cause },
  );
}

/** Creates a new file, owner-only; refuses (ReportError) if the name is taken. */
async function createNew(file: string, flags: 'ax' | 'wx'): Promise<FileHandle> {
  try {
    return await open(file, flags, FILE_MODE);
  } catch (error) {
    throw isCode(error, 'EEXIST') ? alreadyExists(file, error) : error;
  }
}

async function refuseExisting(file: string): Promise<void> {
  try {
    await stat(file);
  } catch (error) {
    if (isCode(error, 'ENOENT')) {
      return;
    }
    throw error;
  }
  throw alreadyExists(file);
}

/** fsync, then close; the handle is closed even when the fsync fails. */
async function syncAndClose(handle: FileHandle): Promise<void> {
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes one run's report as rows finish: `<base>.jsonl` gets each row's line at once
 * (a synchronous append, so a crash or kill loses no row already written), and
 * `<base>.csv.partial` gets rows in manifest order as soon as every earlier row is in;
 * `close` renames it to `<base>.csv`, so a half-written CSV never stands under the final
 * name. Neither file is ever overwritten: both are created exclusively, and the `.jsonl`
 * doubles as the claim on the base name.
 *
 * Limit: the rename is not followed by an fsync of the directory, so a power cut right
 * after `close` may leave the CSV under its `.partial` name; the `.jsonl` is complete.
 */
export class ReportWriter {
  readonly #counts = new Map<Outcome | RestoreOutcome, number>();
  readonly #order = new RowOrder();
  #written = 0;
  /** Set once `close` or `abandon` has begun: what that call returns. */
  #ended: ReportFiles | undefined;

  private constructor(
    private readonly files: ReportFiles,
    private readonly partialCsv: string,
    private readonly jsonl: FileHandle,
    private readonly csv: FileHandle,
    private readonly extraColumns: readonly string[],
    private readonly now: () => Date,
  ) {}

  /** Creates the directory if needed and both files with the CSV header. */
  static async open(options: ReportWriterOptions): Promise<ReportWriter> {
    const { dir, baseName, extraColumns } = options;
    await mkdir(dir, { recursive: true, mode: DIR_MODE });
    const files = {
      csv: path.join(dir, `${baseName}.csv`),
      jsonl: path.join(dir, `${baseName}.jsonl`),
    };
    const partialCsv = `${files.csv}.partial`;
    await refuseExisting(files.csv);

    const jsonl = await createNew(files.jsonl, 'ax');
    const csv = await createNew(partialCsv, 'wx').catch(async (error: unknown) => {
      await jsonl.close();
      await unlink(files.jsonl);
      throw error;
    });
    writeAll(csv.fd, csvHeader(extraColumns));

    const now = options.now ?? (() => new Date());
    return new ReportWriter(files, partialCsv, jsonl, csv, extraColumns, now);
  }

  /** Rows written so far, by outcome. */
  get counts(): ReadonlyMap<Outcome | RestoreOutcome, number> {
    return this.#counts;
  }

  /** How many rows were written. */
  get written(): number {
    return this.#written;
  }

  /**
   * Records one finished row: its `.jsonl` line is in the file when this returns (a
   * kill cannot lose it; a power cut before `close` fsyncs may). Its CSV line follows
   * once every earlier row is in. Each seq once only; throws otherwise.
   */
  write(result: RowResult): void {
    this.#assertOpen();
    this.#order.assertNew(result.seq);
    const record = toReportRecord(result, this.now());

    writeAll(this.jsonl.fd, `${JSON.stringify(record)}\n`);
    for (const line of this.#order.add(record.seq, csvRow(record, this.extraColumns))) {
      writeAll(this.csv.fd, line);
    }

    this.#counts.set(record.outcome, (this.#counts.get(record.outcome) ?? 0) + 1);
    this.#written += 1;
  }

  /**
   * Ends a complete run: both files fsynced, the CSV renamed into place. If an earlier
   * row never arrived, the report is kept as by `abandon` and this throws, naming the
   * missing row: a run must write every row it read.
   */
  async close(): Promise<ReportFiles> {
    this.#assertOpen();
    if (this.#order.waiting > 0) {
      const kept = await this.abandon();
      const missing = `row seq ${this.#order.next} was never written`;
      throw new Error(`report incomplete: ${missing}; every row is in ${kept.jsonl}`);
    }

    this.#ended = { ...this.files };
    await syncAndClose(this.jsonl);
    await syncAndClose(this.csv);
    await rename(this.partialCsv, this.files.csv);
    return this.#ended;
  }

  /**
   * Ends a run that is going down: fsyncs what is there and keeps it. The CSV holds the
   * rows in order up to the first one missing and keeps its `.partial` name, since rows
   * are missing from it; the `.jsonl` has every row written. Safe to call twice.
   */
  async abandon(): Promise<ReportFiles> {
    if (this.#ended) {
      return this.#ended;
    }

    const kept = { csv: this.partialCsv, jsonl: this.files.jsonl };
    this.#ended = kept;
    const results = await Promise.allSettled([
      syncAndClose(this.jsonl),
      syncAndClose(this.csv),
    ]);
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) {
      throw failed.reason;
    }
    return kept;
  }

  #assertOpen(): void {
    if (this.#ended) {
      throw new Error(`report ${this.files.jsonl} is already closed`);
    }
  }
}
