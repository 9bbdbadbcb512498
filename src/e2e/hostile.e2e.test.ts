import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { repoPath } from '../test-support/e2e-paths.js';
import { newestReport } from '../test-support/reports.js';
import { runOffboard } from '../test-support/run-offboard.js';
import { type SandboxEnv, startSandboxEnv } from '../test-support/sandbox-env.js';

let sandbox: SandboxEnv;
beforeAll(async () => {
  sandbox = await startSandboxEnv();
});
afterAll(async () => {
  await sandbox.close();
});

const apply = (manifest: string) =>
  runOffboard(['apply', manifest, '--yes', '--rate', '6000'], {
    cwd: sandbox.cwd,
    env: sandbox.env,
  });

/** A 20,000-row manifest whose line 19,990 opens a quote that never closes. */
async function longFileBrokenNearTheEnd(): Promise<string> {
  const rows = Array.from({ length: 20_000 }, (_, i) =>
    i === 19_988 ? `"broken${i}@example.com,deactivate` : `leaver${i}@example.com,`,
  );
  const path = join(sandbox.cwd, 'long-broken.csv');
  await writeFile(path, `email,action\n${rows.join('\n')}\n`);
  return path;
}

async function multiMegabyteLine(): Promise<string> {
  const path = join(sandbox.cwd, 'huge-line.csv');
  await writeFile(path, `email,note\na@example.com,${'x'.repeat(3 * 1024 * 1024)}\n`);
  return path;
}

describe('a hostile manifest', () => {
  it.each([
    ['empty.csv', /empty/],
    ['bom-only.csv', /empty/],
    ['no-email-column.csv', /line 1/],
    ['unbalanced-quotes.csv', /line 3/],
    ['binary.bin', /line 1/],
    ['utf16le.csv', /UTF-8/],
    ['invalid-utf8.csv', /line 3/],
    ['too-many-cells.csv', /line 3/],
    ['too-many-cells-after-blanks.csv', /line 3/],
    ['bad-action.csv', /line \d+/],
  ])('%s exits 2 with a message naming where, and sends nothing', async (file, where) => {
    const before = sandbox.org.requests.length;

    const result = await apply(repoPath(`fixtures/hostile/${file}`));

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(where);
    expect(sandbox.org.requests.length).toBe(before);
  });

  it('one broken line near the end of a long file stops apply before its first write', async () => {
    const result = await apply(await longFileBrokenNearTheEnd());

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/line 19990/);
    expect(sandbox.org.writes()).toEqual([]);
  });

  it('a multi-megabyte line exits 2 naming its line', async () => {
    const result = await apply(await multiMegabyteLine());

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/line 2/);
  });
});

describe('a valid variant', () => {
  it.each([
    'bom.csv',
    'semicolon.csv',
    'crlf.csv',
    'blank-lines.csv',
    'quoted-commas.csv',
    'extra-columns.csv',
    'mixed-case-headers.csv',
  ])('%s is read and reported row by row', async (file) => {
    const result = await runOffboard(
      ['plan', repoPath(`fixtures/manifests/${file}`), '--rate', '6000'],
      { cwd: sandbox.cwd, env: sandbox.env },
    );

    expect([0, 1]).toContain(result.code);
    const lines = await newestReport(join(sandbox.cwd, 'reports'), 'plan');
    expect(lines.length).toBeGreaterThan(0);
  });
});
