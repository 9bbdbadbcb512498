/** Exit codes of the contract (PRODUCT.md). Scripts and cron alerting depend on them. */
export const ExitCode = {
  /** Every row is done. */
  Done: 0,
  /** Some rows need attention or failed; the report says which. */
  Attention: 1,
  /** Usage, configuration or manifest error; nothing changed. */
  Usage: 2,
  /** A safety guard stopped the run before any change. */
  Guard: 3,
  /** SIGINT, after finishing the rows in flight and writing the report. */
  Interrupted: 130,
  /** SIGTERM, likewise. */
  Terminated: 143,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
