import { describe, expect, it } from '@jest/globals';
import type { User } from '../genesys/types.js';
import { matchEmail } from './match.js';

const u = (id: string, email: string, state: NonNullable<User['state']>): User => ({
  id,
  email,
  state,
  version: 1,
});

describe('matchEmail', () => {
  it('finds nobody when no candidate has the email', () => {
    expect(matchEmail('a@x.io', [u('1', 'b@x.io', 'active')])).toEqual({ kind: 'none' });
  });

  it('compares emails without regard to case or surrounding spaces', () => {
    expect(matchEmail('a@x.io', [u('1', ' A@X.io', 'inactive')])).toMatchObject({
      kind: 'live',
      user: { id: '1' },
    });
  });

  it('picks the live account of a rehired person over their old deleted one', () => {
    const match = matchEmail('a@x.io', [
      u('old', 'a@x.io', 'deleted'),
      u('new', 'a@x.io', 'active'),
    ]);
    expect(match).toMatchObject({ kind: 'live', user: { id: 'new' } });
  });

  it('is ambiguous with two accounts that are not deleted', () => {
    const match = matchEmail('a@x.io', [
      u('1', 'a@x.io', 'active'),
      u('2', 'a@x.io', 'inactive'),
    ]);
    expect(match.kind).toBe('ambiguous');
  });

  it('reports a deleted account when it is the only one', () => {
    expect(matchEmail('a@x.io', [u('1', 'a@x.io', 'deleted')])).toMatchObject({
      kind: 'deleted',
    });
  });
});
