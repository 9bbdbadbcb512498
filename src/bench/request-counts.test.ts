import { beforeEach, describe, expect, it } from '@jest/globals';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { CliIo } from '../cli/cli-io.js';
import { runCli } from '../cli/run-cli.js';
import { generateOrgFixture } from '../sandbox/generated-org.js';
import type { FakeOrg } from '../sandbox/org.js';
import { MSW_BASE_URL, useMswSandbox } from '../test-support/msw-sandbox.js';
import { useTempDirs } from '../test-support/temp-dir.js';
import { benchManifest } from './manifest-file.js';
import { measureTraffic } from './traffic.js';

/**
 * The regression guard of the request targets: the exact requests `plan` and `apply`
 * send for a manifest, through the whole command, against the msw sandbox. Reads are
 * batched (50 emails a search, one GET of the batch's ids before its writes); writes
 * cannot be: one PATCH per deactivated user, and a DELETE after it per deleted one.
 */
const BASE = MSW_BASE_URL;
const ROWS = 200;
const SEARCH = 'POST /api/v2/users/search';
const LIST = 'GET /api/v2/users';
const PATCH = 'PATCH /api/v2/users/{id}';
const DELETE = 'DELETE /api/v2/users/{id}';

const fixture = generateOrgFixture({ users: ROWS + 50 });
const sandbox = useMswSandbox(fixture);
const tempDirs = useTempDirs();
let org: FakeOrg;
let cwd: string;

beforeEach(async () => {
  org = await sandbox.serve();
  cwd = await tempDirs.make('offboard-counts-');
});

function quietIo(): CliIo {
  return {
    stdout: new PassThrough().resume(),
    stderr: new PassThrough().resume(),
    stdin: new PassThrough(),
    env: {
      GENESYS_CLOUD_API_URL: BASE,
      GENESYS_CLOUD_CLIENT_ID: 'sandbox-client',
      GENESYS_CLOUD_CLIENT_SECRET: 'sandbox-secret',
    },
    cwd,
    interactive: false,
    signal: new AbortController().signal,
  };
}

async function offboard(...args: string[]): Promise<number> {
  return runCli([...args, '--rate', '600000', '--log-level', 'silent'], quietIo());
}

async function manifestOf(action: 'deactivate' | 'delete'): Promise<string> {
  const path = join(cwd, `leavers-${action}.csv`);
  await writeFile(path, benchManifest(ROWS, action));
  return path;
}

/** The requests sent since `from` in the org's log, by endpoint. */
function sentSince(from: number): Record<string, number> {
  return { ...measureTraffic(org.requests.slice(from)).byEndpoint };
}

const apply = (target: string) =>
  offboard('apply', target, '--yes', '--max-changes', String(ROWS));

describe('requests per row (200 rows, every user active and idle)', () => {
  it('plan: one search and one GET per 50 rows, 0.04 a row', async () => {
    expect(await offboard('plan', await manifestOf('deactivate'))).toBe(0);

    const sent = sentSince(0);
    expect(sent).toEqual({ [SEARCH]: 4, [LIST]: 4 });
    expect((sent[SEARCH]! + sent[LIST]!) / ROWS).toBeLessThanOrEqual(0.05);
  });

  it('apply deactivate: one PATCH a user plus 0.04 a row of reads', async () => {
    expect(await apply(await manifestOf('deactivate'))).toBe(0);

    expect(sentSince(0)).toEqual({ [SEARCH]: 4, [LIST]: 4, [PATCH]: ROWS });
    expect(measureTraffic(org.requests).requests / ROWS).toBe(1.04);
  });

  it('apply delete: a PATCH and a DELETE a user plus 0.04 a row of reads', async () => {
    expect(await apply(await manifestOf('delete'))).toBe(0);

    expect(sentSince(0)).toEqual({
      [SEARCH]: 4,
      [LIST]: 4,
      [PATCH]: ROWS,
      [DELETE]: ROWS,
    });
    expect(measureTraffic(org.requests).requests / ROWS).toBe(2.04);
  });

  it('apply of a reviewed plan: only the batched re-check and the writes', async () => {
    await offboard('plan', await manifestOf('delete'));
    const plan = (await readdir(join(cwd, 'reports'))).find((f) =>
      f.endsWith('.plan.json'),
    );
    const planned = org.requests.length;

    expect(await apply(join(cwd, 'reports', plan!))).toBe(0);

    expect(sentSince(planned)).toEqual({ [LIST]: 4, [PATCH]: ROWS, [DELETE]: ROWS });
  });

  it('re-checks 50 users in each GET, right before their writes', async () => {
    await apply(await manifestOf('deactivate'));

    const gets = org.requests.filter((r) => r.method === 'GET');
    const idsPerGet = gets.map((r) => new URLSearchParams(r.query).getAll('id').length);
    expect(idsPerGet).toEqual([50, 50, 50, 50]);
    const firstPatch = org.requests.findIndex((r) => r.method === 'PATCH');
    expect(org.requests[firstPatch - 1]?.method).toBe('GET');
  });
});
