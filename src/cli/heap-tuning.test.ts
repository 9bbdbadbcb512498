import { execFileSync, spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { repoPath } from '../test-support/e2e-paths.js';

describe('tuneHeap', () => {
  it('sets a V8 flag that this Node.js knows, without a word on stderr', () => {
    const options = execFileSync(process.execPath, ['--v8-options'], {
      encoding: 'utf8',
    });
    expect(options).toContain('--heap-growing-percent');

    // The built module, as the command runs it. V8 prints an error for a flag it does
    // not know (a typo, or a Node.js that dropped it); the run's stderr must stay clean.
    const built = pathToFileURL(repoPath('dist/cli/heap-tuning.js')).href;
    const child = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { tuneHeap } from ${JSON.stringify(built)}; tuneHeap();`,
      ],
      { encoding: 'utf8' },
    );
    expect({ status: child.status, stderr: child.stderr }).toEqual({
      status: 0,
      stderr: '',
    });
  });
});
