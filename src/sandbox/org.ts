import type { UserConversationSummary } from '../genesys/types.js';
import { badCredentials, TokenIssuer } from './auth.js';
import { parseBody } from './body.js';
import type {
  RecordedRequest,
  Reply,
  SandboxRequest,
  SandboxResponse,
} from './exchange.js';
import type { FaultOptions } from './fault-options.js';
import { FaultDice, throttled } from './faults.js';
import type { OAuthClientCredentials, OrgFixture, SandboxUser } from './fixture-types.js';
import { dispatchApi } from './dispatch.js';
import { errorReply, toResponse } from './exchange.js';
import { matchRoute, routeErrorReply, type Route } from './router.js';
import { RateWindow } from './rate-window.js';
import { UserIndex } from './user-index.js';
import type { WriteTarget } from './users-write.js';

export type {
  RecordedRequest,
  SandboxRequest,
  SandboxResponse,
  TransportFault,
} from './exchange.js';
export type { FaultOptions } from './fault-options.js';
export type { OrgFixture, SandboxUser, SandboxUserBehaviour } from './fixture-types.js';
export { loadOrgFixture } from './fixture.js';

export interface FakeOrgOptions {
  /** The org's clock in milliseconds: token expiry, the rate window, the request log. */
  now?: () => number;
  /** Sliding 60 s limit on `/api/v2` requests; no limit when absent. */
  rateLimitPerMinute?: number;
  /**
   * Enforce the limit over a shorter sliding window, scaled (e.g. 10 s: at most a sixth
   * of the limit in any 10 s): how a benchmark run shorter than a minute still catches
   * bursts. Default 60.
   */
  rateWindowSeconds?: number;
  faults?: FaultOptions;
}

const WRITE_METHODS = new Set(['PATCH', 'PUT', 'DELETE']);
const READ_POSTS = new Set([
  '/oauth/token',
  '/api/v2/users/search',
  '/api/v2/analytics/conversations/details/query',
]);

/**
 * A made-up Genesys Cloud org held in memory, behaving like the real login and users
 * endpoints (their shapes, limits, errors and versioning) with no transport of its own:
 * the node:http server and the msw handlers both call `handle`. It records every
 * request so tests can assert on traffic.
 */
export class FakeOrg {
  readonly faults: FaultOptions;
  private readonly now: () => number;
  private readonly tokens: TokenIssuer;
  private readonly window: RateWindow | undefined;
  private readonly dice: FaultDice;
  private readonly index: UserIndex;
  private readonly writtenOnce = new Set<string>();
  private readonly log: RecordedRequest[] = [];

  private constructor(
    private readonly fixture: OrgFixture,
    options: FakeOrgOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.faults = options.faults ?? {};
    const ttl = this.faults.tokenTtlSeconds ?? fixture.tokenTtlSeconds;
    this.tokens = new TokenIssuer(fixture.clients, ttl, this.now);
    this.window = rateWindowOf(options);
    this.dice = new FaultDice(this.faults);
    this.index = new UserIndex(fixture.users);
  }

  /** A fresh org from a fixture; the fixture itself is copied, never changed. */
  static fromFixture(fixture: OrgFixture, options: FakeOrgOptions = {}): FakeOrg {
    return new FakeOrg(structuredClone(fixture), options);
  }

  /** The org's name and size, and the client that can log in (fake, public). */
  summary(): { orgName: string; userCount: number; client?: OAuthClientCredentials } {
    const { org, users, clients } = this.fixture;
    const client = clients[0];
    return { orgName: org.name, userCount: users.length, ...(client ? { client } : {}) };
  }

  /** Every request, in the order it arrived. */
  get requests(): readonly RecordedRequest[] {
    return this.log;
  }

  /** Answers one request and records it. Latency is the transports' business. */
  handle(req: SandboxRequest): SandboxResponse {
    const at = this.now();
    const response = this.respond(req);
    const status = response.fault ? 0 : response.status;
    const query = req.query.toString();
    this.log.push({
      method: req.method.toUpperCase(),
      path: req.path,
      query,
      status,
      at,
    });
    return response;
  }

  /** Requests that asked for a change: PATCH, PUT, DELETE and POSTs other than reads. */
  writes(): RecordedRequest[] {
    return this.log.filter(
      (r) =>
        WRITE_METHODS.has(r.method) || (r.method === 'POST' && !READ_POSTS.has(r.path)),
    );
  }

  /** A copy of the user's current state (deleted included), for assertions. */
  user(id: string): SandboxUser | undefined {
    const found = this.find(id);
    return found && structuredClone(found);
  }

  usersByEmail(email: string): SandboxUser[] {
    const wanted = email.trim().toLowerCase();
    return structuredClone(this.index.withEmails([wanted]));
  }

  /** Simulates an edit made by someone else: the user's version moves on. */
  bumpVersion(id: string): void {
    const found = this.find(id);
    if (found) {
      found.version += 1;
    }
  }

  /** Makes a user busy, idle, or (undefined) one whose summary the API leaves out. */
  setConversationSummary(id: string, summary: UserConversationSummary | undefined): void {
    const found = this.find(id);
    if (!found) {
      return;
    }
    if (summary) {
      found.conversationSummary = structuredClone(summary);
    } else {
      delete found.conversationSummary;
    }
  }

  private find(id: string): SandboxUser | undefined {
    return this.index.byId(id);
  }

  private respond(req: SandboxRequest): SandboxResponse {
    const route = matchRoute(req.method, req.path);
    if (route.name === 'token') {
      return toResponse(this.tokens.issue(req));
    }
    if (!req.path.startsWith('/api/v2/')) {
      return toResponse(routeErrorReply(route, req.path));
    }
    if (!this.tokens.isAuthorized(req.headers.authorization)) {
      return toResponse(badCredentials());
    }

    const admission = this.window?.admit(this.now());
    if (admission?.admitted === false) {
      return toResponse(throttled(admission.retryAfterSeconds));
    }
    const fault = this.dice.drawRequestFault();
    if (fault.kind === 'transport') {
      return { status: 0, headers: {}, body: undefined, fault: fault.fault };
    }
    if (fault.kind === 'reply') {
      return toResponse(fault.reply);
    }
    return toResponse(this.api(route, req));
  }

  private api(route: Route, req: SandboxRequest): Reply {
    const parsed = parseBody(req);
    if (!parsed.ok) {
      return errorReply(400, 'bad.request', parsed.reason);
    }
    const users = this.index;
    const target = (id: string) => this.writeTarget(id);
    return (
      dispatchApi({ route, query: req.query, body: parsed.value, users, target }) ??
      routeErrorReply(route, req.path)
    );
  }

  /** Finds a write's target and, when a concurrent edit is due, moves its version. */
  private writeTarget(id: string): WriteTarget {
    const user = this.find(id);
    const diceBump = this.dice.drawVersionBump();
    const firstBump =
      !!user?.sandbox?.bumpVersionOnFirstWrite && !this.writtenOnce.has(id);
    if (!user) {
      return { user, concurrentEdit: false };
    }

    this.writtenOnce.add(id);
    if (firstBump || diceBump) {
      user.version += 1;
    }
    return { user, concurrentEdit: firstBump || diceBump };
  }
}

function rateWindowOf(options: FakeOrgOptions): RateWindow | undefined {
  const { rateLimitPerMinute: perMinute, rateWindowSeconds: seconds = 60 } = options;
  if (perMinute === undefined || perMinute <= 0) {
    return undefined;
  }
  const limit = Math.max(1, Math.floor((perMinute * seconds) / 60));
  return new RateWindow(limit, seconds * 1000);
}
