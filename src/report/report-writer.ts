import { mkdir, rename, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Outcome, RestoreOutcome } from './outcomes.js';
import { csvHeader, csvRow } from './report-csv.js';
import type { ReportFiles } from './report-files.js';
import {
  createNew,
  DIR_MODE,
  refuseExisting,
  syncAndClose,
  writeAll,
} from './report-fs.js';
import { toReportRecord } from './report-record.js';
import type { ReportRecord } from './report-record.js';
import { doneRecords, openForResume } from './report-resume.js';
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

export interface ReportResumeOptions {
  /** The interrupted run's `.jsonl`; its CSV is the same path ending in `.csv`. */
  jsonlPath: string;
  /** The manifest's extra columns, as for `open`. */
  extraColumns: readonly string[];
  now?: () => Date;
}

export interface ResumedReport {
  /** Appends to the same `.jsonl`; its counts already include the rows in `done`. */
  writer: ReportWriter;
  /** The seqs of the rows already in the report: the run skips these. */
  done: ReadonlySet<number>;
}

const systemClock = (): Date => new Date();

/**
 * Writes one run's report as rows finish: `<base>.jsonl` gets each row's line at once
 * (a synchronous append, so a crash or kill loses no row already written), and
 * `<base>.csv.partial` gets rows in manifest order as soon as every earlier row is in;
 * `close` renames it to `<base>.csv`, so a half-written CSV never stands under the final
 * name. `open` never overwrites a file: both are created exclusively, and the `.jsonl`
 * doubles as the claim on the base name (`resume` appends to its run's `.jsonl` and
 * rewrites its CSV).
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

    const now = options.now ?? systemClock;
    return new ReportWriter(files, partialCsv, jsonl, csv, extraColumns, now);
  }

  /**
   * Takes over the report of an interrupted apply (`--resume`); see `openForResume` for
   * the checks and the repair of a line cut short. The rows already in the `.jsonl` are
   * read back once more, go through the same reordering as new ones and are counted,
   * so the CSV written on `close` (replacing any the interrupted run left) holds every
   * row of the whole run, once, in manifest order, and `counts` and `written` describe
   * the whole run.
   * Writing a seq that is in `done` throws, as for any seq written twice. Old rows after
   * a missing one wait in the reorder buffer until the run redoes it: the missing rows
   * are the ones in flight when the run died, so a run in manifest order reaches them
   * first and the buffer stays about as small as in a fresh run.
   */
  static async resume(options: ReportResumeOptions): Promise<ResumedReport> {
    const { files, partialCsv, jsonl, csv, done } = await openForResume(
      options.jsonlPath,
    );
    const { extraColumns } = options;
    const now = options.now ?? systemClock;
    const writer = new ReportWriter(files, partialCsv, jsonl, csv, extraColumns, now);
    try {
      writeAll(csv.fd, csvHeader(extraColumns));
      for await (const record of doneRecords(files.jsonl, done)) {
        writer.#add(record);
      }
    } catch (error) {
      await writer.abandon();
      throw error;
    }
    return { writer, done };
  }

  /** Rows in the report so far, by outcome; after `resume`, the earlier run's too. */
  get counts(): ReadonlyMap<Outcome | RestoreOutcome, number> {
    return this.#counts;
  }

  /** How many rows are in the report; after `resume`, the earlier run's too. */
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
    this.#add(record);
  }

  /** A row whose `.jsonl` line is in the file: into the CSV when its turn comes, counted. */
  #add(record: ReportRecord): void {
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
