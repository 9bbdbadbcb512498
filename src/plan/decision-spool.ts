import { closeSync, createReadStream, openSync, readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Decision } from '../pipeline/decision.js';
import { ChunkedWriter } from '../report/chunked-writer.js';

const SPOOL_NAME = /^\.apply-\d+\.decisions\.jsonl$/;

/**
 * Apply's decisions, parked on disk between its read pass and its writes, so that its
 * memory does not grow with the manifest (the guards need the whole count before the
 * first write). One JSON line per decision, in a hidden file of the `--out` directory,
 * owner-only (0600) like the reports, since it holds the same profiles; `remove` deletes
 * it when the run ends.
 *
 * The caller must hold the directory's run lock: `open` deletes spools that earlier runs
 * left behind (a kill gives them no chance to clean up), and only a dead run can own one
 * while the lock is held.
 */
export class DecisionSpool {
  #count = 0;
  #fd: number | undefined;
  readonly #out: ChunkedWriter;

  private constructor(
    readonly path: string,
    fd: number,
  ) {
    this.#fd = fd;
    this.#out = new ChunkedWriter(fd);
  }

  static open(dir: string): DecisionSpool {
    removeLeftovers(dir);
    const path = join(dir, `.apply-${process.pid}.decisions.jsonl`);
    return new DecisionSpool(path, openSync(path, 'wx', 0o600));
  }

  /** Decisions added so far. */
  get count(): number {
    return this.#count;
  }

  add(decision: Decision): void {
    this.#out.write(`${JSON.stringify(decision)}\n`);
    this.#count += 1;
  }

  /** The decisions in the order they were added, read back from the file. */
  async *decisions(): AsyncGenerator<Decision> {
    this.#out.flush();
    const input = createReadStream(this.path, { encoding: 'utf8' });
    const lines = createInterface({ input, crlfDelay: Infinity });
    try {
      for await (const line of lines) {
        yield JSON.parse(line) as Decision;
      }
    } finally {
      lines.close();
      input.destroy();
    }
  }

  /** Closes and deletes the file. Safe to call twice. */
  remove(): void {
    if (this.#fd === undefined) {
      return;
    }
    closeSync(this.#fd);
    this.#fd = undefined;
    unlinkSync(this.path);
  }
}

function removeLeftovers(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (SPOOL_NAME.test(name)) {
      unlinkSync(join(dir, name));
    }
  }
}
