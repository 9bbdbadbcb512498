import { resolve } from 'node:path';
import type { Logger } from '../../log/logger.js';
import type { Decision } from '../../pipeline/decision.js';
import { toRowResult } from '../../pipeline/row-result.js';
import type { RunKind } from '../../report/report-files.js';
import { ReportWriter } from '../../report/report-writer.js';
import { exitCodeForCounts, formatSummary } from '../../report/summary.js';
import { ExitCode } from '../exit-codes.js';
import { Progress } from '../progress.js';
import type { CliIo } from '../cli-io.js';
import type { CliOptions } from '../options.js';
import { freshBaseName } from './fresh-base-name.js';

/** Which report a run writes. */
export interface ReportTarget {
  readonly kind: RunKind;
  /** The manifest the report is named after. */
  readonly manifestPath: string;
  readonly extraColumns: readonly string[];
  /** Rows the run will report, for the progress line. */
  readonly total: number;
}

/** A report open for writing, and the base name that names the run's other files. */
export interface OpenedReport {
  readonly writer: ReportWriter;
  readonly baseName: string;
}

/** A new report in `dir`, under a base name no other file there uses. */
export async function openFreshReport(
  target: ReportTarget,
  dir: string,
): Promise<OpenedReport> {
  const baseName = await freshBaseName(dir, target.manifestPath, target.kind);
  const writer = await ReportWriter.open({
    dir,
    baseName,
    extraColumns: target.extraColumns,
  });
  return { writer, baseName };
}

/** The files and figures of a run, for the command to print and return. */
export interface RunSummary {
  readonly exitCode: ExitCode;
}

/**
 * Opens the run's report, lets `fill` feed it one decision per row as each finishes
 * (and tells it the report's base name, which names the run's other files),
 * closes it and prints the summary. If `fill` throws, the rows written so far are kept
 * (the jsonl is already on disk; the csv holds the rows up to the first gap).
 */
export async function writeReport(
  target: ReportTarget,
  run: { options: CliOptions; io: CliIo; logger: Logger },
  fill: (emit: (decision: Decision) => void, baseName: string) => Promise<void>,
  opened?: OpenedReport,
): Promise<RunSummary> {
  const { options, io, logger } = run;
  const { kind } = target;
  const { writer: report, baseName } =
    opened ?? (await openFreshReport(target, resolve(io.cwd, options.out)));

  const progress = new Progress({ total: target.total, stream: io.stderr });
  try {
    const emit = (decision: Decision): void => {
      report.write(toRowResult(decision));
      progress.tick();
    };
    await fill(emit, baseName);
  } catch (err) {
    progress.finish();
    const files = await report.abandon();
    logger.error(
      { files },
      'run stopped early; the report holds the rows finished so far',
    );
    throw err;
  }

  progress.finish();
  // Interrupted: rows never started leave gaps, so the csv stays under its .partial
  // name and the jsonl holds every finished row, ready for --resume.
  const files = io.signal.aborted ? await report.abandon() : await report.close();
  const summary = formatSummary({
    kind,
    counts: report.counts,
    files,
    total: report.written,
  });
  io.stdout.write(summary.endsWith('\n') ? summary : `${summary}\n`);
  logger.info(
    { kind, rows: report.written, files, ...resourceFigures() },
    'run finished',
  );
  return { exitCode: interruptedCode(io.signal) ?? exitCodeForCounts(report.counts) };
}

/** 130 after SIGINT, 143 after SIGTERM, undefined when the run was not interrupted. */
export function interruptedCode(signal: AbortSignal): ExitCode | undefined {
  if (!signal.aborted) {
    return undefined;
  }
  return signal.reason === 'SIGTERM' ? ExitCode.Terminated : ExitCode.Interrupted;
}

/**
 * What the run cost this process, for the log's last line (the benchmark reads it):
 * peak resident memory and CPU time, user plus system.
 */
function resourceFigures(): { maxRssKb: number; cpuMs: number } {
  const usage = process.resourceUsage();
  return {
    maxRssKb: usage.maxRSS,
    cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000),
  };
}
