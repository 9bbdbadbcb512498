import axios, { type AxiosInstance, type AxiosResponse } from 'axios';

/**
 * The axios instance for the API host. Every status comes back as a response
 * (`validateStatus`) so that the client alone decides what is an error; arrays are sent
 * as repeated keys (`id=a&id=b`), as Genesys expects. Redirects are not followed and
 * absolute URLs are refused, so the bearer token only ever goes to `baseURL`.
 * `timeout` is axios' socket idle timeout: it ends a server that accepts and never
 * answers, not one that trickles bytes forever.
 */
export function createHttp(baseURL: string, timeoutMs: number): AxiosInstance {
  return axios.create({
    baseURL,
    allowAbsoluteUrls: false,
    timeout: timeoutMs,
    validateStatus: () => true,
    maxRedirects: 0,
    paramsSerializer: { indexes: null },
    headers: { Accept: 'application/json' },
    transitional: { clarifyTimeoutError: true },
  });
}

/** A response header as a string (axios lowercases the names), if present. */
export function headerOf(
  response: AxiosResponse<unknown>,
  name: string,
): string | undefined {
  const value: unknown = response.headers[name.toLowerCase()];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

export function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
