import type { DestinationStream } from 'pino';

type Terminal = NodeJS.WritableStream & { isTTY?: boolean };

const ERASE_LINE = '\r\u001b[K';
const lines = new WeakMap<Terminal, StatusLine>();

/**
 * The line at the bottom of a terminal that the progress display redraws in place, and
 * the way everything else printed to that terminal gets past it: a log line or a
 * message first takes the line away, then puts it back, so that the two never run into
 * each other on screen. One per stream (`StatusLine.for`), since the progress display
 * and the logger are set up in different places. On anything but a terminal it
 * writes nothing of its own and passes every write straight through.
 */
export class StatusLine {
  #shown = '';

  private constructor(private readonly stream: Terminal) {}

  /** The status line of `stream`, made on first use. */
  static for(stream: Terminal): StatusLine {
    let line = lines.get(stream);
    if (!line) {
      line = new StatusLine(stream);
      lines.set(stream, line);
    }
    return line;
  }

  get enabled(): boolean {
    return this.stream.isTTY === true;
  }

  /** Draws `text` in place of what the line showed. */
  show(text: string): void {
    if (this.enabled) {
      this.#shown = text;
      this.stream.write(`\r${text}\u001b[K`);
    }
  }

  /** Empties the line, leaving the cursor at its start. */
  clear(): void {
    if (this.#shown !== '') {
      this.#shown = '';
      this.stream.write(ERASE_LINE);
    }
  }

  /** Runs `print` (which writes to this terminal) with the line out of its way. */
  around(print: () => void): void {
    const shown = this.#shown;
    this.clear();
    print();
    if (shown !== '') {
      this.show(shown);
    }
  }

  /** A log destination that writes around the line. */
  wrap(destination: DestinationStream): DestinationStream {
    return {
      write: (text: string) => {
        this.around(() => {
          destination.write(text);
        });
      },
    };
  }
}
