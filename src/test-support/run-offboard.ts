import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built command, as `npx offboard` runs it. */
export const OFFBOARD_BIN = fileURLToPath(
  new URL('../../dist/cli/main.js', import.meta.url),
);

export interface OffboardRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** stderr's JSON log lines, parsed; other stderr lines are left out. */
  readonly logs: Record<string, unknown>[];
}

export interface RunOptions {
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly input?: string;
}

/**
 * Spawns the built `offboard` with a clean environment (only PATH and what the test
 * gives), stdin and stderr not terminals, and resolves when it exits.
 */
export function runOffboard(
  args: readonly string[],
  options: RunOptions,
): Promise<OffboardRun> {
  const child = spawn(process.execPath, [OFFBOARD_BIN, ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  child.stdin.end(options.input ?? '');

  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const err = Buffer.concat(stderr).toString();
      resolve({
        code,
        stdout: Buffer.concat(stdout).toString(),
        stderr: err,
        logs: parseLogs(err),
      });
    });
  });
}

function parseLogs(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
