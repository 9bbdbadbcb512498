import { describe, expect, it } from '@jest/globals';
import type { RecordedRequest } from '../sandbox/org.js';
import { measureTraffic, utilisation } from './traffic.js';

const at = (ms: number, method = 'GET', path = '/api/v2/users', status = 200) =>
  ({ method, path, query: '', status, at: ms }) satisfies RecordedRequest;

describe('measureTraffic', () => {
  it('counts only /api/v2 requests, by endpoint, with 429s apart', () => {
    const traffic = measureTraffic([
      at(0, 'POST', '/oauth/token'),
      at(5, 'POST', '/api/v2/users/search'),
      at(15, 'PATCH', '/api/v2/users/abc', 429),
      at(25, 'PATCH', '/api/v2/users/abc'),
      at(35, 'DELETE', '/api/v2/users/def'),
    ]);

    expect(traffic).toEqual({
      requests: 4,
      throttled: 1,
      busyMs: 30,
      byEndpoint: {
        'POST /api/v2/users/search': 1,
        'PATCH /api/v2/users/{id}': 2,
        'DELETE /api/v2/users/{id}': 1,
      },
    });
  });
});

describe('utilisation', () => {
  it('is 1 for requests exactly 60000/rate ms apart', () => {
    const traffic = measureTraffic([0, 10, 20, 30, 40].map((ms) => at(ms)));

    expect(utilisation(traffic, 6_000)).toBeCloseTo(1, 10);
  });

  it('is the share of the allowed starts used between the first request and the last', () => {
    const traffic = measureTraffic([0, 20, 40].map((ms) => at(ms)));

    expect(utilisation(traffic, 6_000)).toBeCloseTo(0.5, 10);
  });

  it('is undefined for a single request', () => {
    expect(utilisation(measureTraffic([at(0)]), 300)).toBeUndefined();
  });
});
