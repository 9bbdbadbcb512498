import { hostname } from 'node:os';
import { join } from 'node:path';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { GuardError } from '../errors/guard-error.js';
import type { Logger } from '../log/logger.js';

/** Who holds a lock, as written in the lock file. */
export interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly command: string;
  readonly startedAt: string;
}

export const LOCK_FILE = '.offboard.lock';

/**
 * Only one `apply` or `restore` at a time per `--out` directory, so two runs never write
 * the same users or interleave their reports. The lock is a file created exclusively;
 * a lock whose process is gone (same host, pid not running) is taken over with a
 * warning. Limit: a lock left by another host cannot be tested and is always honoured;
 * remove the file by hand once sure that run is over.
 */
export class RunLock {
  private constructor(private readonly path: string) {}

  static acquire(dir: string, command: string, logger: Logger): RunLock {
    const path = join(dir, LOCK_FILE);
    const me: LockHolder = {
      pid: process.pid,
      host: hostname(),
      command,
      startedAt: new Date().toISOString(),
    };
    if (tryCreate(path, me)) {
      return new RunLock(path);
    }

    const holder = readHolder(path);
    if (holder && isAlive(holder)) {
      throw heldBy(holder, path);
    }
    logger.warn({ lock: path, holder }, 'taking over a lock left by a run that is gone');
    unlinkSync(path);
    if (!tryCreate(path, me)) {
      throw heldBy(readHolder(path), path);
    }
    return new RunLock(path);
  }

  release(): void {
    try {
      unlinkSync(this.path);
    } catch {
      // Already gone: nothing to release.
    }
  }
}

function tryCreate(path: string, holder: LockHolder): boolean {
  try {
    writeFileSync(path, `${JSON.stringify(holder)}\n`, { flag: 'wx', mode: 0o600 });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') {
      return false;
    }
    throw err;
  }
}

function readHolder(path: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

function isAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) {
    return true;
  }
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function heldBy(holder: LockHolder | undefined, path: string): GuardError {
  const who = holder
    ? `${holder.command} (pid ${holder.pid} on ${holder.host}, started ${holder.startedAt})`
    : 'another run';
  return new GuardError(
    'locked',
    `${who} holds the lock ${path}; wait for it to finish, or remove the file if that run is gone`,
    { lock: path, ...(holder ? { holder } : {}) },
  );
}
