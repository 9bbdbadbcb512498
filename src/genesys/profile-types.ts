/**
 * What a full snapshot keeps about a user besides the profile itself, and the Genesys
 * Cloud models it is read from. The models keep only the fields read here; each was
 * checked against the official SDKs (MyPureCloud/platform-client-sdk-python build/docs,
 * platform-client-sdk-javascript's UsersApi and AuthorizationApi, SDK v258) and the
 * Terraform provider (genesyscloud/user_roles).
 */

import type { EntityRef, User } from './types.js';

/** An id with the name it had when recorded, which may be missing. */
export interface NamedRef {
  id: string;
  name?: string;
}

/**
 * The user's queues, groups, roles (each with the divisions it is granted in) and direct
 * reports before the change. Deactivating a user removes their roles and a restore does
 * not bring them back: this is what someone needs to put them back by hand.
 */
export interface ProfileExtras {
  queues: NamedRef[];
  groups: NamedRef[];
  roles: (NamedRef & { divisions?: NamedRef[] })[];
  directReports: (NamedRef & { email?: string })[];
}

/** `UserQueue`, an entity of `UserQueueEntityListing` (GET /api/v2/users/{id}/queues). */
export interface UserQueue {
  id?: string;
  name?: string;
  division?: EntityRef;
  /** Whether the user is joined to (active in) the queue, not only a member. */
  joined?: boolean;
}

/** `UserQueueEntityListing`: a page of the user's queues. */
export interface UserQueueEntityListing {
  entities?: UserQueue[];
  pageSize?: number;
  pageNumber?: number;
  total?: number;
  pageCount?: number;
}

/**
 * `User` with `expand=groups`: the SDK types `groups` as `Group[]` (id, name, ...); the
 * name is treated as optional in case only references come back.
 */
export interface UserWithGroups extends User {
  groups?: EntityRef[];
}

/**
 * `AuthzGrant`: one role in one division. `subjectId` is who holds the grant: the user
 * for their own roles, a group's id for a role they have through that group.
 */
export interface AuthzGrant {
  subjectId?: string;
  role?: EntityRef;
  division?: EntityRef;
  grantMadeAt?: string;
}

/** `AuthzSubject` (GET /api/v2/authorization/subjects/{subjectId}). */
export interface AuthzSubject {
  id?: string;
  name?: string;
  grants?: AuthzGrant[];
  version?: number;
}
