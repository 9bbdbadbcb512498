import { describe, expect, it } from '@jest/globals';
import type { SandboxUser } from './fixture-types.js';
import { UserIndex } from './user-index.js';

const user = (id: string, email?: string): SandboxUser => ({
  id,
  state: 'active',
  version: 1,
  ...(email === undefined ? {} : { email }),
});

const makeUsers = (): SandboxUser[] => [
  user('u1', 'Ann@Example.com'),
  user('u2', 'bob@example.com'),
  user('u3'),
  user('u4', 'ann@example.com'),
  user('u1', 'twin@example.com'),
];

describe('UserIndex', () => {
  it('finds users by email ignoring case, in list order', () => {
    const index = new UserIndex(makeUsers());

    const found = index.withEmails(['ANN@example.com', 'bob@EXAMPLE.com']);

    expect(found.map((u) => u.email)).toEqual([
      'Ann@Example.com',
      'bob@example.com',
      'ann@example.com',
    ]);
  });

  it('finds every user carrying one of the ids, in list order, each once', () => {
    const index = new UserIndex(makeUsers());

    const found = index.withIds(['u2', 'u1', 'u2', 'nobody']);

    expect(found.map((u) => `${u.id}:${u.email ?? ''}`)).toEqual([
      'u1:Ann@Example.com',
      'u2:bob@example.com',
      'u1:twin@example.com',
    ]);
  });

  it('answers byId with the first user of that id, as a scan would', () => {
    const index = new UserIndex(makeUsers());

    expect(index.byId('u1')?.email).toBe('Ann@Example.com');
    expect(index.byId('u9')).toBeUndefined();
  });

  it('returns the stored objects, so later changes of state show through', () => {
    const index = new UserIndex(makeUsers());
    const [bob] = index.withEmails(['bob@example.com']);
    bob!.state = 'inactive';

    expect(index.byId('u2')?.state).toBe('inactive');
  });
});
