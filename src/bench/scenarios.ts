/** Which program a scenario runs: the job's two commands, or the naive approach. */
export type ScenarioKind = 'plan' | 'apply' | 'naive';

/** One line of the benchmark's table. */
export interface Scenario {
  readonly name: string;
  readonly kind: ScenarioKind;
  /** Manifest rows: users 1..rows of the generated org, every one active and idle. */
  readonly rows: number;
  readonly action: 'deactivate' | 'delete';
  /** `--rate`, requests per minute. */
  readonly rate: number;
  /** The limit the sandbox enforces a minute (see SERVER_WINDOW_SECONDS); none if undefined. */
  readonly serverLimit: number | undefined;
  /** Target 2: most requests a row may take in a fault-free run. */
  readonly ceiling?: number;
  /** Target 4 (memory and CPU) is judged on this scenario. */
  readonly resources?: boolean;
  /**
   * The state the manifest's users start in (default `active`). `inactive` makes an
   * apply with nothing to write: every row reads, waits in the spool and is reported.
   */
  readonly usersStart?: 'active' | 'inactive';
}

/**
 * The sandbox enforces its limit over a sliding window this long, scaled (6000 a minute
 * is 1000 in any 10 s). A 60 s window would never fill in runs that last 10 to 30 s, so
 * a burst would go unnoticed; a 10 s window catches one.
 */
export const SERVER_WINDOW_SECONDS = 10;

/**
 * The rate of most scenarios. Genesys' default is 300 a minute, at which the 1,000-row
 * ones would take 3 to 17 minutes each; request counts per row do not depend on the
 * rate. The plan has 10,000 rows so that its 400 requests make a steady measure.
 */
export const BENCH_RATE = 6_000;

/**
 * A rate so high that the limiter spaces starts 0.01 ms apart: no wait worth the
 * name, so the run measures the job's own memory and CPU, not the limiter.
 */
export const LIMITER_OFF_RATE = 6_000_000;

/** Every scenario of `npm run bench`, in the order they run: about three and a half minutes. */
export const SCENARIOS: readonly Scenario[] = [
  { ...job('plan', 10_000, 'deactivate'), ceiling: 0.05 },
  { ...job('apply', 1_000, 'deactivate'), ceiling: 1.05 },
  { ...job('apply', 1_000, 'delete'), ceiling: 2.05 },
  { ...job('apply', 1_000, 'delete'), kind: 'naive', name: 'naive delete' },
  {
    ...job('apply', 100, 'deactivate'),
    name: 'apply deactivate @300',
    rate: 300,
    serverLimit: 300,
    ceiling: 1.05,
  },
  {
    ...job('apply', 1_000, 'deactivate'),
    name: 'apply, server at 3000',
    serverLimit: 3_000,
  },
  {
    ...job('plan', 100_000, 'deactivate'),
    name: 'plan 100k, limiter off',
    rate: LIMITER_OFF_RATE,
    serverLimit: undefined,
    ceiling: 0.05,
    resources: true,
  },
  {
    ...job('apply', 100_000, 'deactivate'),
    name: 'apply 100k, all done already',
    rate: LIMITER_OFF_RATE,
    serverLimit: undefined,
    usersStart: 'inactive',
  },
];

/** A run of the job at BENCH_RATE against a sandbox enforcing the same. */
function job(kind: 'plan' | 'apply', rows: number, action: Scenario['action']): Scenario {
  const name = kind === 'plan' ? 'plan' : `apply ${action}`;
  return { name, kind, rows, action, rate: BENCH_RATE, serverLimit: BENCH_RATE };
}
