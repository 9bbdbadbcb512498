import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import type { Config } from '../config/config.js';
import { ApiError } from '../errors/api-error.js';
import { AuthError } from '../errors/auth-error.js';
import type { Logger } from '../log/logger.js';
import type { TokenResponse } from './types.js';
import { networkFailure } from './api-failure.js';

const TOKEN_PATH = '/oauth/token';
const TOKEN_TIMEOUT_MS = 30_000;
/** Renew this long before expiry at most; short-lived tokens renew at 10% instead. */
const MAX_RENEW_MARGIN_MS = 60_000;

interface CachedToken {
  value: string;
  renewAt: number;
}

/**
 * Bearer tokens from the client-credentials grant (`POST <login>/oauth/token`). A token
 * is reused until shortly before it expires; callers that ask while one is being
 * fetched share that one request. The token call does not go through the rate
 * limiter: the login host is another host with its own limits. It is not retried here
 * either; the client's retry loop retries a transient failure (an ApiError).
 */
export class TokenProvider {
  private readonly config: Config;
  private readonly http: AxiosInstance;
  private readonly now: () => number;
  private readonly logger: Logger;
  private cached: CachedToken | undefined;
  private inFlight: Promise<string> | undefined;

  constructor(opts: {
    config: Config;
    http?: AxiosInstance;
    now?: () => number;
    logger: Logger;
  }) {
    this.config = opts.config;
    this.http = opts.http ?? axios.create();
    this.now = opts.now ?? Date.now;
    this.logger = opts.logger;
  }

  /** A token valid for at least the renewal margin. Throws AuthError or ApiError. */
  get(): Promise<string> {
    if (this.cached !== undefined && this.now() < this.cached.renewAt) {
      return Promise.resolve(this.cached.value);
    }
    this.inFlight ??= this.fetch().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  /** The API refused `token` (401): forget it, unless a newer one replaced it already. */
  invalidate(token: string): void {
    if (this.cached?.value === token) {
      this.cached = undefined;
    }
  }

  private async fetch(): Promise<string> {
    const requestedAt = this.now();
    const response = await this.post();
    const body = readToken(response);
    const lifetimeMs = body.expires_in * 1000;
    const margin = Math.min(MAX_RENEW_MARGIN_MS, lifetimeMs / 10);
    // Counted from when the request was sent, so network time only makes us early.
    this.cached = {
      value: body.access_token,
      renewAt: requestedAt + lifetimeMs - margin,
    };
    this.logger.debug({ expiresInS: body.expires_in }, 'obtained an access token');
    return body.access_token;
  }

  private async post(): Promise<AxiosResponse<unknown>> {
    const { clientId, clientSecret, loginUrl } = this.config;
    try {
      return await this.http.post(
        `${loginUrl}${TOKEN_PATH}`,
        new URLSearchParams({ grant_type: 'client_credentials' }).toString(),
        {
          auth: { username: clientId, password: clientSecret },
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          timeout: TOKEN_TIMEOUT_MS,
          maxRedirects: 0,
          validateStatus: () => true,
        },
      );
    } catch (error) {
      throw networkFailure('POST', TOKEN_PATH, error, 1);
    }
  }
}

function readToken(response: AxiosResponse<unknown>): TokenResponse {
  const { status } = response;
  const body = isRecord(response.data) ? response.data : {};
  if (status >= 200 && status < 300 && isTokenResponse(body)) {
    return body;
  }
  const oauthError = typeof body.error === 'string' ? body.error : undefined;
  if (status === 400 || status === 401 || status === 403) {
    throw refused(status, oauthError);
  }
  const what = status < 300 ? 'a response without an access token' : `status ${status}`;
  throw new ApiError(`POST ${TOKEN_PATH} failed: the login host returned ${what}`, {
    method: 'POST',
    path: TOKEN_PATH,
    status,
    attempts: 1,
    ...(oauthError === undefined ? {} : { genesysCode: oauthError }),
  });
}

function refused(status: number, oauthError: string | undefined): AuthError {
  const reason = oauthError ?? `status ${status}`;
  return new AuthError(
    `the login host refused the OAuth client (${reason}): check GENESYS_CLOUD_CLIENT_ID ` +
      `and GENESYS_CLOUD_CLIENT_SECRET, that the client uses the Client Credentials ` +
      `grant, and that the region or GENESYS_CLOUD_LOGIN_URL is the client's org`,
    { status, ...(oauthError === undefined ? {} : { oauthError }) },
  );
}

function isTokenResponse(
  body: Record<string, unknown>,
): body is Record<string, unknown> & TokenResponse {
  return (
    typeof body.access_token === 'string' &&
    body.access_token !== '' &&
    typeof body.expires_in === 'number' &&
    body.expires_in > 0
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
