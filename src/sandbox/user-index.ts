import type { SandboxUser } from './fixture-types.js';

/**
 * The org's users looked up by id and by email (case-insensitive), so that a generated
 * org of 100,000 users answers a search or a GET of 50 ids without scanning them all.
 *
 * Built once: the index holds the same objects as the user list, so changes of state,
 * version or conversations show through. Nothing in the sandbox changes an id or an
 * email or adds a user; code that did would have to build a new index. Lookups return
 * users in list order, exactly as a scan of the list would.
 */
export class UserIndex {
  private readonly position = new Map<SandboxUser, number>();
  private readonly ids = new Map<string, SandboxUser[]>();
  private readonly emails = new Map<string, SandboxUser[]>();

  constructor(readonly all: readonly SandboxUser[]) {
    all.forEach((user, index) => {
      this.position.set(user, index);
      addTo(this.ids, user.id, user);
      if (user.email !== undefined) {
        addTo(this.emails, user.email.toLowerCase(), user);
      }
    });
  }

  /** The first user with this id, as a scan would find it. */
  byId(id: string): SandboxUser | undefined {
    return this.ids.get(id)?.[0];
  }

  /** Every user whose id is one of `ids`, in list order. */
  withIds(ids: Iterable<string>): SandboxUser[] {
    return this.lookUp(this.ids, new Set(ids));
  }

  /** Every user whose email equals one of `values` ignoring case, in list order. */
  withEmails(values: Iterable<string>): SandboxUser[] {
    const keys = new Set([...values].map((value) => value.toLowerCase()));
    return this.lookUp(this.emails, keys);
  }

  private lookUp(
    map: ReadonlyMap<string, SandboxUser[]>,
    keys: ReadonlySet<string>,
  ): SandboxUser[] {
    const found = [...keys].flatMap((key) => map.get(key) ?? []);
    const at = (user: SandboxUser) => this.position.get(user) ?? 0;
    return found.sort((a, b) => at(a) - at(b));
  }
}

function addTo(map: Map<string, SandboxUser[]>, key: string, user: SandboxUser): void {
  const list = map.get(key);
  if (list) {
    list.push(user);
  } else {
    map.set(key, [user]);
  }
}
