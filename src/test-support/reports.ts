import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface ReportLine {
  row: number;
  email: string;
  user_id?: string;
  outcome: string;
  detail?: string;
  action?: string;
  state_before?: string;
  snapshot?: Record<string, unknown>;
  columns?: Record<string, string>;
  [key: string]: unknown;
}

/** The report files of one kind in a directory, oldest first. */
export async function reportFiles(dir: string, suffix: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith(suffix)).sort();
  return names.map((name) => join(dir, name));
}

/** The lines of the newest `.jsonl` of a kind (`plan`, `apply`). */
export async function newestReport(dir: string, kind: string): Promise<ReportLine[]> {
  const files = await reportFiles(dir, `-${kind}.jsonl`);
  const newest = files.at(-1);
  if (!newest) {
    throw new Error(`no ${kind} report in ${dir}`);
  }
  const text = await readFile(newest, 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ReportLine);
}

/** Row number -> outcome, for comparing a whole run at once. */
export function outcomesByRow(lines: readonly ReportLine[]): Record<string, string> {
  return Object.fromEntries(lines.map((line) => [String(line.row), line.outcome]));
}
