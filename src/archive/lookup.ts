import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { ARCHIVE_FILE } from './directory-archive.js';

export type ArchiveRecord = Readonly<Record<string, string>>;

/**
 * Every archived entry whose user id or email is `key` (email without regard to case),
 * oldest first. Streams the archive, so its size does not matter.
 */
export async function lookupArchive(dir: string, key: string): Promise<ArchiveRecord[]> {
  const path = join(dir, ARCHIVE_FILE);
  if (!existsSync(path)) {
    return [];
  }
  const wanted = key.trim().toLowerCase();
  const found: ArchiveRecord[] = [];
  const records = createReadStream(path).pipe(
    parse({ columns: true, relax_column_count: true }),
  );
  for await (const record of records as AsyncIterable<ArchiveRecord>) {
    if (record.id?.toLowerCase() === wanted || record.email?.toLowerCase() === wanted) {
      found.push(record);
    }
  }
  return found;
}
