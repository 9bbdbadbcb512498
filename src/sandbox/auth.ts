import { randomBytes } from 'node:crypto';
import { isRecord, parseBody } from './body.js';
import { errorReply, okReply, type Reply, type SandboxRequest } from './exchange.js';
import type { OAuthClientCredentials } from './fixture-types.js';

const DEFAULT_TTL_SECONDS = 86_400;

function oauthError(status: number, error: string, description: string): Reply {
  return { status, body: { error, description, error_description: description } };
}

/** The client id and secret of an `Authorization: Basic` header, if well formed. */
function basicCredentials(
  header: string | undefined,
): OAuthClientCredentials | undefined {
  const match = /^basic\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) {
    return undefined;
  }
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) {
    return undefined;
  }
  return { clientId: decoded.slice(0, colon), clientSecret: decoded.slice(colon + 1) };
}

/**
 * The login side of the org: client-credentials tokens that expire by the org's clock.
 * Tokens are random and held only in memory, so restarting the sandbox logs everyone out.
 */
export class TokenIssuer {
  private readonly expiresAt = new Map<string, number>();

  constructor(
    private readonly clients: readonly OAuthClientCredentials[],
    private readonly ttlSeconds: number = DEFAULT_TTL_SECONDS,
    private readonly now: () => number,
  ) {}

  /** `POST /oauth/token` */
  issue(req: SandboxRequest): Reply {
    const given = basicCredentials(req.headers.authorization);
    const known = this.clients.some(
      (c) => c.clientId === given?.clientId && c.clientSecret === given.clientSecret,
    );
    if (!known) {
      return oauthError(401, 'invalid_client', 'Client authentication failed.');
    }

    const parsed = parseBody(req);
    const grant =
      parsed.ok && isRecord(parsed.value) ? parsed.value.grant_type : undefined;
    if (grant !== 'client_credentials') {
      return oauthError(
        400,
        'unsupported_grant_type',
        'Use grant_type=client_credentials.',
      );
    }

    const token = randomBytes(24).toString('base64url');
    this.expiresAt.set(token, this.now() + this.ttlSeconds * 1000);
    return okReply({
      access_token: token,
      token_type: 'bearer',
      expires_in: this.ttlSeconds,
    });
  }

  /** True when the `Authorization: Bearer` header carries a token that has not expired. */
  isAuthorized(header: string | undefined): boolean {
    const token = /^bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
    const expiry = token === undefined ? undefined : this.expiresAt.get(token);
    return expiry !== undefined && this.now() < expiry;
  }
}

export function badCredentials(): Reply {
  return errorReply(401, 'bad.credentials', 'Invalid login credentials.');
}
