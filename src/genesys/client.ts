import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { ApiError } from '../errors/api-error.js';
import type { Logger } from '../log/logger.js';
import {
  correlationIdOf,
  networkCode,
  NetworkFailure,
  networkFailure,
  responseFailure,
  waitTooLong,
} from './api-failure.js';
import { createHttp, defaultSleep, headerOf, isSuccess } from './http-instance.js';
import { RateLimiter } from './rate-limiter.js';
import {
  DEFAULT_RETRY_POLICY,
  isTransientStatus,
  parseRetryAfter,
  backoffDelay,
  type RetryPolicy,
} from './retry-policy.js';
import { TokenProvider } from './token.js';
import type {
  ApiRequest,
  ApiResponse,
  ClientStats,
  GenesysClientOptions,
} from './api-types.js';

export type {
  ApiRequest,
  ApiResponse,
  ClientStats,
  GenesysClientOptions,
} from './api-types.js';

/** What one attempt produced: a response, or an ApiError saying why there is none. */
type Outcome =
  | { response: AxiosResponse<unknown>; token: string }
  | { failure: ApiError; transient: boolean };

/** After a failed attempt: wait and send again (saying why, for the log), or give up. */
type Step = Retry | { fail: ApiError };

interface Retry {
  delayMs: number;
  status?: number | undefined;
  /** For a failure without a response: ECONNRESET, ETIMEDOUT, ... */
  code?: string | undefined;
  /** The retry is the one allowed after a 401, with a new token. */
  reauthorise?: true;
}

/**
 * The one HTTP layer to Genesys Cloud: every call to the API host goes through here, so
 * rate limiting, retries, authentication and error shapes are the same for all.
 * Retried: a network failure or timeout, 429 (after Retry-After), 502, 503 and 504, up
 * to maxAttempts; a 401 once with a new token (that one may exceed maxAttempts by one).
 * Nothing else is retried. A transient failure to get a token counts as an attempt.
 */
export class GenesysClient {
  readonly stats: ClientStats = { requests: 0, retries: 0, throttled: 0, byStatus: {} };
  private readonly http: AxiosInstance;
  private readonly limiter: RateLimiter;
  private readonly tokens: TokenProvider;
  private readonly policy: RetryPolicy;
  private readonly logger: Logger;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly random: () => number;

  constructor(opts: GenesysClientOptions) {
    this.logger = opts.logger;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...opts.retry };
    this.now = opts.now ?? Date.now;
    this.sleep = opts.sleep ?? defaultSleep;
    this.random = opts.random ?? Math.random;
    this.limiter = new RateLimiter({ ratePerMinute: opts.ratePerMinute, now: this.now });
    this.tokens =
      opts.tokens ??
      new TokenProvider({ config: opts.config, now: this.now, logger: this.logger });
    this.http = createHttp(opts.config.apiUrl, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  }

  /** Sends `req`, retrying what is transient. Throws ApiError (AuthError for the token). */
  async request<T>(req: ApiRequest, log: Logger = this.logger): Promise<ApiResponse<T>> {
    assertRelativePath(req.path);
    let reauthorised = false;
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await this.send(req, attempt, log);
      if ('response' in outcome && isSuccess(outcome.response.status)) {
        this.limiter.onSuccess();
        return toApiResponse<T>(outcome.response, attempt);
      }

      const step = this.nextStep(req, outcome, attempt, reauthorised);
      if ('fail' in step) {
        throw step.fail;
      }
      reauthorised ||= step.reauthorise === true;
      await this.waitToRetry(req, step, attempt, log);
    }
  }

  /** Lets queued requests finish, then stops the limiter. */
  async close(): Promise<void> {
    await this.limiter.stop();
  }

  private async send(req: ApiRequest, attempt: number, log: Logger): Promise<Outcome> {
    try {
      return await this.limiter.schedule(() => this.sendNow(req, attempt, log));
    } catch (error) {
      if (error instanceof ApiError) {
        return { failure: error, transient: isTransientFailure(error) };
      }
      if (!axios.isAxiosError(error)) {
        throw error;
      }
      this.count('network');
      const failure = networkFailure(req.method, req.path, error, attempt);
      log.debug({ ...describe(req), code: networkCode(error), attempt }, failure.message);
      return { failure, transient: isTransientFailure(failure) };
    }
  }

  /** Runs inside a limiter slot; the token is read here so it is fresh when sent. */
  private async sendNow(req: ApiRequest, attempt: number, log: Logger): Promise<Outcome> {
    const token = await this.tokens.get();
    this.stats.requests += 1;
    const response = await this.http.request<unknown>({
      method: req.method,
      url: req.path,
      params: req.params,
      data: req.data,
      headers: { Authorization: `Bearer ${token}` },
    });

    const { status } = response;
    this.count(String(status));
    const correlationId = correlationIdOf(response);
    log.debug(
      { ...describe(req), status, attempt, correlationId },
      `${req.method} ${req.path} ${status}`,
    );
    return { response, token };
  }

  private nextStep(
    req: ApiRequest,
    outcome: Outcome,
    attempt: number,
    reauthorised: boolean,
  ): Step {
    if ('failure' in outcome) {
      const { failure, transient } = outcome;
      if (!transient || attempt >= this.policy.maxAttempts) {
        return { fail: failure };
      }
      const code = failure.status === undefined ? networkCode(failure.cause) : undefined;
      return { delayMs: this.backoff(attempt), status: failure.status, code };
    }

    const { response, token } = outcome;
    if (response.status === 401 && !reauthorised) {
      this.tokens.invalidate(token);
      return { delayMs: 0, status: 401, reauthorise: true };
    }
    if (!isTransientStatus(response.status)) {
      return { fail: responseFailure(req.method, req.path, response, attempt) };
    }
    return this.transientStep(req, response, attempt);
  }

  /** 429, 502, 503, 504: Retry-After when the server sent one, else backoff. */
  private transientStep(
    req: ApiRequest,
    response: AxiosResponse<unknown>,
    attempt: number,
  ): Step {
    const { status } = response;
    if (status === 429) {
      this.stats.throttled += 1;
      this.limiter.onThrottled();
    }
    const failure = responseFailure(req.method, req.path, response, attempt);
    if (attempt >= this.policy.maxAttempts) {
      return { fail: failure };
    }

    const retryAfter = parseRetryAfter(headerOf(response, 'Retry-After'), this.now());
    if (retryAfter !== undefined && retryAfter > this.policy.maxRetryAfterMs) {
      return { fail: waitTooLong(failure, retryAfter, this.policy.maxRetryAfterMs) };
    }
    const delayMs = retryAfter ?? this.backoff(attempt);
    if (status === 429) {
      // Every other request waits too: the limit is per client, not per request.
      this.limiter.holdOff(delayMs);
    }
    return { delayMs, status };
  }

  private async waitToRetry(
    req: ApiRequest,
    retry: Retry,
    attempt: number,
    log: Logger,
  ): Promise<void> {
    this.stats.retries += 1;
    const next = attempt + 1;
    const maxAttempts = Math.max(this.policy.maxAttempts, next);
    const { status, code, delayMs } = retry;
    log.warn(
      { ...describe(req), status, code, attempt: next, maxAttempts, delayMs },
      `retrying ${req.method} ${req.path} (attempt ${next} of ${maxAttempts})`,
    );
    if (delayMs > 0) {
      await this.sleep(delayMs);
    }
    if (status === 429) {
      this.limiter.resume();
    }
  }

  private backoff(attempt: number): number {
    return backoffDelay(attempt, this.policy, this.random);
  }

  private count(key: string): void {
    this.stats.byStatus[key] = (this.stats.byStatus[key] ?? 0) + 1;
  }
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** A failure worth another attempt: a transient status or network failure. */
function isTransientFailure(failure: ApiError): boolean {
  const { status, cause } = failure;
  if (status !== undefined) {
    return isTransientStatus(status);
  }
  return cause instanceof NetworkFailure && cause.transient;
}

/** Our own fields for log lines: never the axios config, which holds the token. */
function describe(req: ApiRequest): { method: string; path: string } {
  return { method: req.method, path: req.path };
}

/** A path, never a URL: the token must only go to the configured API host. */
function assertRelativePath(path: string): void {
  if (!path.startsWith('/') || path.startsWith('//')) {
    throw new RangeError(`ApiRequest.path must start with one "/", got ${path}`);
  }
}

function toApiResponse<T>(
  response: AxiosResponse<unknown>,
  attempts: number,
): ApiResponse<T> {
  return {
    data: response.data as T,
    status: response.status,
    correlationId: correlationIdOf(response),
    attempts,
  };
}
