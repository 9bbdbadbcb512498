import { once } from 'node:events';
import { UsageError } from '../../errors/usage-error.js';
import type { Logger } from '../../log/logger.js';
import type { FaultOptions } from '../../sandbox/fault-options.js';
import type { CliIo } from '../cli-io.js';
import type { CliOptions } from '../options.js';

const FAULT_KEYS = [
  'seed',
  'errorRate',
  'throttleRate',
  'resetRate',
  'latencyMs',
  'hangRate',
  'tokenTtlSeconds',
  'versionBumpRate',
] as const;

/**
 * `offboard sandbox`: serves the made-up org of fixtures/sandbox on a local port until
 * interrupted, and prints the settings that point `offboard` at it.
 */
export async function runSandboxCommand(
  options: CliOptions,
  io: CliIo,
  logger: Logger,
): Promise<number> {
  const faults = options.faults === undefined ? undefined : parseFaults(options.faults);
  // Loaded here, not at start-up: a real run never needs the fake org's 20 modules.
  const { runSandbox } = await import('../../sandbox/run-sandbox.js');
  const sandbox = await runSandbox(
    {
      port: options.port,
      host: options.host,
      ...(options.rateLimit === undefined
        ? {}
        : { rateLimitPerMinute: options.rateLimit }),
      ...(faults ? { faults } : {}),
    },
    io.stdout,
  );
  logger.info({ url: sandbox.url }, 'sandbox listening; Ctrl-C stops it');

  if (!io.signal.aborted) {
    await once(io.signal, 'abort');
  }
  await sandbox.close();
  return 0;
}

/** `--faults errorRate=0.1,throttleRate=0.05,latencyMs=20`: numbers by name. */
export function parseFaults(spec: string): FaultOptions {
  const faults: Record<string, number> = {};
  for (const part of spec.split(',').filter((p) => p.trim())) {
    const [key = '', raw = ''] = part.split('=').map((s) => s.trim());
    const known = FAULT_KEYS.find((name) => name === key);
    const value = Number(raw);
    if (!known || raw === '' || !Number.isFinite(value) || value < 0) {
      throw new UsageError(
        `--faults "${part}" is not name=number; names: ${FAULT_KEYS.join(', ')}`,
        { flag: '--faults' },
      );
    }
    faults[known] = value;
  }
  return faults;
}
