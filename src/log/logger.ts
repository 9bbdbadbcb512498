import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';

export type { Logger } from 'pino';

/**
 * Paths pino censors in every line. Set once here so that no caller can forget: tokens,
 * secrets and Authorization headers never reach a log, whatever object is logged.
 */
export const REDACT_PATHS = [
  'clientSecret',
  '*.clientSecret',
  'secret',
  '*.secret',
  'password',
  '*.password',
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
  'access_token',
  '*.access_token',
  'authorization',
  '*.authorization',
  'Authorization',
  '*.Authorization',
  'headers.authorization',
  'headers.Authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  'config.headers',
  '*.config.headers',
  'err.config',
  'err.request',
  'err.response.config',
];

export const LOG_LEVELS: readonly LevelWithSilent[] = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
];

export interface LoggerOptions {
  level: LevelWithSilent;
  /** Where JSON lines go; stderr by default, so stdout stays for the summary. */
  destination?: DestinationStream;
}

/** JSON lines to stderr, written synchronously so that none is lost at exit. */
export function stderrDestination(): DestinationStream {
  return pino.destination({ fd: 2, sync: true });
}

/** The one root logger of a process; stages take child loggers with `{ stage, row }`. */
export function createLogger(options: LoggerOptions): Logger {
  const destination = options.destination ?? stderrDestination();

  return pino(
    {
      name: 'offboard',
      level: options.level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
