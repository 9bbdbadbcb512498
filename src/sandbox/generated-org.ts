import type { OrgFixture, SandboxUser } from './fixture-types.js';

/** What a generated org looks like; every user is active and idle unless told. */
export interface GeneratedOrgOptions {
  /** How many users, numbered from 1. */
  users: number;
  /** Email domain; `bench.example` by default (example domains never deliver mail). */
  domain?: string;
}

/** The client a generated org accepts: the same public fakes as the bundled fixture. */
export const GENERATED_ORG_CLIENT = {
  clientId: 'sandbox-client',
  clientSecret: 'sandbox-secret',
} as const;

/**
 * Shared by every user on purpose: 100,000 copies would cost the benchmark's process
 * about 100 MB. Nothing changes a summary in place (setConversationSummary replaces it).
 */
const IDLE = { contactCenter: { active: 0, acw: 0 }, enterprise: { active: 0, acw: 0 } };

/**
 * An org fixture built in code with `users` active, idle users, for benchmarks and for
 * tests that need more users than the bundled fixture has. User n has the email
 * `generatedEmail(n)` and a deterministic id, so a manifest can be generated to match.
 * Every user carries a full conversationSummary: without one the job must treat the
 * user as busy.
 */
export function generateOrgFixture(options: GeneratedOrgOptions): OrgFixture {
  const { users: count, domain = 'bench.example' } = options;
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`users must be a whole number, got ${count}`);
  }
  const users = Array.from({ length: count }, (_, i) => generatedUser(i + 1, domain));
  return {
    org: { id: '0a9e0a9e-0000-4000-8000-00000000be00', name: `Generated org (${count})` },
    clients: [{ ...GENERATED_ORG_CLIENT }],
    users,
  };
}

/** The email of generated user `n` (1-based). */
export function generatedEmail(n: number, domain = 'bench.example'): string {
  return `leaver.${String(n).padStart(6, '0')}@${domain}`;
}

function generatedUser(n: number, domain: string): SandboxUser {
  const email = generatedEmail(n, domain);
  return {
    id: `be0c4000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    name: `Leaver ${n}`,
    email,
    username: email,
    state: 'active',
    version: 1,
    division: { id: '0d1f1e5a-0000-4000-8000-000000000001', name: 'Home' },
    conversationSummary: {
      call: IDLE,
      callback: IDLE,
      email: IDLE,
      message: IDLE,
      chat: IDLE,
      socialExpression: IDLE,
      video: IDLE,
    },
  };
}
