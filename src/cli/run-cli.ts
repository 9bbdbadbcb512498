import { readFileSync } from 'node:fs';
import type { DestinationStream } from 'pino';
import { resolve } from 'node:path';
import { OffboardError } from '../errors/offboard-error.js';
import { UsageError } from '../errors/usage-error.js';
import { logFileDestination } from '../log/log-file.js';
import { createLogger, type Logger, stderrDestination } from '../log/logger.js';
import type { CliIo } from './cli-io.js';
import { runApply } from './commands/apply.js';
import { runLookup } from './commands/lookup.js';
import { runRestore } from './commands/restore.js';
import { runPlan } from './commands/plan.js';
import { runSandboxCommand } from './commands/sandbox.js';
import { ExitCode } from './exit-codes.js';
import { StatusLine } from './status-line.js';
import { HELP } from './help.js';
import { type CliOptions, parseOptions } from './options.js';

type Command = (options: CliOptions, io: CliIo, logger: Logger) => Promise<number>;

const COMMANDS: Readonly<Record<string, Command>> = {
  plan: runPlan,
  apply: runApply,
  restore: runRestore,
  sandbox: runSandboxCommand,
  lookup: runLookup,
};

/**
 * The one error boundary: runs a command and maps whatever it throws to an exit code of
 * the contract. An OffboardError is expected (its message says what to do); anything
 * else is a bug, logged with its stack.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let logger = createLogger({ level: 'info', ...destination(io) });
  try {
    const options = parseOptions(argv);
    const file =
      options.logFile === undefined
        ? {}
        : { destination: logFileDestination(resolve(io.cwd, options.logFile)) };
    logger = createLogger({ level: options.logLevel, ...destination(io), ...file });
    return await dispatch(options, io, logger);
  } catch (err) {
    return failWith(err, io, logger);
  }
}

/** The test's destination if it gave one; else stderr, written around the progress line. */
function destination(io: CliIo): { destination: DestinationStream } {
  return {
    destination: io.logDestination ?? StatusLine.for(io.stderr).wrap(stderrDestination()),
  };
}

async function dispatch(options: CliOptions, io: CliIo, logger: Logger): Promise<number> {
  if (options.version) {
    io.stdout.write(`${readVersion()}\n`);
    return ExitCode.Done;
  }
  if (options.help) {
    io.stdout.write(HELP);
    return ExitCode.Done;
  }

  const command = options.command === undefined ? undefined : COMMANDS[options.command];
  if (!command) {
    const given = options.command === undefined ? 'no command' : `"${options.command}"`;
    throw new UsageError(
      `${given}: use one of ${Object.keys(COMMANDS).join(', ')}; see --help`,
    );
  }
  return command(options, io, logger);
}

function failWith(err: unknown, io: CliIo, logger: Logger): number {
  if (err instanceof OffboardError) {
    logger.error({ code: err.code, context: err.context }, err.message);
    io.stderr.write(`offboard: ${err.message}\n`);
    return err.exitCode;
  }
  logger.fatal({ err }, 'unexpected error');
  io.stderr.write(`offboard: unexpected error: ${String(err)}\n`);
  return ExitCode.Attention;
}

function readVersion(): string {
  const url = new URL('../../package.json', import.meta.url);
  const pkg = JSON.parse(readFileSync(url, 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}
