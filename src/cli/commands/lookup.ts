import { lookupArchive } from '../../archive/lookup.js';
import { ARCHIVE_COLUMNS } from '../../archive/directory-archive.js';
import { resolve } from 'node:path';
import type { CliIo } from '../cli-io.js';
import { ExitCode } from '../exit-codes.js';
import type { CliOptions } from '../options.js';
import { UsageError } from '../../errors/usage-error.js';

/**
 * `offboard lookup <id|email>`: who a user id in an old conversation report was, from
 * the directory archive that every apply appends to. Needs no configuration and sends
 * no request. Exit 0 when found, 1 when not.
 */
export async function runLookup(options: CliOptions, io: CliIo): Promise<number> {
  if (!options.target) {
    throw new UsageError(
      'lookup needs a user id or an email: offboard lookup <id|email>',
    );
  }
  const records = await lookupArchive(resolve(io.cwd, options.out), options.target);
  if (records.length === 0) {
    io.stdout.write(
      `${options.target}: not in the directory archive of ${options.out}\n`,
    );
    return ExitCode.Attention;
  }
  for (const record of records) {
    const fields = ARCHIVE_COLUMNS.map((column) => `${column}: ${record[column] ?? ''}`);
    io.stdout.write(`${fields.join('\n')}\n\n`);
  }
  return ExitCode.Done;
}
