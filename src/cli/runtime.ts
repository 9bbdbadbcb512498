import { resolve } from 'node:path';
import { loadConfig, loadDotEnv, type Config } from '../config/config.js';
import { GenesysClient } from '../genesys/client.js';
import { ProfileApi } from '../genesys/profile-api.js';
import { UsersApi } from '../genesys/users-api.js';
import type { Logger } from '../log/logger.js';
import type { PipelineContext } from '../pipeline/context.js';
import { loadProtectList } from '../pipeline/protect-list.js';
import type { CliIo } from './cli-io.js';
import type { CliOptions } from './options.js';

/** The connection to Genesys and the pipeline context of one run. */
export interface Runtime {
  readonly config: Config;
  readonly client: GenesysClient;
  readonly context: PipelineContext;
  close(): Promise<void>;
}

/**
 * Reads the configuration (environment, then .env) and the protect lists, and connects.
 * Every setting is checked here, before any request is sent.
 */
export async function openRuntime(
  options: CliOptions,
  io: CliIo,
  logger: Logger,
): Promise<Runtime> {
  loadDotEnv(io.cwd, io.env);
  const config = loadConfig(io.env);
  const protectFiles = [...options.protect, io.env.OFFBOARD_PROTECT_FILE ?? '']
    .filter(Boolean)
    .map((file) => resolve(io.cwd, file));
  const protect = await loadProtectList(protectFiles);

  const client = new GenesysClient({
    config,
    ratePerMinute: options.rate,
    timeoutMs: options.timeoutMs,
    logger,
  });
  const context: PipelineContext = {
    users: new UsersApi(client),
    ...(options.snapshot === 'full' ? { profiles: new ProfileApi(client) } : {}),
    protect,
    defaultAction: options.delete ? 'delete' : 'deactivate',
    concurrency: options.concurrency,
    logger,
    signal: io.signal,
  };
  return { config, client, context, close: () => client.close() };
}
