import { resolve } from 'node:path';
import pLimit from 'p-limit';
import type { UsersApi } from '../../genesys/users-api.js';
import type { Logger } from '../../log/logger.js';
import { RunLock } from '../../lock/run-lock.js';
import { toSnapshot } from '../../pipeline/snapshot.js';
import { readReport, type ReportRecord } from '../../report/read-report.js';
import type { ReportWriter } from '../../report/report-writer.js';
import type { RowResult } from '../../report/row-result.js';
import { exitCodeForCounts, formatSummary } from '../../report/summary.js';
import { restoreUser, type RestoreResult } from '../../restore/restore-user.js';
import type { CliIo } from '../cli-io.js';
import { assertConfirmable, assertWithinMaxChanges, confirmChanges } from '../confirm.js';
import type { CliOptions } from '../options.js';
import { openRuntime } from '../runtime.js';
import { ensureOutDir } from './out-dir.js';
import { requireTarget } from './target.js';
import { interruptedCode, openFreshReport } from './write-report.js';

/**
 * `offboard restore <report.jsonl>`: brings back every user that apply run deactivated
 * or deleted, with the same confirmation, --yes, --max-changes, lock and rate limit as
 * apply, and a report of its own (restored, already-active, not-found, failed).
 */
export async function runRestore(
  options: CliOptions,
  io: CliIo,
  logger: Logger,
): Promise<number> {
  const source = resolve(io.cwd, requireTarget(options, 'restore'));
  assertConfirmable(options.yes, io, 'restore');
  const runtime = await openRuntime(options, io, logger);
  const outDir = await ensureOutDir(io.cwd, options.out);
  let lock: RunLock | undefined;

  try {
    lock = RunLock.acquire(outDir, 'restore', logger);
    const changed = await changedRows(source);
    const count = { deactivate: 0, delete: 0, users: changed.length };
    assertWithinMaxChanges(count, options.maxChanges);
    await confirmRestore(changed.length, options.yes, io);

    const target = {
      kind: 'restore',
      manifestPath: source.replace(/-apply\.jsonl$/, ''),
      extraColumns: Object.keys(changed[0]?.columns ?? {}),
      total: changed.length,
    } as const;
    const { writer: report } = await openFreshReport(target, outDir);
    await restoreAll(changed, report, runtime.context.users, { options, io, logger });
    const files = io.signal.aborted ? await report.abandon() : await report.close();
    const total = report.written;
    io.stdout.write(
      formatSummary({ kind: 'restore', counts: report.counts, files, total }),
    );
    return interruptedCode(io.signal) ?? exitCodeForCounts(report.counts);
  } finally {
    lock?.release();
    await runtime.close();
  }
}

/** Restores each row's user, `--concurrency` at a time, until the run is interrupted. */
async function restoreAll(
  changed: readonly ReportRecord[],
  report: ReportWriter,
  users: UsersApi,
  run: { options: CliOptions; io: CliIo; logger: Logger },
): Promise<void> {
  const limit = pLimit(run.options.concurrency);
  const log = run.logger.child({ stage: 'restore' });
  const restoreRow = async (record: ReportRecord, seq: number): Promise<void> => {
    if (run.io.signal.aborted) {
      return;
    }
    const result = await restoreUser(record.user_id ?? '', users, log);
    report.write(toRestoreRow(record, seq, result));
  };
  await Promise.all(changed.map((record, seq) => limit(() => restoreRow(record, seq))));
}

/** The rows of an apply report whose users that run changed. */
async function changedRows(path: string): Promise<ReportRecord[]> {
  const rows: ReportRecord[] = [];
  for await (const record of readReport(path)) {
    const changed = record.outcome === 'deactivated' || record.outcome === 'deleted';
    if (changed && record.user_id) {
      rows.push(record);
    }
  }
  return rows;
}

async function confirmRestore(users: number, yes: boolean, io: CliIo): Promise<void> {
  await confirmChanges(
    { deactivate: 0, delete: 0, users },
    yes,
    io,
    `restore ${users} user(s)`,
  );
}

/** The restore report's line: `seq` is the position among restored rows, `row` the manifest's. */
function toRestoreRow(
  record: ReportRecord,
  seq: number,
  result: RestoreResult,
): RowResult {
  const user = result.user;
  return {
    seq,
    row: record.row,
    email: record.email,
    outcome: result.outcome,
    extras: record.columns,
    ...(record.user_id ? { userId: record.user_id } : {}),
    ...((user?.name ?? record.name) ? { name: user?.name ?? record.name ?? '' } : {}),
    ...(user?.state ? { stateBefore: user.state } : {}),
    ...(result.detail ? { detail: result.detail } : {}),
    ...(user ? { snapshot: toSnapshot(user) } : {}),
    ...(result.call ? { call: result.call } : {}),
  };
}
