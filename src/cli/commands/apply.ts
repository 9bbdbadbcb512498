import { resolve } from 'node:path';
import type { Logger } from '../../log/logger.js';
import { inspectManifest, readManifest } from '../../manifest/read-manifest.js';
import type { Binding } from '../../pipeline/check.js';
import type { PipelineContext } from '../../pipeline/context.js';
import type { Decision } from '../../pipeline/decision.js';
import { execute } from '../../pipeline/execute.js';
import { survey } from '../../pipeline/survey.js';
import { DirectoryArchive } from '../../archive/directory-archive.js';
import { RunLock } from '../../lock/run-lock.js';
import { DecisionSpool } from '../../plan/decision-spool.js';
import { readPlan } from '../../plan/read-plan.js';
import type { CliIo } from '../cli-io.js';
import { assertConfirmable, assertWithinMaxChanges, confirmChanges } from '../confirm.js';
import type { CliOptions } from '../options.js';
import { openRuntime, type Runtime } from '../runtime.js';
import { requireTarget } from './target.js';
import { ensureOutDir } from './out-dir.js';
import { PendingRows } from './pending-rows.js';
import { finishedRows, ResumeFilter, reopenReport } from './resume.js';
import { type OpenedReport, writeReport } from './write-report.js';

/** What names and shapes apply's report, and how its rows are bound. */
interface ApplySource {
  readonly manifestPath: string;
  readonly extraColumns: readonly string[];
  readonly binding: Binding;
}

/**
 * `offboard apply <manifest.csv | plan.json>`. From a manifest: check the whole file,
 * resolve every row (reads only), then write. From a plan: exactly what the plan says,
 * and a user that moved since is `stale`. Either way the guards (max changes,
 * confirmation) run before the first write, and each batch of rows is checked again
 * right before its writes. Between the read pass and the writes, the rows wait in a
 * spool file in the `--out` directory, so memory stays flat whatever the manifest's size.
 */
export async function runApply(
  options: CliOptions,
  io: CliIo,
  logger: Logger,
): Promise<number> {
  const target = resolve(io.cwd, requireTarget(options, 'apply'));
  assertConfirmable(options.yes, io, 'apply');
  const runtime = await openRuntime(options, io, logger);
  const log = logger.child({ command: 'apply' });
  const outDir = await ensureOutDir(io.cwd, options.out);
  let lock: RunLock | undefined;
  let spool: DecisionSpool | undefined;

  try {
    lock = RunLock.acquire(outDir, 'apply', logger);
    spool = DecisionSpool.open(outDir);
    const resume =
      options.resume === undefined ? undefined : resolve(io.cwd, options.resume);
    const filter = resume
      ? new ResumeFilter(await finishedRows(resume), resume)
      : undefined;
    const pending = new PendingRows(spool, filter);
    const source = target.endsWith('.json')
      ? await fromPlan(target, runtime, pending)
      : await fromManifest(target, runtime, log, pending);
    pending.finish();

    const { count } = pending;
    assertWithinMaxChanges(count, options.maxChanges);
    await confirmChanges(count, options.yes, io);
    log.info({ ...count, resume }, 'applying');
    const opened = resume ? await reopenReport(resume, source.extraColumns) : undefined;
    const context = { ...runtime.context, resuming: resume !== undefined };
    return await applyDecisions(
      { source, pending, outDir, context },
      { options, io, logger },
      opened,
    );
  } finally {
    spool?.remove();
    lock?.release();
    await runtime.close();
  }
}

/** Writes, reports and archives: the only part of apply that changes users. */
async function applyDecisions(
  work: {
    source: ApplySource;
    pending: PendingRows;
    outDir: string;
    context: PipelineContext;
  },
  run: { options: CliOptions; io: CliIo; logger: Logger },
  opened: OpenedReport | undefined,
): Promise<number> {
  const { source, pending, context } = work;
  const target = {
    kind: 'apply',
    manifestPath: source.manifestPath,
    extraColumns: source.extraColumns,
    total: pending.total,
  } as const;
  const archive = DirectoryArchive.open(work.outDir);
  try {
    const summary = await writeReport(
      target,
      run,
      (emit, baseName) =>
        execute(pending.decisions(), context, source.binding, (decision) => {
          archiveChange(archive, decision, baseName);
          emit(decision);
        }),
      opened,
    );
    return summary.exitCode;
  } finally {
    archive.close();
  }
}

function archiveChange(archive: DirectoryArchive, decision: Decision, run: string): void {
  const { outcome, user } = decision;
  if (!user || (outcome !== 'deactivated' && outcome !== 'deleted')) {
    return;
  }
  const state = outcome === 'deleted' ? 'deleted' : 'inactive';
  archive.append({ snapshot: user, state, when: new Date(), run });
}

async function fromManifest(
  path: string,
  runtime: Runtime,
  log: Logger,
  pending: PendingRows,
): Promise<ApplySource> {
  const { layout, rowCount } = await inspectManifest(path);
  log.info({ rows: rowCount }, 'resolving');
  for await (const decision of survey(readManifest(path), runtime.context, {
    checkBusy: false,
  })) {
    pending.add(decision);
  }
  return { manifestPath: path, extraColumns: layout.extraColumns, binding: 'follow' };
}

async function fromPlan(
  path: string,
  runtime: Runtime,
  pending: PendingRows,
): Promise<ApplySource> {
  const plan = await readPlan(path, runtime.config, new Date(), (decision) => {
    pending.add(decision);
  });
  return {
    manifestPath: plan.manifest.path,
    extraColumns: plan.manifest.extraColumns,
    binding: 'plan',
  };
}
