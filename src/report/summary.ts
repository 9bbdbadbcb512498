import { ExitCode } from '../cli/exit-codes.js';
import { classifyOutcome, OUTCOMES, RESTORE_OUTCOMES } from './outcomes.js';
import type { Outcome, OutcomeClass, RestoreOutcome } from './outcomes.js';
import type { ReportFiles, RunKind } from './report-files.js';

export interface SummaryInput {
  kind: RunKind;
  counts: ReadonlyMap<string, number>;
  files: ReportFiles;
  total: number;
}

type AnyOutcome = Outcome | RestoreOutcome;

const CLASSES: readonly OutcomeClass[] = ['done', 'attention', 'failed'];

/** The outcome words a kind of run can report, in the order the summary lists them. */
function outcomesOf(kind: RunKind): readonly AnyOutcome[] {
  return kind === 'restore' ? RESTORE_OUTCOMES : OUTCOMES;
}

function countsByClass(
  kind: RunKind,
  counts: ReadonlyMap<string, number>,
): Map<OutcomeClass, number> {
  const byClass = new Map<OutcomeClass, number>(CLASSES.map((name) => [name, 0]));
  for (const outcome of outcomesOf(kind)) {
    const name = classifyOutcome(outcome);
    byClass.set(name, (byClass.get(name) ?? 0) + (counts.get(outcome) ?? 0));
  }
  return byClass;
}

/**
 * The end-of-run text for stdout: rows per outcome (only those that occurred, in the
 * contract's order), the done/attention/failed totals and where the report is. Plain
 * ASCII, so it reads the same in a cron mail and a terminal. Counts under a word that is
 * not an outcome of this kind of run are not shown; the writer produces none.
 */
export function formatSummary(input: SummaryInput): string {
  const { kind, counts, files, total } = input;
  const lines = [`offboard ${kind}: ${total} ${total === 1 ? 'row' : 'rows'}`];

  for (const outcome of outcomesOf(kind)) {
    const count = counts.get(outcome) ?? 0;
    if (count > 0) {
      lines.push(`  ${outcome.padEnd(18)} ${String(count).padStart(4)}`);
    }
  }

  const byClass = countsByClass(kind, counts);
  lines.push(CLASSES.map((name) => `${name} ${byClass.get(name) ?? 0}`).join(' | '));
  lines.push(`report  ${files.csv}`, `        ${files.jsonl}`);
  return `${lines.join('\n')}\n`;
}

/** 0 when every row is done; 1 when any row needs attention or failed. */
export function exitCodeForCounts(counts: ReadonlyMap<AnyOutcome, number>): 0 | 1 {
  for (const [outcome, count] of counts) {
    if (count > 0 && classifyOutcome(outcome) !== 'done') {
      return ExitCode.Attention;
    }
  }
  return ExitCode.Done;
}
