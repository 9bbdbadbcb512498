import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors/usage-error.js';
import { LOG_LEVELS } from '../log/logger.js';
import { parseDuration } from '../plan/duration.js';
import type { LevelWithSilent } from 'pino';

/** Every flag, for every command; each command reads the ones it uses. */
const FLAGS = {
  out: { type: 'string', default: 'reports' },
  delete: { type: 'boolean', default: false },
  yes: { type: 'boolean', short: 'y', default: false },
  'max-changes': { type: 'string', default: '100' },
  protect: { type: 'string', multiple: true, default: [] as string[] },
  rate: { type: 'string', default: '300' },
  concurrency: { type: 'string', default: '4' },
  timeout: { type: 'string', default: '30' },
  'log-level': { type: 'string', default: 'info' },
  'log-file': { type: 'string' },
  snapshot: { type: 'string', default: 'basic' },
  resume: { type: 'string' },
  'expires-in': { type: 'string', default: '7d' },
  port: { type: 'string', default: '8787' },
  host: { type: 'string', default: '127.0.0.1' },
  'rate-limit': { type: 'string' },
  faults: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} satisfies NonNullable<ParseArgsConfig['options']>;

/** The parsed command line, validated: numbers are numbers within their ranges. */
export interface CliOptions {
  readonly command: string | undefined;
  readonly target: string | undefined;
  readonly out: string;
  readonly delete: boolean;
  readonly yes: boolean;
  readonly maxChanges: number;
  readonly protect: readonly string[];
  readonly rate: number;
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly logLevel: LevelWithSilent;
  /** `full` also records queues, groups, roles and direct reports before a change. */
  readonly snapshot: 'basic' | 'full';
  /** Where JSON log lines go instead of stderr. */
  readonly logFile: string | undefined;
  readonly resume: string | undefined;
  /** How long a plan may be applied, in milliseconds. */
  readonly expiresInMs: number;
  readonly port: number;
  readonly host: string;
  readonly rateLimit: number | undefined;
  readonly faults: string | undefined;
  readonly help: boolean;
  readonly version: boolean;
}

/** Parses argv (without node and the script). Throws UsageError naming the flag. */
export function parseOptions(argv: readonly string[]): CliOptions {
  const { values, positionals } = parseStrict(argv);
  const [command, target, ...rest] = positionals;
  if (rest.length > 0) {
    throw new UsageError(`unexpected argument "${rest.join(' ')}"; see offboard --help`);
  }

  return {
    command,
    target,
    out: values.out,
    delete: values.delete,
    yes: values.yes,
    maxChanges: wholeNumber('--max-changes', values['max-changes'], 0),
    protect: values.protect,
    rate: wholeNumber('--rate', values.rate, 1),
    concurrency: wholeNumber('--concurrency', values.concurrency, 1, 64),
    timeoutMs: wholeNumber('--timeout', values.timeout, 1, 600) * 1000,
    logLevel: logLevel(values['log-level']),
    logFile: values['log-file'],
    snapshot: snapshotMode(values.snapshot),
    resume: values.resume,
    expiresInMs: parseDuration('--expires-in', values['expires-in']),
    port: wholeNumber('--port', values.port, 0, 65535),
    host: values.host,
    rateLimit:
      values['rate-limit'] === undefined
        ? undefined
        : wholeNumber('--rate-limit', values['rate-limit'], 1),
    faults: values.faults,
    help: values.help,
    version: values.version,
  };
}

function parseStrict(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      options: FLAGS,
      allowPositionals: true,
      strict: true,
    });
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new UsageError(`${reason}; see offboard --help`, {}, { cause });
  }
}

function wholeNumber(
  flag: string,
  raw: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
    const range =
      max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `${min} to ${max}`;
    throw new UsageError(`${flag} "${raw}" is not a whole number ${range}`, { flag });
  }
  return value;
}

function logLevel(raw: string): LevelWithSilent {
  const level = LOG_LEVELS.find((candidate) => candidate === raw);
  if (!level) {
    throw new UsageError(`--log-level "${raw}" is not one of ${LOG_LEVELS.join(', ')}`, {
      flag: '--log-level',
    });
  }
  return level;
}

function snapshotMode(raw: string): 'basic' | 'full' {
  if (raw !== 'basic' && raw !== 'full') {
    throw new UsageError(`--snapshot "${raw}" is not basic or full`, {
      flag: '--snapshot',
    });
  }
  return raw;
}
