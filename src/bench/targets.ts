import type { Figures } from './table.js';

/** One target of the benchmark, judged on the figures of one scenario. */
export interface Verdict {
  readonly target: string;
  readonly scenario: string;
  readonly figure: string;
  readonly met: boolean;
}

/** 429s that still count as rare once the job has slowed to a lower server limit. */
export const RARE_THROTTLE_SHARE = 0.01;

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;

/**
 * Judges every target the figures can speak to. Rate targets apply where the sandbox
 * enforces exactly `--rate`; the slow-down target where it enforces less.
 */
export function judge(all: readonly Figures[]): Verdict[] {
  return all.flatMap((f) => [
    ...requestTargets(f),
    ...rateTargets(f),
    ...slowDownTargets(f),
    ...resourceTargets(f),
  ]);
}

function requestTargets(f: Figures): Verdict[] {
  if (f.ceiling === undefined) {
    return [];
  }
  const figure = `${f.perRow.toFixed(3)} requests/row (at most ${f.ceiling})`;
  return [
    { target: '2 requests', scenario: f.scenario, figure, met: f.perRow <= f.ceiling },
  ];
}

function rateTargets(f: Figures): Verdict[] {
  if (f.serverLimit !== f.rate || f.kind === 'naive') {
    return [];
  }
  const used = f.utilisation ?? 0;
  const figure = `${f.throttled} 429s, ${pct(used)} of --rate (0 and at least 95%)`;
  const met = f.throttled === 0 && used >= 0.95;
  return [{ target: '3 rate', scenario: f.scenario, figure, met }];
}

function slowDownTargets(f: Figures): Verdict[] {
  if (f.serverLimit === undefined || f.serverLimit >= f.rate) {
    return [];
  }
  const share = f.requests > 0 ? f.throttled / f.requests : 0;
  const ofServer = ((f.utilisation ?? 0) * f.rate) / f.serverLimit;
  const figure =
    `${f.throttled} 429s (${pct(share)} of requests, rare: at most ` +
    `${pct(RARE_THROTTLE_SHARE)}), every row done: ${f.complete ? 'yes' : 'no'}, ` +
    `${pct(ofServer)} of the server's limit used`;
  const met = share <= RARE_THROTTLE_SHARE && f.complete;
  return [{ target: '3 slow-down', scenario: f.scenario, figure, met }];
}

function resourceTargets(f: Figures): Verdict[] {
  if (!f.resources || f.peakRssMb === undefined || f.cpuMsPerRow === undefined) {
    return [];
  }
  return [
    {
      target: '4 memory',
      scenario: f.scenario,
      figure: `${f.peakRssMb.toFixed(0)} MB peak RSS (under 150)`,
      met: f.peakRssMb < 150,
    },
    {
      target: '4 CPU',
      scenario: f.scenario,
      figure: `${f.cpuMsPerRow.toFixed(3)} ms CPU/row (under 0.2)`,
      met: f.cpuMsPerRow < 0.2,
    },
  ];
}
