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
 * turns the user's id in conversation history into a person.
 */
export function toSnapshot(user: User): UserSnapshot {
  const snapshot: UserSnapshot = { id: user.id, version: user.version };
  const optional = {
    name: user.name,
    email: user.email,
    username: user.username,
    state: user.state,
    division: ref(user.division),
    department: user.department,
    title: user.title,
    manager: ref(user.manager),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) {
      Object.assign(snapshot, { [key]: value });
    }
  }
  return snapshot;
}
