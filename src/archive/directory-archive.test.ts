import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARCHIVE_FILE, DirectoryArchive } from './directory-archive.js';
import { lookupArchive } from './lookup.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'offboard-archive-'));
const when = new Date('2026-12-01T09:00:00Z');
const ada = {
  id: 'u-ada',
  version: 3,
  name: 'Ada Lovelace',
  email: 'Ada@Example.com',
  username: 'ada@example.com',
  division: { id: 'd1', name: 'Support' },
  title: 'Agent',
  manager: { id: 'm1', name: 'Grace Hopper' },
};

describe('DirectoryArchive', () => {
  it('appends across runs and never rewrites what is there', () => {
    const dir = scratch();
    const first = DirectoryArchive.open(dir);
    first.append({ snapshot: ada, state: 'inactive', when, run: 'run-1' });
    first.close();
    const second = DirectoryArchive.open(dir);
    second.append({ snapshot: ada, state: 'deleted', when, run: 'run-2' });
    second.close();

    const lines = readFileSync(join(dir, ARCHIVE_FILE), 'utf8').trim().split('\n');
    expect(lines).toEqual([
      'id,name,email,username,division,title,manager,state,when,run',
      'u-ada,Ada Lovelace,Ada@Example.com,ada@example.com,Support,Agent,Grace Hopper,inactive,2026-12-01T09:00:00.000Z,run-1',
      'u-ada,Ada Lovelace,Ada@Example.com,ada@example.com,Support,Agent,Grace Hopper,deleted,2026-12-01T09:00:00.000Z,run-2',
    ]);
    expect(statSync(join(dir, ARCHIVE_FILE)).mode & 0o777).toBe(0o600);
  });

  it('finds a user by id or by email without regard to case', async () => {
    const dir = scratch();
    const archive = DirectoryArchive.open(dir);
    archive.append({ snapshot: ada, state: 'deleted', when, run: 'run-1' });
    archive.close();

    expect(await lookupArchive(dir, 'u-ada')).toHaveLength(1);
    expect(await lookupArchive(dir, 'ada@example.COM')).toEqual([
      expect.objectContaining({ name: 'Ada Lovelace', state: 'deleted' }),
    ]);
    expect(await lookupArchive(dir, 'nobody')).toEqual([]);
  });

  it('finds nothing before any run has archived anyone', async () => {
    expect(await lookupArchive(scratch(), 'u-ada')).toEqual([]);
  });
});
