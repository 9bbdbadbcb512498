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
import { readPlan } from '../../plan/read-plan.js';
import type { CliIo } from '../cli-io.js';
import {
  assertConfirmable,
  assertWithinMaxChanges,
  type ChangeCount,
  confirmChanges,
} from '../confirm.js';
import type { CliOptions } from '../options.js';
import { openRuntime, type Runtime } from '../runtime.js';
import { requireTarget } from './target.js';
import { ensureOutDir } from './out-dir.js';
import { finishedRows, remainingDecisions, reopenReport } from './resume.js';
import { type OpenedReport, writeReport } from './write-report.js';

/** What apply carries out: the decisions, and what names and shapes its report. */
interface ApplySource {
  readonly manifestPath: string;
  readonly extraColumns: readonly string[];
  readonly decisions: readonly Decision[];
  readonly binding: Binding;
}

/**
 * `offboard apply <manifest.csv | plan.json>`. From a manifest: check the whole file,
 * resolve every row (reads only), then write. From a plan: exactly what the plan says,
 * and a user that moved since is `stale`. Either way the guards (max changes,
 * confirmation) run before the first write, and each batch of rows is checked again
 * right before its writes.
 *
 * Limit: the decisions are held in memory between the two passes (about 1 KB a row,
 * so some 100 MB for 100,000 rows), because the guards need the whole count before
 * the first write.
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

  try {
    lock = RunLock.acquire(outDir, 'apply', logger);
    const source = target.endsWith('.json')
      ? await fromPlan(target, runtime)
      : await fromManifest(target, runtime, log);

    const resume =
      options.resume === undefined ? undefined : resolve(io.cwd, options.resume);
    const pending = resume ? await withoutFinished(source, resume) : source;

    const count = countChanges(pending.decisions);
    assertWithinMaxChanges(count, options.maxChanges);
    await confirmChanges(count, options.yes, io);
    log.info({ ...count, resume }, 'applying');
    const opened = resume ? await reopenReport(resume, source.extraColumns) : undefined;
    const context = { ...runtime.context, resuming: resume !== undefined };
    return await applyDecisions(
      pending,
      outDir,
      context,
      { options, io, logger },
      opened,
    );
  } finally {
    lock?.release();
    await runtime.close();
  }
}

/** Writes, reports and archives: the only part of apply that changes users. */
async function applyDecisions(
  source: ApplySource,
  outDir: string,
  context: PipelineContext,
  run: { options: CliOptions; io: CliIo; logger: Logger },
  opened: OpenedReport | undefined,
): Promise<number> {
  const target = {
    kind: 'apply',
    manifestPath: source.manifestPath,
    extraColumns: source.extraColumns,
    total: source.decisions.length,
  } as const;
  const archive = DirectoryArchive.open(outDir);
  try {
    const summary = await writeReport(
      target,
      run,
      (emit, baseName) =>
        execute(source.decisions, context, source.binding, (decision) => {
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
): Promise<ApplySource> {
  const { layout, rowCount } = await inspectManifest(path);
  log.info({ rows: rowCount }, 'resolving');
  const decisions: Decision[] = [];
  for await (const decision of survey(readManifest(path), runtime.context, {
    checkBusy: false,
  })) {
    decisions.push(decision);
  }
  return {
    manifestPath: path,
    extraColumns: layout.extraColumns,
    decisions,
    binding: 'follow',
  };
}

async function fromPlan(path: string, runtime: Runtime): Promise<ApplySource> {
  const plan = await readPlan(path, runtime.config, new Date());
  return {
    manifestPath: plan.manifest.path,
    extraColumns: plan.manifest.extraColumns,
    decisions: plan.rows,
    binding: 'plan',
  };
}

/** The source without the rows an interrupted run already reported (`--resume`). */
async function withoutFinished(
  source: ApplySource,
  jsonlPath: string,
): Promise<ApplySource> {
  const done = await finishedRows(jsonlPath);
  return { ...source, decisions: remainingDecisions(source.decisions, done, jsonlPath) };
}

/** How many users the decisions would change: what the guards and the prompt show. */
export function countChanges(decisions: readonly Decision[]): ChangeCount {
  let deactivate = 0;
  let remove = 0;
  let users = 0;
  for (const { steps } of decisions) {
    deactivate += steps.includes('deactivate') ? 1 : 0;
    remove += steps.includes('delete') ? 1 : 0;
    users += steps.length > 0 ? 1 : 0;
  }
  return { deactivate, delete: remove, users };
}
