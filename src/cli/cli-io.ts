import type { DestinationStream } from 'pino';

/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly stdin: NodeJS.ReadableStream;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** True when a person can answer a prompt: stdin and stderr are terminals. */
  readonly interactive: boolean;
  /** Aborted by SIGINT or SIGTERM; `reason` is the signal's name. */
  readonly signal: AbortSignal;
  /** Where JSON log lines go; stderr when absent. */
  readonly logDestination?: DestinationStream;
}
