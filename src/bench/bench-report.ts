import { cpus, platform, release, totalmem } from 'node:os';
import type { ScenarioResult } from './run-scenario.js';
import { SERVER_WINDOW_SECONDS } from './scenarios.js';
import { type Figures, formatTable } from './table.js';
import type { Verdict } from './targets.js';

/** The machine the figures come from, in one line. */
export function describeMachine(): string {
  const cores = cpus();
  const model = cores[0]?.model.trim() ?? 'unknown CPU';
  const ramGb = (totalmem() / 2 ** 30).toFixed(0);
  return (
    `${model}, ${cores.length} cores, ${ramGb} GB RAM, ` +
    `${platform()} ${release()}, Node.js ${process.version}`
  );
}

/** How the job's apply compares with the naive approach on the same rows and sandbox. */
export function compareNaive(all: readonly Figures[]): string | undefined {
  const naive = all.find((f) => f.kind === 'naive');
  const job = all.find(
    (f) =>
      f.kind === 'apply' &&
      f.rows === naive?.rows &&
      f.rate === naive.rate &&
      f.action === naive.action,
  );
  if (!naive || !job) {
    return undefined;
  }
  const requests = naive.requests / job.requests;
  const wall = naive.wallSeconds / job.wallSeconds;
  return (
    `Naive approach against \`offboard apply\` (${job.rows.toLocaleString('en-GB')} rows, ` +
    `${job.action}, --rate ${job.rate}): ${naive.perRow.toFixed(2)} against ` +
    `${job.perRow.toFixed(2)} requests a row, ${requests.toFixed(2)}x the requests; ` +
    `${naive.wallSeconds.toFixed(1)} s against ${job.wallSeconds.toFixed(1)} s, ` +
    `${wall.toFixed(2)}x the wall time.`
  );
}

/** What one benchmark run found, and where and when. */
export interface BenchRun {
  readonly results: readonly ScenarioResult[];
  readonly figures: readonly Figures[];
  readonly verdicts: readonly Verdict[];
  readonly at: Date;
  /** The code measured, e.g. `commit 1a2b3c4, plus uncommitted changes`. */
  readonly source: string;
}

/** The whole report: machine, table, comparison, verdicts, and requests by endpoint. */
export function formatBenchReport(run: BenchRun): string {
  const { results, figures: all, verdicts, at, source } = run;
  const comparison = compareNaive(all);
  const sections = [
    `# offboard benchmark, ${at.toISOString()}`,
    `Machine: ${describeMachine()}. Code: ${source}.`,
    `Sandbox on 127.0.0.1; a server limit is enforced over a sliding ` +
      `${SERVER_WINDOW_SECONDS} s window, scaled from its per-minute figure.`,
    formatTable(all),
    ...(comparison ? [comparison] : []),
    ['Targets:', ...verdicts.map(formatVerdict)].join('\n'),
    ['Requests by endpoint:', ...results.map(formatEndpoints)].join('\n'),
  ];
  return `${sections.join('\n\n')}\n`;
}

function formatVerdict(v: Verdict): string {
  return `- ${v.met ? 'met' : 'NOT MET'}: target ${v.target}, ${v.scenario}: ${v.figure}`;
}

function formatEndpoints({ scenario, traffic }: ScenarioResult): string {
  const parts = Object.entries(traffic.byEndpoint).map(
    ([endpoint, n]) => `${endpoint} ${n.toLocaleString('en-GB')}`,
  );
  return `- ${scenario.name}: ${parts.join(', ')}`;
}
