import { OUTCOMES, RESTORE_OUTCOMES } from './outcomes.js';
import type { ReportRecord } from './report-record.js';

type Check = (value: unknown) => boolean;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isString: Check = (value) => typeof value === 'string';

function isIntegerFrom(min: number): Check {
  return (value) => Number.isSafeInteger(value) && (value as number) >= min;
}

function isOneOf(words: readonly string[]): Check {
  return (value) => typeof value === 'string' && words.includes(value);
}

const isColumns: Check = (value) =>
  isObject(value) && Object.values(value).every(isString);

/** What `restore` needs of a snapshot: whose it is and the version it was taken at. */
const isSnapshot: Check = (value) =>
  isObject(value) && isString(value.id) && isIntegerFrom(0)(value.version);

const REQUIRED: Readonly<Record<string, Check>> = {
  row: isIntegerFrom(1),
  seq: isIntegerFrom(0),
  email: isString,
  outcome: isOneOf([...OUTCOMES, ...RESTORE_OUTCOMES]),
  columns: isColumns,
  at: isString,
};

const OPTIONAL: Readonly<Record<string, Check>> = {
  user_id: isString,
  name: isString,
  state_before: isOneOf(['active', 'inactive', 'deleted']),
  action: isOneOf(['deactivate', 'delete']),
  detail: isString,
  snapshot: isSnapshot,
  attempts: isIntegerFrom(0),
  http_status: isIntegerFrom(100),
  correlation_id: isString,
};

export type ParsedRecord = { record: ReportRecord } | { problem: string };

function firstBadField(value: Record<string, unknown>): string | undefined {
  const required = Object.entries(REQUIRED).find(([key, check]) => !check(value[key]));
  if (required) {
    return `"${required[0]}" is missing or not valid`;
  }
  const optional = Object.entries(OPTIONAL).find(
    ([key, check]) => value[key] !== undefined && !check(value[key]),
  );
  return optional && `"${optional[0]}" is not valid`;
}

/**
 * Checks one parsed `.jsonl` value against the record shape the writer produces. Keys
 * it does not know are kept, so a report from a newer version still reads.
 */
export function parseReportRecord(value: unknown): ParsedRecord {
  if (!isObject(value)) {
    return { problem: 'it is not a JSON object' };
  }
  const problem = firstBadField(value);
  return problem === undefined
    ? { record: value as unknown as ReportRecord }
    : { problem: `field ${problem}` };
}

/**
 * One `.jsonl` line's text as a record, or why it is not one. Shared by `readReport`
 * and resume's check of a last line without its newline, so both judge a line alike.
 */
export function parseReportLine(text: string): ParsedRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'it is not valid JSON' };
  }
  return parseReportRecord(value);
}
