import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';
import { HEAP_GROWING_PERCENT } from './heap-tuning.js';

describe('tuneHeap', () => {
  it('sets a V8 flag that this Node.js knows, without a word on stderr', () => {
    const options = execFileSync(process.execPath, ['--v8-options'], {
      encoding: 'utf8',
    });
    expect(options).toContain('--heap-growing-percent');

    // An unknown flag would make V8 print an error; the run's stderr must stay clean.
    const flag = `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;
    const child = spawnSync(
      process.execPath,
      ['-e', `require('node:v8').setFlagsFromString(${JSON.stringify(flag)})`],
      { encoding: 'utf8' },
    );
    expect({ status: child.status, stderr: child.stderr }).toEqual({
      status: 0,
      stderr: '',
    });
  });
});
