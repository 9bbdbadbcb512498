import { writeAll } from './report-fs.js';

/** About 64 KiB of text: what ChunkedWriter gathers before one system call. */
const CHUNK_CHARS = 64 * 1024;

/**
 * Appends text to an open file in chunks of about 64 KiB rather than one system call
 * per piece. For files nobody reads until they are finished (a `.partial` plan,
 * apply's decision spool): text not yet flushed is lost if the process dies, so never
 * for a report, whose every line must be on disk when its row is done.
 */
export class ChunkedWriter {
  private pending: string[] = [];
  private pendingChars = 0;

  constructor(private readonly fd: number) {}

  write(text: string): void {
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= CHUNK_CHARS) {
      this.flush();
    }
  }

  /** Writes out whatever is gathered. */
  flush(): void {
    if (this.pending.length > 0) {
      writeAll(this.fd, this.pending.join(''));
      this.pending = [];
      this.pendingChars = 0;
    }
  }
}
