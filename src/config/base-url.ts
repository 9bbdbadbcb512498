import { ConfigError } from '../errors/config-error.js';

/** Hosts a request never leaves the machine for: 127.0.0.0/8, localhost and [::1]. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]') {
    return true;
  }
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Checks a base URL from the environment and returns it without a trailing slash.
 * A path prefix is kept (a proxy may serve the API under one). Refused: anything that
 * does not parse, a scheme other than http(s), credentials, a query or fragment, and
 * plain http to any host but loopback, because the bearer token and the client secret
 * would then cross a network in clear.
 */
export function parseBaseUrl(variable: string, value: string): string {
  const example = `use a URL such as https://api.mypurecloud.ie or http://127.0.0.1:8787`;
  let url: URL;
  try {
    url = new URL(value);
  } catch (cause) {
    throw new ConfigError(variable, `${variable} "${value}" is not a URL; ${example}`, {
      cause,
    });
  }

  const problem = findUrlProblem(url);
  if (problem !== undefined) {
    // The value may hold a password, so it is only echoed when that is ruled out.
    const shown = url.username || url.password ? '' : ` "${value}"`;
    throw new ConfigError(variable, `${variable}${shown} ${problem}; ${example}`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function findUrlProblem(url: URL): string | undefined {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `must use https (http only for a loopback host), not ${url.protocol}`;
  }
  if (url.username || url.password) {
    return 'must not contain credentials: set GENESYS_CLOUD_CLIENT_ID and _SECRET instead';
  }
  if (url.search || url.hash) {
    return 'must not have a query or fragment';
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return (
      'uses plain http to a host that is not loopback (127.0.0.1, localhost, [::1]); ' +
      'tokens and the client secret would cross the network unencrypted, so use https'
    );
  }
  return undefined;
}
