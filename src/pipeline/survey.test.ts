import { beforeEach, describe, expect, it } from '@jest/globals';
import type { FakeOrg } from '../sandbox/org.js';
import { collect, manifestRow, streamOf } from '../test-support/manifest-rows.js';
import { testContext, useMswSandbox } from '../test-support/msw-sandbox.js';
import { ProtectList } from './protect-list.js';
import { survey } from './survey.js';

const sandbox = useMswSandbox();
let org: FakeOrg;

beforeEach(async () => {
  org = await sandbox.serve();
});

const searches = () => org.requests.filter((r) => r.path === '/api/v2/users/search');
const outcomes = (decisions: { outcome: string }[]) => decisions.map((d) => d.outcome);

describe('survey', () => {
  it('settles invalid and repeated emails without sending a request', async () => {
    const rows = [
      manifestRow(0, 'not-an-email'),
      manifestRow(1, ''),
      manifestRow(2, 'x@y.io'),
    ];
    rows.push(manifestRow(3, 'X@Y.io'));

    const decisions = await collect(
      survey(streamOf(rows), testContext(), { checkBusy: true }),
    );

    expect(outcomes(decisions)).toEqual([
      'invalid-email',
      'invalid-email',
      'not-found',
      'duplicate',
    ]);
    expect(searches()).toHaveLength(1);
  });

  it('finds inactive and deleted users, so a repeat run writes nothing for them', async () => {
    const rows = [
      manifestRow(0, 'carol.cooper@example.com'),
      manifestRow(1, 'erin.evans@example.com'),
    ];

    const decisions = await collect(
      survey(streamOf(rows), testContext(), { checkBusy: true }),
    );

    expect(outcomes(decisions)).toEqual(['already-inactive', 'already-deleted']);
  });

  it('resolves 120 rows with 3 searches of at most 50 values', async () => {
    const rows = Array.from({ length: 120 }, (_, i) =>
      manifestRow(i, `leaver${i}@example.com`),
    );

    const decisions = await collect(
      survey(streamOf(rows), testContext(), { checkBusy: false }),
    );

    expect(decisions).toHaveLength(120);
    expect(searches()).toHaveLength(3);
    expect(decisions.map((d) => d.row.seq)).toEqual(rows.map((r) => r.seq));
  });

  it('checks conversations in one GET per batch and reports busy users', async () => {
    const rows = [
      manifestRow(0, 'alice.archer@example.com'),
      manifestRow(1, 'frank.fisher@example.com'),
      manifestRow(2, 'grace.garcia@example.com'),
      manifestRow(3, 'heidi.hughes@example.com'),
    ];

    const decisions = await collect(
      survey(streamOf(rows), testContext(), { checkBusy: true }),
    );

    expect(outcomes(decisions)).toEqual(['would-deactivate', 'busy', 'busy', 'busy']);
    expect(org.requests.filter((r) => r.path === '/api/v2/users')).toHaveLength(1);
    expect(org.writes()).toEqual([]);
  });

  it('protects a user listed by id and one listed by email', async () => {
    const [alice] = org.usersByEmail('alice.archer@example.com');
    const protect = new ProtectList([alice!.id, 'BOB.baker@example.com']);
    const rows = [
      manifestRow(0, 'alice.archer@example.com'),
      manifestRow(1, 'bob.baker@example.com'),
    ];

    const decisions = await collect(
      survey(streamOf(rows), testContext({ protect }), { checkBusy: true }),
    );

    expect(outcomes(decisions)).toEqual(['protected', 'protected']);
  });

  it('marks a rehired person with two live accounts as ambiguous', async () => {
    const rows = [
      manifestRow(0, 'ivan.ives@example.com'),
      manifestRow(1, 'judy.jones@example.com'),
    ];

    const decisions = await collect(
      survey(streamOf(rows), testContext(), { checkBusy: true }),
    );

    expect(outcomes(decisions)).toEqual(['ambiguous', 'would-deactivate']);
  });

  it('plans a delete for a row that asks for it, and --delete makes it the default', async () => {
    const rows = [
      manifestRow(0, 'dave.dyer@example.com', 'delete'),
      manifestRow(1, 'alice.archer@example.com'),
    ];
    const ctx = testContext({ defaultAction: 'delete' });

    const decisions = await collect(survey(streamOf(rows), ctx, { checkBusy: true }));

    expect(decisions.map((d) => [d.outcome, d.steps])).toEqual([
      ['would-delete', ['delete']],
      ['would-delete', ['deactivate', 'delete']],
    ]);
  });
});
