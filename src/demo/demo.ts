import { readFile } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../cli/cli-io.js';
import { runCli } from '../cli/run-cli.js';
import { FakeOrg, loadOrgFixture } from '../sandbox/org.js';
import { startSandboxServer } from '../sandbox/server.js';
import { readReport } from '../report/read-report.js';

/**
 * `npm run demo`: plans, then applies, manifests/example-leavers.csv against a sandbox
 * served in this process, and checks every row came out as fixtures/sandbox-expected.json
 * says. Exits 0 when they all did, 1 otherwise. Touches no real org.
 */
const root = (path: string): string =>
  fileURLToPath(new URL(`../../${path}`, import.meta.url));
const manifest = root('manifests/example-leavers.csv');
const protect = root('manifests/example-protected.txt');

type Expected = Record<'plan' | 'apply', Record<string, string>>;

async function main(): Promise<number> {
  const org = FakeOrg.fromFixture(await loadOrgFixture());
  const sandbox = await startSandboxServer({ org });
  const out = teeStdout();
  const io = demoIo(sandbox.url, out.stream);
  const expected = JSON.parse(
    await readFile(root('fixtures/sandbox-expected.json'), 'utf8'),
  ) as Expected;

  try {
    const common = ['--protect', protect, '--log-level', 'warn', '--rate', '6000'];
    io.stdout.write(`Sandbox at ${sandbox.url}\n\n$ offboard plan ${manifest}\n`);
    await runCli(['plan', manifest, ...common], io);
    io.stdout.write(`\n$ offboard apply ${manifest} --yes\n`);
    await runCli(['apply', manifest, '--yes', ...common], io);
    const plan = await outcomesOf(reportPath(out.text(), 'plan'));
    const apply = await outcomesOf(reportPath(out.text(), 'apply'));
    return verdict(
      compare(expected.plan, plan, 'plan').concat(
        compare(expected.apply, apply, 'apply'),
      ),
    );
  } finally {
    await sandbox.close();
  }
}

/** Prints what the runs print, and keeps it to find the report paths in. */
function teeStdout(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      process.stdout.write(chunk, done);
    },
  });
  return { stream, text: () => chunks.join('') };
}

function demoIo(url: string, stdout: Writable): CliIo {
  return {
    stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: {
      ...process.env,
      GENESYS_CLOUD_API_URL: url,
      GENESYS_CLOUD_CLIENT_ID: 'sandbox-client',
      GENESYS_CLOUD_CLIENT_SECRET: 'sandbox-secret',
    },
    cwd: process.cwd(),
    interactive: false,
    signal: new AbortController().signal,
  };
}

/** The .jsonl path that the last run of a kind printed in its summary. */
function reportPath(printed: string, kind: 'plan' | 'apply'): string {
  const matches = [...printed.matchAll(new RegExp(`(\\S+-${kind}\\.jsonl)`, 'g'))];
  const path = matches.at(-1)?.[1];
  if (!path) {
    throw new Error(`the ${kind} run printed no report path`);
  }
  return path;
}

async function outcomesOf(jsonl: string): Promise<Map<string, string>> {
  const outcomes = new Map<string, string>();
  for await (const record of readReport(jsonl)) {
    outcomes.set(String(record.row), record.outcome);
  }
  return outcomes;
}

function compare(
  expected: Record<string, string>,
  got: Map<string, string>,
  kind: string,
): string[] {
  const rows = new Set([...Object.keys(expected), ...got.keys()]);
  return [...rows]
    .filter((row) => expected[row] !== got.get(row))
    .map(
      (row) =>
        `${kind} row ${row}: expected ${expected[row] ?? 'nothing'}, ` +
        `got ${got.get(row) ?? 'nothing'}`,
    );
}

function verdict(mismatches: string[]): number {
  if (mismatches.length > 0) {
    process.stderr.write(`\ndemo: unexpected outcomes:\n  ${mismatches.join('\n  ')}\n`);
    return 1;
  }
  process.stdout.write('\ndemo: every row came out as expected (plan and apply).\n');
  return 0;
}

process.exitCode = await main();
