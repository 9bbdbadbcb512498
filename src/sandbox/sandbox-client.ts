/** What one call to the sandbox answered: status, headers and the parsed JSON body. */
export interface SandboxCall {
  status: number;
  headers: Headers;
  body: unknown;
}

/**
 * A minimal fetch client for the sandbox's own tests and for poking at a running sandbox
 * from a REPL. It is not the job's HTTP layer: no retries, no rate limiting.
 */
export class SandboxClient {
  private accessToken: string | undefined;

  constructor(readonly baseUrl: string) {}

  /** `POST /oauth/token` with the given client credentials (the fixture's by default). */
  async requestToken(
    clientId = 'sandbox-client',
    secret = 'sandbox-secret',
  ): Promise<SandboxCall> {
    const basic = Buffer.from(`${clientId}:${secret}`).toString('base64');
    return this.send('/oauth/token', {
      method: 'POST',
      headers: {
        authorization: `Basic ${basic}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
  }

  /** Takes a token and uses it for every later `call`. */
  async login(): Promise<this> {
    const { status, body } = await this.requestToken();
    const token = (body as { access_token?: unknown } | undefined)?.access_token;
    if (status !== 200 || typeof token !== 'string') {
      throw new Error(`sandbox login failed with HTTP ${status}`);
    }
    this.accessToken = token;
    return this;
  }

  /** An API call with the bearer token (if logged in) and a JSON body (if given). */
  async call(method: string, path: string, body?: unknown): Promise<SandboxCall> {
    const headers: Record<string, string> = {};
    if (this.accessToken !== undefined) {
      headers.authorization = `Bearer ${this.accessToken}`;
    }
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
    }
    const init: RequestInit = { method, headers };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
    }
    return this.send(path, init);
  }

  private async send(path: string, init: RequestInit): Promise<SandboxCall> {
    const res = await fetch(`${this.baseUrl}${path}`, init);
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      body: text ? JSON.parse(text) : undefined,
    };
  }
}
