import { createHash, type Hash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import type { Decision } from '../pipeline/decision.js';
import { ChunkedWriter } from '../report/chunked-writer.js';
import { DIGEST_KEY, type PlanHeader } from './plan-file.js';

/**
 * Writes a plan as its rows are decided, so a 100,000-row plan never sits in memory.
 * The text is hashed as it is written; the digest closes the file. The plan is written
 * under a `.partial` name (mode 0600) and renamed into place by `close`, so a plan that
 * stands under its final name is always whole. Rows are written in chunks of about
 * 64 KiB, not one system call each: a `.partial` plan is never read, so nothing is lost
 * by holding the last few hundred rows until the next chunk.
 */
export class PlanWriter {
  private readonly hash: Hash = createHash('sha256');
  private rows = 0;
  private readonly out: ChunkedWriter;

  private constructor(
    private readonly fd: number,
    private readonly path: string,
  ) {
    this.out = new ChunkedWriter(fd);
  }

  static open(path: string, header: PlanHeader): PlanWriter {
    const fd = openSync(`${path}.partial`, 'wx', 0o600);
    const writer = new PlanWriter(fd, path);
    // `{...header, "rows":[` : the object is closed by `close`, after the digest.
    const head = JSON.stringify({ ...header, rows: [] }).slice(0, -2);
    writer.append(`${head}\n`);
    return writer;
  }

  add(decision: Decision): void {
    this.append(`${this.rows > 0 ? ',\n' : ''}${JSON.stringify(decision)}`);
    this.rows += 1;
  }

  /** Seals the plan with its digest and puts it under its final name. */
  close(): string {
    this.append('\n]');
    this.out.flush();
    const digest = `sha256:${this.hash.digest('hex')}`;
    writeSync(this.fd, `${DIGEST_KEY}${JSON.stringify(digest)}}\n`);
    fsyncSync(this.fd);
    closeSync(this.fd);
    renameSync(`${this.path}.partial`, this.path);
    return this.path;
  }

  private append(text: string): void {
    this.hash.update(text);
    this.out.write(text);
  }
}
