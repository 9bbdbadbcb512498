import type { InfoRecord } from 'csv-parse';

/**
 * Follows csv-parse as it emits records, to know the line each record starts on.
 * csv-parse reports only the line where a record ends (`lines`) and how many blank lines
 * it has skipped (`empty_lines`); a record starts one line past the previous record's
 * end plus the blank lines skipped since. The same sum places a quote left open on the
 * line where it was opened rather than where csv-parse gave up, often the end of file.
 *
 * It runs as csv-parse emits each record (its `on_record` hook), not as we consume them,
 * because a parse error discards the records still buffered: the count must already
 * include them when the error arrives.
 */
export class RecordLines {
  #endLine = 0;
  #emptyLines = 0;
  readonly #starts = new WeakMap<string[], number>();
  /** The first record with any text in it, which is the header. */
  #header: string[] | undefined;

  /** The `on_record` hook: notes where the record starts and drops blank records. */
  readonly track = (cells: string[], info: InfoRecord): string[] | undefined => {
    const start = this.nextStart(info.empty_lines);
    this.#endLine = info.lines;
    this.#emptyLines = info.empty_lines;
    if (cells.every((cell) => cell.trim() === '')) {
      return undefined;
    }
    this.#header ??= cells;
    this.#starts.set(cells, start);
    return cells;
  };

  /** The line a record passed by `track` starts on. */
  startOf(cells: string[]): number {
    return this.#starts.get(cells) ?? this.#endLine;
  }

  /** Where the next record starts, given csv-parse's count of blank lines so far. */
  nextStart(emptyLines: number): number {
    return this.#endLine + 1 + emptyLines - this.#emptyLines;
  }

  /** Header text for a 0-based cell index, or "column N" before the header is known. */
  columnName(index: number): string {
    return this.#header?.[index] ?? `column ${index + 1}`;
  }
}
