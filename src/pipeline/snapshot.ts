import type { EntityRef, User } from '../genesys/types.js';
import type { UserSnapshot } from '../report/row-result.js';

function ref(entity: EntityRef | undefined): { id?: string; name?: string } | undefined {
  if (!entity) {
    return undefined;
  }
  const out: { id?: string; name?: string } = {};
  if (entity.id !== undefined) {
    out.id = entity.id;
  }
  if (entity.name !== undefined) {
    out.name = entity.name;
  }
  return out;
}

/**
 * The profile fields worth keeping before a change: after a delete, this is what still
 * turns the user's id in conversation history into a person. Fields the user lacks are
 * left out, not set to undefined. Written out field by field: it runs for every row,
 * and building it from Object.entries made it one of a plan's largest allocators.
 */
export function toSnapshot(user: User): UserSnapshot {
  const snapshot: UserSnapshot = { id: user.id, version: user.version };
  setIfDefined(snapshot, 'name', user.name);
  setIfDefined(snapshot, 'email', user.email);
  setIfDefined(snapshot, 'username', user.username);
  setIfDefined(snapshot, 'state', user.state);
  setIfDefined(snapshot, 'division', ref(user.division));
  setIfDefined(snapshot, 'department', user.department);
  setIfDefined(snapshot, 'title', user.title);
  setIfDefined(snapshot, 'manager', ref(user.manager));
  return snapshot;
}

function setIfDefined<K extends keyof UserSnapshot>(
  snapshot: UserSnapshot,
  key: K,
  value: UserSnapshot[K] | undefined,
): void {
  if (value !== undefined) {
    snapshot[key] = value;
  }
}
