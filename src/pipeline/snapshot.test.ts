import { describe, expect, it } from '@jest/globals';
import type { User } from '../genesys/types.js';
import { toSnapshot } from './snapshot.js';

describe('toSnapshot', () => {
  it('keeps the profile fields and drops what only the API needs', () => {
    const user = {
      id: 'u-1',
      version: 7,
      name: 'Ada Leaver',
      email: 'ada@example.com',
      username: 'ada@example.com',
      state: 'active',
      division: {
        id: 'd-1',
        name: 'Home',
        selfUri: '/api/v2/authorization/divisions/d-1',
      },
      department: 'Support',
      title: 'Agent',
      manager: { id: 'm-1', selfUri: '/api/v2/users/m-1' },
      conversationSummary: { userId: 'u-1' },
      selfUri: '/api/v2/users/u-1',
    } as User;

    expect(toSnapshot(user)).toStrictEqual({
      id: 'u-1',
      version: 7,
      name: 'Ada Leaver',
      email: 'ada@example.com',
      username: 'ada@example.com',
      state: 'active',
      division: { id: 'd-1', name: 'Home' },
      department: 'Support',
      title: 'Agent',
      manager: { id: 'm-1' },
    });
  });

  it('leaves out the fields a user lacks rather than setting them to undefined', () => {
    const snapshot = toSnapshot({ id: 'u-2', version: 1 });

    expect(snapshot).toStrictEqual({ id: 'u-2', version: 1 });
    expect(Object.keys(snapshot)).toEqual(['id', 'version']);
  });
});
