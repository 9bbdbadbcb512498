/**
 * Holds finished rows' CSV lines until every earlier row is in, so the CSV comes out in
 * manifest order while rows finish in any order. It holds only rows that finished ahead
 * of a slower earlier one, so its size is bounded by the work in flight (the pipeline's
 * concurrency and the resolve batch), not by the manifest.
 */
export class RowOrder {
  readonly #waiting = new Map<number, string>();
  #next = 0;

  /** The first seq not yet released: every row before it is in the CSV. */
  get next(): number {
    return this.#next;
  }

  /** Rows that finished but wait behind a missing earlier row. */
  get waiting(): number {
    return this.#waiting.size;
  }

  /** Throws on a seq that is not a row index or was already given: a caller bug. */
  assertNew(seq: number): void {
    if (!Number.isSafeInteger(seq) || seq < 0) {
      throw new Error(`report row seq must be a non-negative integer, got ${seq}`);
    }
    if (seq < this.#next || this.#waiting.has(seq)) {
      throw new Error(`report row seq ${seq} was already written`);
    }
  }

  /** Takes one row's line; returns the lines now ready, in order (often none). */
  add(seq: number, line: string): string[] {
    this.assertNew(seq);
    this.#waiting.set(seq, line);

    const ready: string[] = [];
    for (let held = this.#waiting.get(this.#next); held !== undefined;) {
      ready.push(held);
      this.#waiting.delete(this.#next);
      this.#next += 1;
      held = this.#waiting.get(this.#next);
    }
    return ready;
  }
}
