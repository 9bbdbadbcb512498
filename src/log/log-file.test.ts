import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../errors/usage-error.js';
import { logFileDestination } from './log-file.js';
import { createLogger } from './logger.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'offboard-log-'));

describe('logFileDestination', () => {
  it('appends JSON lines to an owner-only file, keeping what was there', () => {
    const path = join(scratch(), 'offboard.log');
    writeFileSync(path, '{"earlier":true}\n', { mode: 0o600 });

    const logger = createLogger({ level: 'info', destination: logFileDestination(path) });
    logger.info({ row: 3 }, 'finished');

    const lines = readFileSync(path, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1]!)).toMatchObject({ row: 3, msg: 'finished' });
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('creates a new file with mode 0600', () => {
    const path = join(scratch(), 'new.log');

    logFileDestination(path);

    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('names the flag when the file cannot be opened', () => {
    expect(() => logFileDestination(join(scratch(), 'missing', 'dir', 'x.log'))).toThrow(
      UsageError,
    );
  });
});
