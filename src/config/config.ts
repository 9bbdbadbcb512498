import { join } from 'node:path';
import { config as dotenvConfig } from 'dotenv';
import { ConfigError } from '../errors/config-error.js';
import { parseBaseUrl } from './base-url.js';
import { domainForRegion } from './regions.js';

/** Where Genesys Cloud is and who the job is, read once at start. */
export interface Config {
  /** Base URL of the Platform API, no trailing slash (https://api.<domain>). */
  apiUrl: string;
  /** Base URL of the OAuth token host, no trailing slash (https://login.<domain>). */
  loginUrl: string;
  clientId: string;
  /** Never logged, never put in a message. */
  clientSecret: string;
}

export const ENV = {
  region: 'GENESYS_CLOUD_REGION',
  apiUrl: 'GENESYS_CLOUD_API_URL',
  loginUrl: 'GENESYS_CLOUD_LOGIN_URL',
  clientId: 'GENESYS_CLOUD_CLIENT_ID',
  clientSecret: 'GENESYS_CLOUD_CLIENT_SECRET',
} as const;

interface Hosts {
  apiUrl: string;
  loginUrl: string;
}

/**
 * Reads the configuration from `env`. Every setting is checked before anything is
 * thrown, and all the problems come back in one ConfigError (one line each; its
 * `variable` lists every variable named), so a first run is fixed in one go.
 *
 * GENESYS_CLOUD_API_URL and GENESYS_CLOUD_LOGIN_URL override the region; with only the
 * API URL set, the login URL is the same (the sandbox and most proxies serve both). A
 * region that is set is checked even when the URLs make it unused.
 */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const problems = new Problems();
  const region = problems.check(() => readRegion(env));
  const apiUrl = problems.check(() => readUrl(env, ENV.apiUrl));
  const loginUrl = problems.check(() => readUrl(env, ENV.loginUrl));
  const hosts =
    problems.count === 0
      ? problems.check(() => chooseHosts(region, apiUrl, loginUrl))
      : undefined;
  const clientId = problems.check(() => required(env, ENV.clientId));
  const clientSecret = problems.check(() => required(env, ENV.clientSecret));

  if (hosts === undefined || clientId === undefined || clientSecret === undefined) {
    throw problems.combined(optional(env, ENV.clientSecret));
  }
  return { ...hosts, clientId, clientSecret };
}

/**
 * Loads `<cwd>/.env` into `env`. Variables already in `env` win, so an exported value
 * beats the file. A missing file is fine; an unreadable one is a ConfigError.
 * `quiet` because dotenv otherwise prints a banner to stdout, which is machine output.
 */
export function loadDotEnv(cwd: string, env: NodeJS.ProcessEnv): void {
  const path = join(cwd, '.env');
  const result = dotenvConfig({ path, processEnv: env, quiet: true, override: false });
  const error = result.error as NodeJS.ErrnoException | undefined;
  if (error !== undefined && error.code !== 'ENOENT') {
    throw new ConfigError('.env', `cannot read ${path}: ${error.message}`, {
      cause: error,
    });
  }
}

function readRegion(env: NodeJS.ProcessEnv): string | undefined {
  const region = optional(env, ENV.region);
  return region === undefined ? undefined : regionToDomain(region);
}

function readUrl(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = optional(env, name);
  return value === undefined ? undefined : parseBaseUrl(name, value);
}

function chooseHosts(
  regionDomain: string | undefined,
  apiUrl: string | undefined,
  loginUrl: string | undefined,
): Hosts {
  if (apiUrl !== undefined) {
    return { apiUrl, loginUrl: loginUrl ?? apiUrl };
  }
  if (regionDomain === undefined) {
    throw new ConfigError(
      ENV.region,
      `${ENV.region} is not set; set it to a region name such as eu-west-1 or a domain ` +
        `such as mypurecloud.ie (or set ${ENV.apiUrl})`,
    );
  }
  return {
    apiUrl: `https://api.${regionDomain}`,
    loginUrl: loginUrl ?? `https://login.${regionDomain}`,
  };
}

function regionToDomain(region: string): string {
  const domain = domainForRegion(region);
  if (domain === undefined) {
    throw new ConfigError(
      ENV.region,
      `${ENV.region} "${region}" is not a Genesys Cloud region; use a region name such ` +
        `as eu-west-1 or a domain such as mypurecloud.ie`,
    );
  }
  return domain;
}

function optional(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = optional(env, name);
  if (value === undefined) {
    throw new ConfigError(
      name,
      `${name} is not set; set it to the ${describeCredential(name)} of an OAuth ` +
        `client-credentials client (in the environment or in .env)`,
    );
  }
  return value;
}

function describeCredential(name: string): string {
  return name === ENV.clientSecret ? 'client secret' : 'client id';
}

/** Collects ConfigErrors so that every problem is reported in one go. */
class Problems {
  private readonly errors: ConfigError[] = [];

  get count(): number {
    return this.errors.length;
  }

  check<T>(read: () => T): T | undefined {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof ConfigError)) {
        throw error;
      }
      this.errors.push(error);
      return undefined;
    }
  }

  /**
   * The one error to throw: one line per problem. Messages echo a bad value to show
   * what was wrong, so a secret pasted whole into the wrong variable is masked here.
   */
  combined(secret: string | undefined): ConfigError {
    const masked = this.errors.map((error) => mask(error.message, secret));
    const [first] = masked;
    if (masked.length === 1 && first !== undefined) {
      return new ConfigError(this.errors[0]?.variable ?? '', first);
    }
    const variables = this.errors.map((error) => error.variable).join(', ');
    const lines = masked.map((message) => `- ${message}`).join('\n');
    return new ConfigError(variables, `the configuration has problems:\n${lines}`);
  }
}

/** Messages quote the values they echo, so a quoted secret is what to look for. */
function mask(message: string, secret: string | undefined): string {
  return secret === undefined
    ? message
    : message.replaceAll(`"${secret}"`, '"[the client secret]"');
}
