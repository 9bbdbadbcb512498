import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { GuardError } from '../errors/guard-error.js';
import { createLogger } from '../log/logger.js';
import { LOCK_FILE, RunLock } from './run-lock.js';

const logger = createLogger({ level: 'silent' });
const scratch = () => mkdtempSync(join(tmpdir(), 'offboard-lock-'));

/** A pid that certainly ran and is gone: a child that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, [
    '-e',
    'process.stdout.write(String(process.pid))',
  ]);
  return Number(child.stdout.toString());
}

describe('RunLock', () => {
  it('refuses a second run while the first holds the lock, naming the holder', () => {
    const dir = scratch();
    const first = RunLock.acquire(dir, 'apply', logger);

    expect(() => RunLock.acquire(dir, 'restore', logger)).toThrow(GuardError);
    expect(() => RunLock.acquire(dir, 'restore', logger)).toThrow(
      new RegExp(`apply \\(pid ${process.pid} on ${hostname()}`),
    );
    first.release();
  });

  it('is free again once released', () => {
    const dir = scratch();
    RunLock.acquire(dir, 'apply', logger).release();

    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    expect(() => {
      RunLock.acquire(dir, 'apply', logger).release();
    }).not.toThrow();
  });

  it('takes over a lock left by a process that is gone', () => {
    const dir = scratch();
    const stale = { pid: deadPid(), host: hostname(), command: 'apply', startedAt: 'x' };
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify(stale));

    const lock = RunLock.acquire(dir, 'apply', logger);

    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({
      pid: process.pid,
    });
    lock.release();
  });

  it('honours a lock from another host, which it cannot test', () => {
    const dir = scratch();
    const remote = { pid: 1, host: 'elsewhere', command: 'apply', startedAt: 'x' };
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify(remote));

    expect(() => RunLock.acquire(dir, 'apply', logger)).toThrow(/elsewhere/);
  });
});
