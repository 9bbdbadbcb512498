import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { figuresIn, type ResourceFigures } from './resources.js';

/** How a measured child process ended. */
export interface ChildRun {
  readonly code: number | null;
  /** From spawn to exit, in milliseconds. */
  readonly wallMs: number;
  /** From the last JSON line (stdout or stderr) that carried them. */
  readonly figures: ResourceFigures | undefined;
  /** The last lines of stderr, to show when a run went wrong. */
  readonly stderrTail: readonly string[];
}

const TAIL_LINES = 12;

/**
 * Runs `node <script> ...args` with only PATH and `env` in its environment, reading its
 * output line by line as it comes (a 100,000-row run logs too much to buffer), and
 * resolves when it exits.
 */
export function runMeasured(
  script: string,
  args: readonly string[],
  options: { cwd: string; env: Readonly<Record<string, string>> },
): Promise<ChildRun> {
  const started = performance.now();
  const child = spawn(process.execPath, [script, ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let figures: ResourceFigures | undefined;
  const tail: string[] = [];
  const onLine = (line: string, isStderr: boolean) => {
    figures = figuresOf(line) ?? figures;
    if (isStderr) {
      tail.push(line);
      tail.splice(0, Math.max(0, tail.length - TAIL_LINES));
    }
  };
  const closed = Promise.all([
    readLines(child.stdout, (line) => {
      onLine(line, false);
    }),
    readLines(child.stderr, (line) => {
      onLine(line, true);
    }),
  ]);

  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      void closed.then(() => {
        resolve({ code, wallMs, figures, stderrTail: tail });
      });
    });
  });
}

function readLines(stream: Readable, onLine: (line: string) => void): Promise<void> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  lines.on('line', onLine);
  return new Promise((resolve) => lines.once('close', resolve));
}

function figuresOf(line: string): ResourceFigures | undefined {
  if (!line.startsWith('{') || !line.includes('"maxRssKb"')) {
    return undefined;
  }
  try {
    return figuresIn(JSON.parse(line) as Record<string, unknown>);
  } catch {
    return undefined;
  }
}
