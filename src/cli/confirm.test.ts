import { describe, expect, it } from '@jest/globals';
import { PassThrough } from 'node:stream';
import { GuardError } from '../errors/guard-error.js';
import type { CliIo } from './cli-io.js';
import { assertConfirmable, assertWithinMaxChanges, confirmChanges } from './confirm.js';

function terminalIo(answer: string): { io: CliIo; prompt: () => string } {
  const stdin = new PassThrough();
  const stderr = new PassThrough();
  let prompt = '';
  stderr.on('data', (chunk: Buffer) => (prompt += chunk.toString()));
  stdin.end(`${answer}\n`);
  const io: CliIo = {
    stdin,
    stderr,
    stdout: new PassThrough(),
    env: {},
    cwd: '.',
    interactive: true,
    signal: new AbortController().signal,
  };
  return { io, prompt: () => prompt };
}

const count = { deactivate: 3, delete: 2, users: 4 };

describe('confirmChanges', () => {
  it('shows how many users would be deactivated and deleted, and goes on at "yes"', async () => {
    const { io, prompt } = terminalIo('yes');

    await confirmChanges(count, false, io);

    expect(prompt()).toContain(
      'deactivate 3 and delete 2 user(s) (4 in all; anyone found busy',
    );
  });

  it('stops the run with nothing changed at any other answer', async () => {
    const { io } = terminalIo('y');

    await expect(confirmChanges(count, false, io)).rejects.toThrow(GuardError);
  });

  it('asks nothing with --yes, or when nobody would change', async () => {
    const { io, prompt } = terminalIo('no');

    await confirmChanges(count, true, io);
    await confirmChanges({ deactivate: 0, delete: 0, users: 0 }, false, io);

    expect(prompt()).toBe('');
  });
});

describe('assertConfirmable', () => {
  it('refuses a run with no terminal and no --yes, saying to pass --yes', () => {
    const { io } = terminalIo('');
    const unattended = { ...io, interactive: false };

    expect(() => {
      assertConfirmable(false, unattended, 'apply');
    }).toThrow(/--yes/);
    expect(() => {
      assertConfirmable(true, unattended, 'apply');
    }).not.toThrow();
  });
});

describe('assertWithinMaxChanges', () => {
  it('says how many would change and how to allow it', () => {
    expect(() => {
      assertWithinMaxChanges(count, 3);
    }).toThrow('4 users would change, more than --max-changes 3');
    expect(() => {
      assertWithinMaxChanges(count, 4);
    }).not.toThrow();
  });
});
