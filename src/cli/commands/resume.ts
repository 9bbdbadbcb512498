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
 * The decisions a resumed run still has to carry out. A row that was in flight when the
 * run died has no line, so it is here again; it is checked again right before its write
 * like any other row, so a user whose write did land is found already changed and is
 * not written to twice. Refuses (exit 2) a report whose rows are not this manifest's.
 */
export function remainingDecisions(
  decisions: readonly Decision[],
  done: ReadonlyMap<number, FinishedRow>,
  jsonlPath: string,
): Decision[] {
  const bySeq = new Map(decisions.map((decision) => [decision.row.seq, decision.row]));
  for (const [seq, finished] of done) {
    const row = bySeq.get(seq);
    if (row?.row !== finished.row || row.email !== finished.email) {
      throw new UsageError(
        `--resume ${jsonlPath} is not a report of this manifest: its row ${finished.row} ` +
          `(${finished.email}) is not the manifest's; ` +
          'resume with the manifest or plan it was made from',
        { flag: '--resume', row: finished.row },
      );
    }
  }
  return decisions.filter((decision) => !done.has(decision.row.seq));
}

/** Reopens the interrupted run's report to append to it. */
export async function reopenReport(
  jsonlPath: string,
  extraColumns: readonly string[],
): Promise<OpenedReport> {
  const { writer } = await ReportWriter.resume({ jsonlPath, extraColumns });
  return { writer, baseName: basename(jsonlPath).replace(/\.jsonl$/, '') };
}
