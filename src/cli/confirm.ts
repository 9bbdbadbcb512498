import { createInterface } from 'node:readline/promises';
import { GuardError } from '../errors/guard-error.js';
import type { CliIo } from './cli-io.js';

/** How many users a run would change, by kind of change. */
export interface ChangeCount {
  readonly deactivate: number;
  readonly delete: number;
  /** Users that would change at all (a delete of an inactive user is one change). */
  readonly users: number;
}

/**
 * Fails fast, before any request, when nobody could confirm: `apply` off a terminal
 * must be told `--yes`, so that cron never blocks on a prompt nor runs unconfirmed.
 */
export function assertConfirmable(yes: boolean, io: CliIo, command: string): void {
  if (yes || io.interactive) {
    return;
  }
  throw new GuardError(
    'not-confirmed',
    `${command} changes users and there is no terminal to confirm on; ` +
      `review a plan first, then run again with --yes`,
  );
}

/** Asks on the terminal; anything but "yes" stops the run with nothing changed. */
export async function confirmChanges(
  count: ChangeCount,
  yes: boolean,
  io: CliIo,
  what = `deactivate ${count.deactivate} and delete ${count.delete} user(s) ` +
    `(${count.users} in all; ` +
    'anyone found busy right before their write is skipped)',
): Promise<void> {
  if (yes || count.users === 0) {
    return;
  }
  const prompt = `About to ${what}. Type "yes" to go on: `;
  const rl = createInterface({ input: io.stdin, output: io.stderr, terminal: true });
  try {
    const answer = await rl.question(prompt, { signal: io.signal });
    if (answer.trim().toLowerCase() === 'yes') {
      return;
    }
  } catch {
    // Ctrl-C or a closed terminal at the prompt: treated as "no".
  } finally {
    rl.close();
  }
  throw new GuardError('not-confirmed', 'not confirmed; nothing was changed');
}

/** Refuses a run that would change more users than `--max-changes` allows. */
export function assertWithinMaxChanges(count: ChangeCount, maxChanges: number): void {
  if (count.users <= maxChanges) {
    return;
  }
  throw new GuardError(
    'max-changes',
    `${count.users} users would change, more than --max-changes ${maxChanges}; ` +
      `check the manifest, then run again with --max-changes ${count.users} to allow it`,
    { wouldChange: count.users, maxChanges },
  );
}
