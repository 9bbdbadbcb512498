import type { UserState } from '../genesys/types.js';
import type { Outcome, RestoreOutcome } from './outcomes.js';
import type { RowAction, RowResult, UserSnapshot } from './row-result.js';

/**
 * One line of the `.jsonl` report. Keys are snake_case to match the CSV header, and a
 * key whose value is unknown is left out rather than written as null.
 */
export interface ReportRecord {
  /** Spreadsheet row number in the manifest: the header is row 1. */
  row: number;
  /** 0-based position in the manifest. */
  seq: number;
  email: string;
  user_id?: string;
  name?: string;
  state_before?: UserState;
  action?: RowAction;
  outcome: Outcome | RestoreOutcome;
  detail?: string;
  /** The manifest's own other columns, keyed by their header text. */
  columns: Readonly<Record<string, string>>;
  /** The profile before the change: what `restore` needs to bring the user back. */
  snapshot?: UserSnapshot;
  /** Times the row's last call was sent, retries included. */
  attempts?: number;
  http_status?: number;
  correlation_id?: string;
  /** When the row finished, ISO 8601 in UTC. */
  at: string;
}

type Optional<K extends string, V> = { [P in K]?: V };

/** `{ key: value }`, or `{}` when the value is unknown (exactOptionalPropertyTypes). */
function optional<K extends string, V>(key: K, value: V | undefined): Optional<K, V> {
  return value === undefined ? {} : ({ [key]: value } as Optional<K, V>);
}

/** The report record of a finished row. Key order is the order written to the file. */
export function toReportRecord(result: RowResult, at: Date): ReportRecord {
  return {
    row: result.row,
    seq: result.seq,
    email: result.email,
    ...optional('user_id', result.userId),
    ...optional('name', result.name),
    ...optional('state_before', result.stateBefore),
    ...optional('action', result.action),
    outcome: result.outcome,
    ...optional('detail', result.detail),
    columns: result.extras,
    ...optional('snapshot', result.snapshot),
    ...optional('attempts', result.call?.attempts),
    ...optional('http_status', result.call?.httpStatus),
    ...optional('correlation_id', result.call?.correlationId),
    at: at.toISOString(),
  };
}
