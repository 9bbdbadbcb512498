import { afterEach, describe, expect, it } from '@jest/globals';
import type { SetupServer } from 'msw/node';
import { readManifest } from '../manifest/read-manifest.js';
import type { FakeOrg, FaultOptions } from '../sandbox/org.js';
import { EXAMPLE_MANIFEST } from '../test-support/e2e-paths.js';
import { collect } from '../test-support/manifest-rows.js';
import { startMswSandbox, testContext } from '../test-support/msw-sandbox.js';
import type { Decision } from './decision.js';
import { execute } from './execute.js';
import { survey } from './survey.js';

let server: SetupServer | undefined;
afterEach(() => {
  server?.close();
  server = undefined;
});

/** What an apply leaves behind: each row's outcome and every manifest user's state. */
interface RunResult {
  readonly outcomes: Record<number, string>;
  readonly states: Record<string, string>;
  /** Requests the org answered with a fault: 429, 5xx or a dropped connection. */
  readonly faultsMet: number;
}

async function applyExample(faults: FaultOptions): Promise<RunResult> {
  const started = await startMswSandbox({ faults });
  server = started.server;
  const ctx = testContext();
  const decisions = await collect(
    survey(readManifest(EXAMPLE_MANIFEST), ctx, { checkBusy: false }),
  );
  const done: Decision[] = [];
  await execute(decisions, ctx, 'follow', (decision) => done.push(decision));
  server.close();
  const faultsMet = started.org.requests.filter(
    (r) => r.status === 0 || r.status === 429 || r.status >= 502,
  ).length;
  return {
    outcomes: outcomesOf(done),
    states: statesOf(started.org, decisions),
    faultsMet,
  };
}

function outcomesOf(done: readonly Decision[]): Record<number, string> {
  return Object.fromEntries(done.map((d) => [d.row.row, d.outcome]));
}

function statesOf(org: FakeOrg, decisions: readonly Decision[]): Record<string, string> {
  const emails = [...new Set(decisions.map((d) => d.row.emailKey).filter(Boolean))];
  return Object.fromEntries(
    emails.map((email) => [
      email,
      org
        .usersByEmail(email)
        .map((u) => `${u.id}:${u.state}`)
        .join(' '),
    ]),
  );
}

const HEAVY: FaultOptions = {
  errorRate: 0.25,
  throttleRate: 0.1,
  resetRate: 0.1,
  versionBumpRate: 0.2,
  tokenTtlSeconds: 1,
};

describe('apply under heavy faults', () => {
  it.each([1, 2, 3, 4, 5])(
    'leaves the org as a fault-free run does, every row once (seed %i)',
    async (seed) => {
      const clean = await applyExample({});
      const faulty = await applyExample({ ...HEAVY, seed });

      expect(faulty.faultsMet).toBeGreaterThan(5);
      expect(faulty.states).toEqual(clean.states);
      expect(faulty.outcomes).toEqual(clean.outcomes);
      expect(Object.keys(faulty.outcomes)).toHaveLength(17);
    },
  );

  it('fails no row because of a fault: the only failure is the one the org refuses', async () => {
    const faulty = await applyExample({ ...HEAVY, seed: 9 });

    const failed = Object.entries(faulty.outcomes).filter(
      ([, outcome]) => outcome === 'failed',
    );
    expect(failed).toEqual([['13', 'failed']]);
  });
});
