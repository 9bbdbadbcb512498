import type { ScenarioResult } from './run-scenario.js';
import type { ScenarioKind } from './scenarios.js';
import { utilisation } from './traffic.js';

/** The figures of one scenario, as the table shows them. */
export interface Figures {
  readonly scenario: string;
  readonly kind: ScenarioKind;
  readonly action: 'deactivate' | 'delete';
  /** Target 2's most requests a row, when the scenario is judged on it. */
  readonly ceiling: number | undefined;
  /** Target 4 is judged on this scenario. */
  readonly resources: boolean;
  readonly rows: number;
  readonly rate: number;
  readonly serverLimit: number | undefined;
  readonly requests: number;
  readonly perRow: number;
  readonly throttled: number;
  /** Of `rate`, from the first request to the last; undefined below two requests. */
  readonly utilisation: number | undefined;
  readonly wallSeconds: number;
  readonly peakRssMb: number | undefined;
  readonly cpuMsPerRow: number | undefined;
  readonly complete: boolean;
  readonly exitCode: number | null;
}

export function figuresOf(result: ScenarioResult): Figures {
  const { scenario, run, traffic } = result;
  const { figures } = run;
  return {
    scenario: scenario.name,
    kind: scenario.kind,
    action: scenario.action,
    ceiling: scenario.ceiling,
    resources: scenario.resources === true,
    rows: scenario.rows,
    rate: scenario.rate,
    serverLimit: scenario.serverLimit,
    requests: traffic.requests,
    perRow: traffic.requests / scenario.rows,
    throttled: traffic.throttled,
    utilisation: utilisation(traffic, scenario.rate),
    wallSeconds: run.wallMs / 1000,
    peakRssMb: figures && figures.maxRssKb / 1024,
    cpuMsPerRow: figures && figures.cpuMs / scenario.rows,
    complete: result.complete,
    exitCode: run.code,
  };
}

const HEADER = [
  'scenario',
  'rows',
  '--rate',
  'server limit',
  'requests',
  'requests/row',
  '429s',
  'utilisation',
  'wall s',
  'peak RSS MB',
  'CPU ms/row',
  'complete',
];

/** A Markdown table, one line per scenario; `-` where a figure does not apply. */
export function formatTable(all: readonly Figures[]): string {
  const lines = all.map((f) => [
    f.scenario,
    count(f.rows),
    count(f.rate),
    f.serverLimit === undefined ? 'none' : count(f.serverLimit),
    count(f.requests),
    f.perRow.toFixed(3),
    count(f.throttled),
    f.utilisation === undefined ? '-' : `${(f.utilisation * 100).toFixed(1)}%`,
    f.wallSeconds.toFixed(1),
    f.peakRssMb === undefined ? '-' : f.peakRssMb.toFixed(0),
    f.cpuMsPerRow === undefined ? '-' : f.cpuMsPerRow.toFixed(3),
    f.complete ? 'yes' : `no (exit ${String(f.exitCode)})`,
  ]);
  const rows = [HEADER, HEADER.map(() => '---'), ...lines];
  return rows.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

function count(n: number): string {
  return n.toLocaleString('en-GB');
}
