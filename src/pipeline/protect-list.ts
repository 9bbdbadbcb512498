import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { UsageError } from '../errors/usage-error.js';

/**
 * Accounts that are never written to in any mode: service accounts, the admins running
 * the job, anyone legal has put on hold. Matched by email (case-insensitive) or user id.
 */
export class ProtectList {
  private readonly entries: ReadonlySet<string>;

  constructor(entries: Iterable<string> = []) {
    this.entries = new Set([...entries].map((entry) => entry.trim().toLowerCase()));
  }

  get size(): number {
    return this.entries.size;
  }

  /** True when the email or any of the user ids is on the list. */
  protects(emailKey: string, userIds: readonly string[] = []): boolean {
    if (this.entries.has(emailKey)) {
      return true;
    }
    return userIds.some((id) => this.entries.has(id.toLowerCase()));
  }
}

/** Reads a protect file: one email or user id a line, blank lines and `#` comments allowed. */
export async function loadProtectList(paths: readonly string[]): Promise<ProtectList> {
  const entries: string[] = [];
  for (const path of paths) {
    entries.push(...(await readEntries(path)));
  }
  return new ProtectList(entries);
}

async function readEntries(path: string): Promise<string[]> {
  const entries: string[] = [];
  try {
    const lines = createInterface({ input: createReadStream(path, 'utf8') });
    for await (const line of lines) {
      const entry = line.replace(/#.*/, '').trim();
      if (entry) {
        entries.push(entry);
      }
    }
  } catch (cause) {
    throw new UsageError(
      `cannot read the protect file ${path}; ` +
        'check the path given to --protect or OFFBOARD_PROTECT_FILE',
      { file: path },
      { cause },
    );
  }
  return entries;
}
