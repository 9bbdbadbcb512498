import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built command, as `npx offboard` runs it. */
export const OFFBOARD_BIN = fileURLToPath(
  new URL('../../dist/cli/main.js', import.meta.url),
);

export interface OffboardRun {
  readonly code: number | null;
  /** The signal that killed it, when one did. */
  readonly signal: NodeJS.Signals | null;
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
  return startOffboard(args, options).done;
}

/** Like runOffboard, but hands back the child too, for a test that signals it. */
export function startOffboard(
  args: readonly string[],
  options: RunOptions,
): { child: ChildProcessWithoutNullStreams; done: Promise<OffboardRun> } {
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

  const done = new Promise<OffboardRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const err = Buffer.concat(stderr).toString();
      const out = Buffer.concat(stdout).toString();
      resolve({ code, signal, stdout: out, stderr: err, logs: parseLogs(err) });
    });
  });
  return { child, done };
}

function parseLogs(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
