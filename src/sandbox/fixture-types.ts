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

/** A user as the fake org stores it: the API's `User` with a state always set. */
export interface SandboxUser extends User {
  state: UserState;
  sandbox?: SandboxUserBehaviour;
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
