import { StatusLine } from './status-line.js';

/** Fewest milliseconds between two redraws: a few a second is readable and cheap. */
const REDRAW_MS = 250;

export interface ProgressOptions {
  readonly total: number;
  /** Where the line is drawn; only a terminal gets one (cron mail stays clean). */
  readonly stream: NodeJS.WritableStream & { isTTY?: boolean };
  readonly now?: () => number;
}

/**
 * A one-line progress display for long runs: rows done of total, rows a second, and
 * the time left at that pace. Drawn on the stream's StatusLine, at most every
 * REDRAW_MS, so log lines and messages get past it cleanly; does nothing at all when
 * the stream is not a terminal.
 */
export class Progress {
  private done = 0;
  private lastDraw = 0;
  private readonly startedAt: number;
  private readonly now: () => number;
  private readonly status: StatusLine;

  constructor(private readonly options: ProgressOptions) {
    this.now = options.now ?? Date.now;
    this.startedAt = this.now();
    this.status = StatusLine.for(options.stream);
  }

  /** One more row finished. */
  tick(): void {
    this.done += 1;
    if (!this.status.enabled || this.now() - this.lastDraw < REDRAW_MS) {
      return;
    }
    this.lastDraw = this.now();
    this.status.show(this.line());
  }

  /** Clears the line, so the summary starts on a clean one. */
  finish(): void {
    this.status.clear();
  }

  /** The text of the line, e.g. `rows 120/1000  4.8/s  about 3m left`. */
  line(): string {
    const seconds = Math.max((this.now() - this.startedAt) / 1000, 0.001);
    const rate = this.done / seconds;
    const left = rate > 0 ? (this.options.total - this.done) / rate : Number.NaN;
    return `rows ${this.done}/${this.options.total}  ${rate.toFixed(1)}/s  ${formatLeft(left)}`;
  }
}

function formatLeft(seconds: number): string {
  if (!Number.isFinite(seconds)) {
    return '';
  }
  if (seconds < 90) {
    return `about ${Math.ceil(seconds)}s left`;
  }
  return `about ${Math.ceil(seconds / 60)}m left`;
}
