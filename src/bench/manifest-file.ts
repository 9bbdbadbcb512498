import { access, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generatedEmail } from '../sandbox/generated-org.js';

/** The manifest text for users 1..rows of a generated org, each with `action`. */
export function benchManifest(rows: number, action: 'deactivate' | 'delete'): string {
  const lines = ['email,action,ticket'];
  for (let n = 1; n <= rows; n += 1) {
    lines.push(`${generatedEmail(n)},${action},HR-${n}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The path of the manifest for `rows` and `action` in `dir`, written on first use (a
 * 100,000-row manifest is about 5 MB). Scenarios that share a size share the file.
 */
export async function manifestFor(
  dir: string,
  rows: number,
  action: 'deactivate' | 'delete',
): Promise<string> {
  const path = join(dir, `leavers-${rows}-${action}.csv`);
  try {
    await access(path);
  } catch {
    await writeFile(path, benchManifest(rows, action), { mode: 0o600 });
  }
  return path;
}
