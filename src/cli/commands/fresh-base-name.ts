import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type RunKind, reportBaseName } from '../../report/report-files.js';

const SUFFIXES = ['.jsonl', '.csv', '.csv.partial', '.plan.json'];

/**
 * A report base name no file in `dir` uses yet. Names carry the time to the second, so
 * two runs in the same second (a script, a test) would collide; the second waits for
 * the next second rather than overwrite or change the documented name form. The files
 * are still created exclusively, so a race past this check fails safe.
 */
export async function freshBaseName(
  dir: string,
  manifestPath: string,
  kind: RunKind,
): Promise<string> {
  for (;;) {
    const now = new Date();
    const name = reportBaseName(manifestPath, kind, now);
    if (!SUFFIXES.some((suffix) => existsSync(join(dir, `${name}${suffix}`)))) {
      return name;
    }
    await sleep(1000 - now.getMilliseconds());
  }
}
