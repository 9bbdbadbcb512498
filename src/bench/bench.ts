import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateOrgFixture } from '../sandbox/generated-org.js';
import { formatBenchReport } from './bench-report.js';
import { type BenchPaths, runScenario, type ScenarioResult } from './run-scenario.js';
import { type Scenario, SCENARIOS } from './scenarios.js';
import { figuresOf } from './table.js';
import { judge } from './targets.js';

/**
 * `npm run bench [-- NAME]`: runs the built `offboard` (and the naive approach) against
 * a sandbox served by this process on 127.0.0.1, prints the table and writes it to
 * `reports/bench-<UTC time>.md`. NAME runs only the scenarios whose name contains it.
 * Exits 1 when a scenario did not complete, 0 otherwise, whether or not targets are met:
 * the report says which are.
 */
const root = (path: string): string =>
  fileURLToPath(new URL(`../../${path}`, import.meta.url));

async function main(): Promise<number> {
  const filter = process.argv[2] ?? '';
  const chosen = SCENARIOS.filter((s) => s.name.includes(filter));
  const workDir = await mkdtemp(join(tmpdir(), 'offboard-bench-'));
  const paths: BenchPaths = {
    offboard: root('dist/cli/main.js'),
    naive: root('dist/bench/naive-main.js'),
    workDir,
  };
  try {
    const results = await runAll(chosen, paths);
    const figures = results.map(figuresOf);
    const verdicts = judge(figures);
    const at = new Date();
    const report = formatBenchReport({
      results,
      figures,
      verdicts,
      at,
      source: source(),
    });
    process.stdout.write(report);
    process.stdout.write(`\nwritten to ${await saveReport(report)}\n`);
    return results.every((r) => r.complete) ? 0 : 1;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

async function runAll(
  scenarios: readonly Scenario[],
  paths: BenchPaths,
): Promise<ScenarioResult[]> {
  const largest = Math.max(0, ...scenarios.map((s) => s.rows));
  const fixture = generateOrgFixture({ users: largest });
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    const { name, rows, rate } = scenario;
    process.stderr.write(`bench: ${name}, ${rows} rows at --rate ${rate} ...\n`);
    const result = await runScenario(scenario, fixture, paths);
    if (!result.complete) {
      process.stderr.write(
        `bench: ${name} did not complete:\n${result.run.stderrTail.join('\n')}\n`,
      );
    }
    results.push(result);
  }
  return results;
}

/** The commit built, and whether the working tree had changes on top of it. */
function source(): string {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: root('.'), encoding: 'utf8' }).trim();
    const commit = git('rev-parse', '--short', 'HEAD');
    const dirty = git('status', '--porcelain', '--untracked-files=no') !== '';
    return `commit ${commit}${dirty ? ', plus uncommitted changes' : ''}`;
  } catch {
    return 'not a git checkout';
  }
}

async function saveReport(text: string): Promise<string> {
  const dir = root('reports');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const path = join(dir, `bench-${stamp}.md`);
  await writeFile(path, text, { mode: 0o600 });
  return path;
}

process.exitCode = await main();
