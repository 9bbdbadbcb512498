import { Transform, type TransformCallback } from 'node:stream';

const CR = 0x0d;
const LF = 0x0a;
const LF_BYTE = Buffer.from([LF]);

/**
 * Rewrites CRLF and a lone CR as LF before the bytes reach csv-parse, so that one newline
 * is one line everywhere: csv-parse counts a CRLF inside a quoted cell as two lines, which
 * would shift every row number after it. The intentional cost: a quoted cell's CRLF reaches
 * the report as LF. Chunks without a CR pass through untouched.
 */
export class LineEndNormaliser extends Transform {
  /** The previous chunk ended in CR: a LF starting this one belongs to it. */
  #pendingCr = false;

  override _transform(chunk: Buffer, _encoding: string, callback: TransformCallback) {
    callback(null, this.#normalise(chunk));
  }

  #normalise(chunk: Buffer): Buffer {
    let start = this.#pendingCr && chunk[0] === LF ? 1 : 0;
    this.#pendingCr = false;
    let cr = chunk.indexOf(CR, start);
    if (cr === -1) {
      return start === 0 ? chunk : chunk.subarray(start);
    }

    const parts: Buffer[] = [];
    while (cr !== -1) {
      parts.push(chunk.subarray(start, cr), LF_BYTE);
      start = cr + 1;
      if (start === chunk.length) {
        this.#pendingCr = true;
      } else if (chunk[start] === LF) {
        start += 1;
      }
      cr = chunk.indexOf(CR, start);
    }
    parts.push(chunk.subarray(start));
    return Buffer.concat(parts);
  }
}
