#!/usr/bin/env node
import { tuneHeap } from './heap-tuning.js';
import { runCli } from './run-cli.js';

/**
 * The `offboard` command. SIGINT and SIGTERM abort the run's signal: no new row starts,
 * rows in flight finish and the report is written. A second signal exits at once; every
 * finished row is already in the .jsonl, which `--resume` accepts.
 */
const controller = new AbortController();

function onSignal(signal: 'SIGINT' | 'SIGTERM'): void {
  if (controller.signal.aborted) {
    process.exit(signal === 'SIGTERM' ? 143 : 130);
  }
  process.stderr.write(
    `offboard: ${signal}: finishing the rows in flight, then stopping\n`,
  );
  controller.abort(signal);
}

/** Node leaves `isTTY` undefined, not false, on pipes and files. */
function isTerminal(stream: { isTTY?: boolean }): boolean {
  return stream.isTTY === true;
}

tuneHeap();
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
  interactive: isTerminal(process.stdin) && isTerminal(process.stderr),
  signal: controller.signal,
});
