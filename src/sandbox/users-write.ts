import { isRecord } from './body.js';
import { badRequest, errorReply, okReply, type Reply } from './exchange.js';
import type { SandboxUser } from './fixture-types.js';
import { userNotFound } from './users-read.js';
import { toApiUser } from './user-view.js';

/** A write about to be applied to one user, as the org found it. */
export interface WriteTarget {
  /** The user in any state, deleted included; undefined when the id is unknown. */
  user: SandboxUser | undefined;
  /** The user's version moved just before this write (a concurrent edit). */
  concurrentEdit: boolean;
}

const PATCH_FIELDS = new Set(['state', 'version']);

export function versionConflict(): Reply {
  const message = 'The version supplied does not match the current version of the user';
  return errorReply(409, 'general.conflict', message);
}

/**
 * `PATCH /api/v2/users/{id}` with `{state, version}`: the only update the job sends, so
 * other fields are refused. `active` restores an inactive or deleted user.
 */
export function patchUser({ user }: WriteTarget, body: unknown): Reply {
  const invalid = invalidPatch(body);
  if (invalid !== undefined || !isRecord(body)) {
    return badRequest(invalid ?? 'The body must be a JSON object.');
  }
  if (!user) {
    return userNotFound();
  }
  if (user.sandbox?.failWrites) {
    const { status, code, message } = user.sandbox.failWrites;
    return errorReply(status, code, message);
  }
  if (body.version !== user.version) {
    return versionConflict();
  }
  if (user.state === 'deleted' && body.state !== 'active') {
    return badRequest('A deleted user can only be restored (state active).');
  }

  user.state = body.state === 'active' ? 'active' : 'inactive';
  user.version += 1;
  return okReply(toApiUser(user));
}

function invalidPatch(body: unknown): string | undefined {
  if (!isRecord(body)) {
    return 'The body must be a JSON object with state and version.';
  }
  const extra = Object.keys(body).filter((k) => !PATCH_FIELDS.has(k));
  if (extra.length > 0) {
    return `The sandbox updates only state; remove ${extra.join(', ')}.`;
  }
  if (!Number.isInteger(body.version)) {
    return 'version is required and must be an integer (the current version of the user).';
  }
  if (body.state !== 'active' && body.state !== 'inactive') {
    return 'state must be active or inactive.';
  }
  return undefined;
}

/**
 * `DELETE /api/v2/users/{id}`: 200 with `{}`. DELETE carries no version, so a concurrent
 * edit is answered with the 409 the real API can give in that case.
 */
export function deleteUser({ user, concurrentEdit }: WriteTarget): Reply {
  if (!user || user.state === 'deleted') {
    return userNotFound();
  }
  if (user.sandbox?.failWrites) {
    const { status, code, message } = user.sandbox.failWrites;
    return errorReply(status, code, message);
  }
  if (concurrentEdit) {
    return versionConflict();
  }

  user.state = 'deleted';
  user.version += 1;
  return okReply({});
}
