import { Transform, type TransformCallback } from 'node:stream';

import { binaryContent, notUtf8, utf16Text } from './manifest-problems.js';

const LF = 0x0a;
const NUL = 0x00;

/**
 * Passes the bytes on unchanged once they are known to be UTF-8 text, and fails naming
 * the line otherwise: a UTF-16 byte-order mark, a NUL byte (a binary file), or bytes that
 * are not UTF-8. Each chunk goes through one streaming, fatal decoder; only when it fails
 * is the chunk searched line by line for the culprit. Expects LF line ends (see
 * LineEndNormaliser).
 */
export class TextGuard extends Transform {
  readonly #file: string;
  readonly #decoder = new TextDecoder('utf-8', { fatal: true });
  /** The line the next chunk starts on. */
  #line = 1;
  #atStart = true;

  constructor(file: string) {
    super();
    this.#file = file;
  }

  override _transform(chunk: Buffer, _encoding: string, callback: TransformCallback) {
    try {
      this.#check(chunk);
      this.#line += countNewlines(chunk, chunk.length);
      callback(null, chunk);
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback) {
    try {
      this.#decoder.decode();
      callback();
    } catch (error) {
      callback(notUtf8(this.#file, this.#line, error));
    }
  }

  #check(chunk: Buffer) {
    if (this.#atStart && chunk.length > 0) {
      this.#atStart = false;
      if (isUtf16Bom(chunk)) {
        throw utf16Text(this.#file);
      }
    }

    const nul = chunk.indexOf(NUL);
    if (nul !== -1) {
      throw binaryContent(this.#file, this.#line + countNewlines(chunk, nul));
    }
    try {
      this.#decoder.decode(chunk, { stream: true });
    } catch (error) {
      throw notUtf8(this.#file, this.#line + lineOfBadBytes(chunk), error);
    }
  }
}

function isUtf16Bom(chunk: Buffer): boolean {
  const [first, second] = chunk;
  return (first === 0xff && second === 0xfe) || (first === 0xfe && second === 0xff);
}

function countNewlines(chunk: Buffer, end: number): number {
  let count = 0;
  for (
    let at = chunk.indexOf(LF);
    at !== -1 && at < end;
    at = chunk.indexOf(LF, at + 1)
  ) {
    count += 1;
  }
  return count;
}

/**
 * Which line of a chunk that failed to decode holds the bad bytes, counted from the
 * chunk's first line (0). A LF byte never occurs inside a multi-byte sequence, so every
 * line after the chunk's first LF can be decoded on its own; if none of them fails, the
 * fault is in the first, which may have begun in the previous chunk.
 */
function lineOfBadBytes(chunk: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = chunk.indexOf(LF) + 1;
  for (let offset = 1; start > 0 && start < chunk.length; offset += 1) {
    const newline = chunk.indexOf(LF, start);
    const isLast = newline === -1;
    try {
      decoder.decode(chunk.subarray(start, isLast ? chunk.length : newline), {
        stream: isLast,
      });
    } catch {
      return offset;
    }
    start = newline + 1;
  }
  return 0;
}
