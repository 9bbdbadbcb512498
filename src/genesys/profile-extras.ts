import type { AuthzGrant, NamedRef, ProfileExtras } from './profile-types.js';
import type { EntityRef, User } from './types.js';

/** Id and name of each entity that has an id; one without an id cannot be put back. */
export function toNamedRefs(entities: readonly EntityRef[] | undefined): NamedRef[] {
  return (entities ?? []).flatMap((entity) => {
    const ref = toNamedRef(entity);
    return ref ? [ref] : [];
  });
}

/**
 * The roles granted to the user themselves, each once, with the divisions it is granted
 * in, in the order the API listed them. Grants held by another subject (a group the user
 * belongs to) are left out, as the Terraform provider does: they come back with the group
 * membership, which `groups` records. A grant with no `subjectId` counts as the user's.
 */
export function toRoles(
  grants: readonly AuthzGrant[] | undefined,
  userId: string,
): ProfileExtras['roles'] {
  const roles = new Map<string, NamedRef & { divisions: NamedRef[] }>();
  for (const grant of grants ?? []) {
    const role = toNamedRef(grant.role);
    if (!role || (grant.subjectId !== undefined && grant.subjectId !== userId)) {
      continue;
    }
    const entry = roles.get(role.id) ?? { ...role, divisions: [] };
    roles.set(role.id, entry);
    const division = toNamedRef(grant.division);
    if (division && !entry.divisions.some((d) => d.id === division.id)) {
      entry.divisions.push(division);
    }
  }
  return [...roles.values()];
}

/** Id, name and email of each direct report. */
export function toDirectReports(users: readonly User[]): ProfileExtras['directReports'] {
  return users.map((user) => {
    const report: NamedRef & { email?: string } = { id: user.id };
    if (user.name !== undefined) {
      report.name = user.name;
    }
    if (user.email !== undefined) {
      report.email = user.email;
    }
    return report;
  });
}

function toNamedRef(entity: EntityRef | undefined): NamedRef | undefined {
  if (entity?.id === undefined) {
    return undefined;
  }
  return entity.name === undefined
    ? { id: entity.id }
    : { id: entity.id, name: entity.name };
}
