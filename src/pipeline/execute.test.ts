import { beforeEach, describe, expect, it } from '@jest/globals';
import type { FakeOrg } from '../sandbox/org.js';
import { collect, manifestRow, streamOf } from '../test-support/manifest-rows.js';
import { http, HttpResponse } from 'msw';
import { MSW_BASE_URL, testContext, useMswSandbox } from '../test-support/msw-sandbox.js';
import type { Decision } from './decision.js';
import { execute, MAX_BATCH_ROWS } from './execute.js';
import { survey } from './survey.js';

const sandbox = useMswSandbox();
const server = sandbox.server;
let org: FakeOrg;

beforeEach(async () => {
  org = await sandbox.serve();
});

async function planned(emails: string[], checkBusy = false): Promise<Decision[]> {
  const rows = emails.map((email, i) => manifestRow(i, email));
  return collect(survey(streamOf(rows), testContext(), { checkBusy }));
}

async function run(
  decisions: Decision[],
  binding: 'follow' | 'plan' = 'follow',
): Promise<Decision[]> {
  const done: Decision[] = [];
  await execute(decisions, testContext(), binding, (d) => done.push(d));
  return done.sort((a, b) => a.row.seq - b.row.seq);
}

const userOf = (email: string) =>
  org.usersByEmail(email).find((u) => u.state !== 'deleted')!;

describe('execute', () => {
  it('deactivates with the current version and records the user as it was', async () => {
    const [done] = await run(await planned(['alice.archer@example.com']));

    expect(done).toMatchObject({ outcome: 'deactivated', user: { state: 'active' } });
    expect(userOf('alice.archer@example.com').state).toBe('inactive');
  });

  it('re-reads and retries after a version conflict from a concurrent edit', async () => {
    const [done] = await run(await planned(['peggy.price@example.com']));

    expect(done?.outcome).toBe('deactivated');
    const patches = org.writes().filter((w) => w.method === 'PATCH');
    expect(patches.map((w) => w.status)).toEqual([409, 200]);
  });

  it('does not write to a user who became busy after the plan', async () => {
    const decisions = await planned(['alice.archer@example.com'], true);
    const alice = userOf('alice.archer@example.com');
    org.setConversationSummary(alice.id, {
      call: { contactCenter: { active: 1, acw: 0 } },
    });

    const [done] = await run(decisions);

    expect(done?.outcome).toBe('busy');
    expect(org.writes()).toEqual([]);
  });

  it('leaves a user that changed since a reviewed plan alone as stale', async () => {
    const decisions = await planned(['alice.archer@example.com'], true);
    org.bumpVersion(userOf('alice.archer@example.com').id);

    const [done] = await run(decisions, 'plan');

    expect(done).toMatchObject({
      outcome: 'stale',
      detail: expect.stringMatching(/version/),
    });
    expect(org.writes()).toEqual([]);
  });

  it('reports a refused write as failed with the status and correlation id', async () => {
    const [done] = await run(await planned(['oscar.olsen@example.com']));

    expect(done).toMatchObject({
      outcome: 'failed',
      detail: expect.stringMatching(/403/),
      call: { httpStatus: 403, correlationId: expect.any(String) },
    });
  });

  it('sends no request for settled rows and one GET plus one PATCH for a deactivation', async () => {
    const emails = Array.from({ length: 120 }, (_, i) => `leaver${i}@example.com`);
    emails[0] = 'alice.archer@example.com';
    const decisions = await planned(emails);
    const before = org.requests.length;

    await run(decisions);

    const sent = org.requests.slice(before);
    expect(sent.filter((r) => r.method === 'GET')).toHaveLength(1);
    expect(sent.filter((r) => r.method === 'PATCH')).toHaveLength(1);
  });

  it('counts a DELETE whose first try landed but whose answer was lost as deleted', async () => {
    const decisions = await planned(['dave.dyer@example.com']);
    const dave = userOf('dave.dyer@example.com');
    const path = `/api/v2/users/${dave.id}`;
    server.use(
      http.delete(
        `${MSW_BASE_URL}${path}`,
        ({ request }) => {
          const authorization = request.headers.get('authorization') ?? undefined;
          const query = new URLSearchParams();
          org.handle({
            method: 'DELETE',
            path,
            query,
            headers: { authorization },
            body: undefined,
          });
          return HttpResponse.json(
            { message: 'lost', code: 'gateway.timeout' },
            { status: 504 },
          );
        },
        { once: true },
      ),
    );
    const deleteRows = decisions.map((d) => ({
      ...d,
      action: 'delete' as const,
      steps: ['delete' as const],
    }));

    const [done] = await run(deleteRows);

    expect(done).toMatchObject({
      outcome: 'deleted',
      detail: expect.stringMatching(/retried/),
    });
    expect(org.user(dave.id)?.state).toBe('deleted');
  });

  it('emits rows in batches of at most MAX_BATCH_ROWS, however few need a write', async () => {
    const [alice] = await planned(['alice.archer@example.com']);
    const settled = Array.from({ length: 3 * MAX_BATCH_ROWS }, (_, i) => ({
      row: manifestRow(i + 1, `nobody.${i}@example.com`),
      action: 'deactivate' as const,
      outcome: 'not-found' as const,
      steps: [],
    }));
    let pulled = 0;
    async function* counted(): AsyncGenerator<Decision> {
      for (const decision of [alice!, ...settled]) {
        pulled += 1;
        yield await Promise.resolve(decision);
      }
    }
    let pulledAtFirstEmit: number | undefined;
    const done: Decision[] = [];
    await execute(counted(), testContext(), 'follow', (d) => {
      pulledAtFirstEmit ??= pulled;
      done.push(d);
    });

    expect(done).toHaveLength(1 + settled.length);
    expect(done.find((d) => d.row.seq === 0)?.outcome).toBe('deactivated');
    expect(pulledAtFirstEmit).toBe(MAX_BATCH_ROWS);
    expect(org.requests.filter((r) => r.method === 'GET')).toHaveLength(1);
  });

  it('starts no row once the signal is aborted', async () => {
    const decisions = await planned(['alice.archer@example.com']);
    const controller = new AbortController();
    controller.abort('SIGINT');
    const done: Decision[] = [];

    await execute(decisions, testContext({ signal: controller.signal }), 'follow', (d) =>
      done.push(d),
    );

    expect(done).toEqual([]);
    expect(org.writes()).toEqual([]);
  });
});
