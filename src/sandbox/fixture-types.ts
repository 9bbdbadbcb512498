import type { User, UserState } from '../genesys/types.js';

/**
 * How a fixture user misbehaves on purpose, so that every outcome of the job can be
 * reached. Kept under the user's `sandbox` key and never sent in a response.
 */
export interface SandboxUserBehaviour {
  /** `expand=conversationSummary` leaves the summary out, as the real API may. */
  omitConversationSummary?: boolean;
  /** PATCH and DELETE answer with this error instead of changing anything. */
  failWrites?: { status: number; code: string; message: string };
  /** The first PATCH or DELETE meets a concurrent edit (the version moves just before). */
  bumpVersionOnFirstWrite?: boolean;
}

/** A queue the user is a member of; `joined` is true when absent. */
export interface SandboxQueue {
  id: string;
  name: string;
  joined?: boolean;
}

export interface SandboxNamedRef {
  id: string;
  name: string;
}

/**
 * One role granted in one division. `viaGroup` names the group the grant belongs to, which
 * the user holds by membership; without it the grant is the user's own.
 */
export interface SandboxGrant {
  role: SandboxNamedRef;
  division: SandboxNamedRef;
  viaGroup?: string;
}

/**
 * What the profile endpoints answer for a user (queues, `expand=groups`, authorization
 * grants). Kept under the user's `memberships` key; direct reports come from `manager.id`.
 */
export interface SandboxMemberships {
  queues?: SandboxQueue[];
  groups?: SandboxNamedRef[];
  grants?: SandboxGrant[];
}

/** A user as the fake org stores it: the API's `User` with a state always set. */
export interface SandboxUser extends User {
  state: UserState;
  sandbox?: SandboxUserBehaviour;
  memberships?: SandboxMemberships;
}

/** An OAuth client allowed to take a client-credentials token. */
export interface OAuthClientCredentials {
  clientId: string;
  clientSecret: string;
}

/** The whole made-up org: fixtures/sandbox/org.json has this shape. */
export interface OrgFixture {
  org: { id: string; name: string };
  clients: OAuthClientCredentials[];
  /** Lifetime of issued tokens; 86400 when absent. */
  tokenTtlSeconds?: number;
  users: SandboxUser[];
}
