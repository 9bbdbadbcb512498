import { readFile } from 'node:fs/promises';
import { ConfigError } from '../errors/config-error.js';
import { isRecord } from './body.js';
import type { OrgFixture } from './fixture-types.js';

/**
 * The bundled fixture. Resolved from this module's own location, which is two levels
 * below the package root both as `src/sandbox` (tests) and as `dist/sandbox` (built).
 */
export const DEFAULT_FIXTURE_URL = new URL(
  '../../fixtures/sandbox/org.json',
  import.meta.url,
);

/**
 * Reads an org fixture (default fixtures/sandbox/org.json). Only the outline is checked
 * (org, clients, users with id, state and version); the rest is trusted as written.
 */
export async function loadOrgFixture(path?: string): Promise<OrgFixture> {
  const source = path ?? DEFAULT_FIXTURE_URL;
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(source, 'utf8'));
  } catch (cause) {
    const message = `Cannot read the sandbox fixture ${String(source)}: check the path.`;
    throw new ConfigError('--fixture', message, { cause });
  }

  const problem = outlineProblem(parsed);
  if (problem) {
    throw new ConfigError(
      '--fixture',
      `The sandbox fixture ${String(source)} ${problem}.`,
    );
  }
  return parsed as OrgFixture;
}

function outlineProblem(value: unknown): string | undefined {
  if (!isRecord(value) || !isRecord(value.org)) {
    return 'needs an "org" object';
  }
  if (!Array.isArray(value.clients) || value.clients.length === 0) {
    return 'needs at least one entry in "clients"';
  }
  if (!Array.isArray(value.users)) {
    return 'needs a "users" list';
  }
  const bad = value.users.findIndex(
    (u) =>
      !isRecord(u) ||
      typeof u.id !== 'string' ||
      !['active', 'inactive', 'deleted'].includes(String(u.state)) ||
      !Number.isInteger(u.version),
  );
  return bad >= 0
    ? `has a user (users[${bad}]) without id, state or integer version`
    : undefined;
}
