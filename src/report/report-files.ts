import path from 'node:path';

/** Which command wrote a report; the last part of its file name. */
export type RunKind = 'plan' | 'apply' | 'restore';

/** The paths of one run's report files. */
export interface ReportFiles {
  csv: string;
  jsonl: string;
}

/** `20261203T142501Z`: sorts as text, safe in every file system, always UTC. */
function compactUtc(time: Date): string {
  return time
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(/[-:]/g, '');
}

/**
 * The name, without extension, shared by one run's report files:
 * `<manifest stem>-<UTC start time>-<kind>`, e.g. `example-leavers-20261203T142501Z-plan`
 * for `manifests/example-leavers.csv`. Only the last extension is dropped, so a plan
 * file `x.plan.json` gives the stem `x.plan`.
 *
 * The time has one-second resolution: two runs of the same kind on the same manifest
 * within one second get the same name, and the second one is refused by the writer's
 * exclusive create rather than overwriting the first.
 */
export function reportBaseName(
  manifestPath: string,
  kind: RunKind,
  startedAt: Date,
): string {
  const stem = path.parse(manifestPath).name;
  return `${stem}-${compactUtc(startedAt)}-${kind}`;
}
