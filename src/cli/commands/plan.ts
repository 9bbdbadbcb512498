import { basename, join, resolve } from 'node:path';
import type { Logger } from '../../log/logger.js';
import { inspectManifest, readManifest } from '../../manifest/read-manifest.js';
import { survey } from '../../pipeline/survey.js';
import { PLAN_FORMAT, type PlanHeader } from '../../plan/plan-file.js';
import { sha256File } from '../../plan/sha256-file.js';
import { PlanWriter } from '../../plan/write-plan.js';
import type { CliIo } from '../cli-io.js';
import type { CliOptions } from '../options.js';
import { openRuntime, type Runtime } from '../runtime.js';
import { StatusLine } from '../status-line.js';
import { requireTarget } from './target.js';
import { writeReport } from './write-report.js';

/**
 * `offboard plan <manifest.csv>`: the dry run. Only reads: resolve and check every row,
 * report the outcome `apply` would reach now, and write the `.plan.json` that
 * `apply <plan.json>` carries out exactly.
 */
export async function runPlan(
  options: CliOptions,
  io: CliIo,
  logger: Logger,
): Promise<number> {
  const manifest = resolve(io.cwd, requireTarget(options, 'plan'));
  const runtime = await openRuntime(options, io, logger);
  const log = logger.child({ command: 'plan' });

  try {
    const { layout, rowCount } = await inspectManifest(manifest);
    log.info({ manifest: basename(manifest), rows: rowCount }, 'planning');
    const startedAt = new Date();
    const header = await planHeader(
      manifest,
      layout.extraColumns,
      runtime,
      options,
      startedAt,
    );
    const outDir = resolve(io.cwd, options.out);
    const target = {
      kind: 'plan',
      manifestPath: manifest,
      extraColumns: layout.extraColumns,
      total: rowCount,
    } as const;

    const summary = await writeReport(
      target,
      { options, io, logger },
      async (emit, baseName) => {
        const plan = PlanWriter.open(join(outDir, `${baseName}.plan.json`), header);
        for await (const decision of survey(readManifest(manifest), runtime.context, {
          checkBusy: true,
        })) {
          plan.add(decision);
          emit(decision);
        }
        if (!io.signal.aborted) {
          const path = plan.close();
          StatusLine.for(io.stderr).around(() => io.stdout.write(`plan    ${path}\n`));
        }
      },
    );
    return summary.exitCode;
  } finally {
    await runtime.close();
  }
}

async function planHeader(
  manifest: string,
  extraColumns: readonly string[],
  runtime: Runtime,
  options: CliOptions,
  createdAt: Date,
): Promise<PlanHeader> {
  return {
    format: PLAN_FORMAT,
    org: { apiUrl: runtime.config.apiUrl, clientId: runtime.config.clientId },
    manifest: { path: manifest, sha256: await sha256File(manifest), extraColumns },
    defaultAction: runtime.context.defaultAction,
    createdAt: createdAt.toISOString(),
    expiresAt: new Date(createdAt.getTime() + options.expiresInMs).toISOString(),
  };
}
