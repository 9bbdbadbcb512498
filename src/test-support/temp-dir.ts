import { afterEach } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempDirs {
  /** A new empty directory under the OS temp dir: `prefix` plus six random characters. */
  make(prefix: string): Promise<string>;
}

/** Scratch directories for a test file; each test's are removed, contents and all, after it. */
export function useTempDirs(): TempDirs {
  const made: string[] = [];
  afterEach(async () => {
    const done = made.splice(0);
    await Promise.all(done.map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return {
    async make(prefix) {
      const dir = await mkdtemp(join(tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
  };
}
