import { describe, expect, it } from '@jest/globals';
import type { User } from '../genesys/types.js';
import { busyReason } from './busy.js';

const user = (conversationSummary?: User['conversationSummary']): User => ({
  id: 'u1',
  version: 1,
  ...(conversationSummary ? { conversationSummary } : {}),
});

describe('busyReason', () => {
  it('is free when every count is zero', () => {
    const idle = {
      call: { contactCenter: { active: 0, acw: 0 }, enterprise: { active: 0, acw: 0 } },
    };
    expect(busyReason(user(idle))).toBeUndefined();
  });

  it('is busy with an active contact-centre interaction', () => {
    expect(busyReason(user({ call: { contactCenter: { active: 1, acw: 0 } } }))).toMatch(
      /call/,
    );
  });

  it('is busy in after-call work on any media type', () => {
    expect(busyReason(user({ socialExpression: { enterprise: { acw: 2 } } }))).toMatch(
      /socialExpression/,
    );
  });

  it('treats a missing conversationSummary as busy, never as idle', () => {
    expect(busyReason(user())).toMatch(/not returned/);
  });
});
