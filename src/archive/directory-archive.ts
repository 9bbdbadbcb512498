import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { csvCell } from '../report/csv-cell.js';
import type { UserSnapshot } from '../report/row-result.js';

export const ARCHIVE_FILE = 'directory-archive.csv';

export const ARCHIVE_COLUMNS = [
  'id',
  'name',
  'email',
  'username',
  'division',
  'title',
  'manager',
  'state',
  'when',
  'run',
] as const;

/** One archived user: the profile before the change, when, and which run changed it. */
export interface ArchiveEntry {
  readonly snapshot: UserSnapshot;
  /** The state the run left the user in. */
  readonly state: 'inactive' | 'deleted';
  readonly when: Date;
  /** The run's report base name, which finds its report. */
  readonly run: string;
}

/**
 * `directory-archive.csv` in the reports directory: every user an `apply` deactivated or
 * deleted, appended as it happens, so that the ids in years of conversation reports can
 * still be turned into names once the profile is gone. Only ever appended to: never
 * rewritten, never truncated. Owner-only (0600).
 */
export class DirectoryArchive {
  private constructor(private readonly fd: number) {}

  static open(dir: string): DirectoryArchive {
    const path = join(dir, ARCHIVE_FILE);
    const isNew = !existsSync(path);
    const fd = openSync(path, 'a', 0o600);
    if (isNew) {
      writeSync(fd, `${ARCHIVE_COLUMNS.join(',')}\n`);
    }
    return new DirectoryArchive(fd);
  }

  append(entry: ArchiveEntry): void {
    const { snapshot: s } = entry;
    const cells = [
      s.id,
      s.name,
      s.email,
      s.username,
      s.division?.name ?? s.division?.id,
      s.title,
      s.manager?.name ?? s.manager?.id,
      entry.state,
      entry.when.toISOString(),
      entry.run,
    ];
    writeSync(this.fd, `${cells.map((cell) => csvCell(cell)).join(',')}\n`);
  }

  close(): void {
    closeSync(this.fd);
  }
}
