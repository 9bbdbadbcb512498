import { closeSync, openSync } from 'node:fs';
import { pino, type DestinationStream } from 'pino';
import { UsageError } from '../errors/usage-error.js';

/**
 * `--log-file FILE`: JSON log lines appended to a file instead of stderr, for cron,
 * where stderr becomes mail. The file is created owner-only (0600); an existing one is
 * appended to, never truncated. Writes are synchronous, so a crash loses no line.
 */
export function logFileDestination(path: string): DestinationStream {
  try {
    closeSync(openSync(path, 'a', 0o600));
  } catch (cause) {
    throw new UsageError(
      `--log-file ${path} cannot be opened for appending`,
      { flag: '--log-file' },
      { cause },
    );
  }
  return pino.destination({ dest: path, append: true, sync: true });
}
