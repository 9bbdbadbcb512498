import { UsageError } from '../../errors/usage-error.js';
import type { CliOptions } from '../options.js';

/** The command's one argument, or a usage error that shows how to give it. */
export function requireTarget(options: CliOptions, command: string): string {
  if (!options.target) {
    throw new UsageError(
      `${command} needs a manifest: offboard ${command} <manifest.csv>`,
      {
        command,
      },
    );
  }
  return options.target;
}
