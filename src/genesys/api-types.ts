import type { Config } from '../config/config.js';
import type { Logger } from '../log/logger.js';
import type { RetryPolicy } from './retry-policy.js';
import type { TokenProvider } from './token.js';

/** One call to the Platform API, as GenesysClient.request takes it. */
export interface ApiRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Starts with `/api/v2/`; ids in it already URI-encoded. */
  path: string;
  /** Arrays are sent as repeated keys: `id=a&id=b`. */
  params?: Record<string, string | number | readonly string[]>;
  data?: unknown;
}

export interface ApiResponse<T> {
  data: T;
  status: number;
  /** The `ININ-Correlation-Id` of the last response. */
  correlationId: string | undefined;
  /** Sends it took, retries included. */
  attempts: number;
}

/** Counters the benchmark and the summary read. */
export interface ClientStats {
  /** Every attempt sent to the API host (the token host is not counted). */
  requests: number;
  retries: number;
  /** 429 responses. */
  throttled: number;
  /** Responses by HTTP status; `network` for attempts that got none. */
  byStatus: Record<string, number>;
}

export interface GenesysClientOptions {
  config: Config;
  ratePerMinute: number;
  /** Per attempt; a server that accepts and never answers fails after this. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  logger: Logger;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
  tokens?: TokenProvider;
}
