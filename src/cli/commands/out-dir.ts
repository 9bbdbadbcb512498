import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';

/** The `--out` directory, created owner-only (0700) when it does not exist yet. */
export async function ensureOutDir(cwd: string, out: string): Promise<string> {
  const dir = resolve(cwd, out);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  return dir;
}
