import { describe, expect, it } from '@jest/globals';
import { generateOrgFixture } from './generated-org.js';
import { FakeOrg } from './org.js';
import { RateWindow } from './rate-window.js';

describe('RateWindow over a window shorter than a minute', () => {
  it('admits at most the limit in any window of the given length', () => {
    const window = new RateWindow(2, 10_000);

    const admitted = [0, 1_000, 2_000, 9_999, 10_000].map((at) => window.admit(at));

    expect(admitted.map((a) => a.admitted)).toEqual([true, true, false, false, true]);
    expect(admitted[2]).toEqual({ admitted: false, retryAfterSeconds: 8 });
  });
});

describe('FakeOrg rateWindowSeconds', () => {
  const fixture = generateOrgFixture({ users: 1 });

  /** Takes a token, then sends one GET at each of `times` on the org's clock. */
  function statuses(org: FakeOrg, clock: { now: number }, times: number[]): number[] {
    const token = org.handle({
      method: 'POST',
      path: '/oauth/token',
      query: new URLSearchParams(),
      headers: { authorization: `Basic ${btoa('sandbox-client:sandbox-secret')}` },
      body: { grant_type: 'client_credentials' },
    }).body as { access_token: string };
    return times.map((at) => {
      clock.now = at;
      return org.handle({
        method: 'GET',
        path: '/api/v2/users',
        query: new URLSearchParams(),
        headers: { authorization: `Bearer ${token.access_token}` },
        body: undefined,
      }).status;
    });
  }

  it('scales the per-minute limit to the window: 60 a minute is 10 in any 10 s', () => {
    const clock = { now: 0 };
    const org = FakeOrg.fromFixture(fixture, {
      rateLimitPerMinute: 60,
      rateWindowSeconds: 10,
      now: () => clock.now,
    });
    const tenQuick = Array.from({ length: 10 }, (_, i) => i * 100);

    const got = statuses(org, clock, [...tenQuick, 1_000, 10_000]);

    expect(got).toEqual([...tenQuick.map(() => 200), 429, 200]);
  });
});
