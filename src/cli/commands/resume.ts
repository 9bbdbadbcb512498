import { basename } from 'node:path';
import type { Decision } from '../../pipeline/decision.js';
import { UsageError } from '../../errors/usage-error.js';
import { readReport } from '../../report/read-report.js';
import { ReportWriter } from '../../report/report-writer.js';
import type { OpenedReport } from './write-report.js';

/** What identifies a finished row: enough to tell that a report fits a manifest. */
interface FinishedRow {
  readonly row: number;
  readonly email: string;
}

/**
 * The manifest rows (by seq) an interrupted run already put in its report. Reads only:
 * a line cut short by a kill is skipped here and cut off when the report is reopened.
 */
export async function finishedRows(
  jsonlPath: string,
): Promise<ReadonlyMap<number, FinishedRow>> {
  const done = new Map<number, FinishedRow>();
  for await (const record of readReport(jsonlPath)) {
    done.set(record.seq, { row: record.row, email: record.email });
  }
  return done;
}

/**
 * Sorts the decisions of a resumed run, as they stream past, into those it still has to
 * carry out and those its report already holds. A row that was in flight when the run
 * died has no line, so it is carried out again; it is checked again right before its
 * write like any other row, so a user whose write did land is found already changed
 * and is not written to twice. A report whose rows are not this manifest's is refused
 * (exit 2) by `assertComplete`, once every decision has passed: reading a plan, the
 * refusal of an altered plan must come first, and it is only known at the plan's end.
 */
export class ResumeFilter {
  /** The report's rows not yet met among the decisions. */
  readonly #unmet: Set<number>;
  /** The first report row that differs from the manifest's row of the same seq. */
  #differs: FinishedRow | undefined;

  constructor(
    private readonly done: ReadonlyMap<number, FinishedRow>,
    private readonly jsonlPath: string,
  ) {
    this.#unmet = new Set(done.keys());
  }

  /** True when the decision still has to be carried out. */
  keeps(decision: Decision): boolean {
    const finished = this.done.get(decision.row.seq);
    if (!finished) {
      return true;
    }
    const { row } = decision;
    if (row.row !== finished.row || row.email !== finished.email) {
      this.#differs ??= finished;
    }
    this.#unmet.delete(decision.row.seq);
    return false;
  }

  /**
   * Once every decision has passed: refuses a report with a row that differs from the
   * manifest's, or with rows the manifest lacks.
   */
  assertComplete(): void {
    const [seq] = this.#unmet;
    const finished =
      this.#differs ?? (seq === undefined ? undefined : this.done.get(seq));
    if (finished) {
      throw this.#mismatch(finished);
    }
  }

  #mismatch(finished: FinishedRow): UsageError {
    return new UsageError(
      `--resume ${this.jsonlPath} is not a report of this manifest: its row ` +
        `${finished.row} (${finished.email}) is not the manifest's; ` +
        'resume with the manifest or plan it was made from',
      { flag: '--resume', row: finished.row },
    );
  }
}

/** Reopens the interrupted run's report to append to it. */
export async function reopenReport(
  jsonlPath: string,
  extraColumns: readonly string[],
): Promise<OpenedReport> {
  const { writer } = await ReportWriter.resume({ jsonlPath, extraColumns });
  return { writer, baseName: basename(jsonlPath).replace(/\.jsonl$/, '') };
}
