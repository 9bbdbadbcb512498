import { Transform, type TransformCallback } from 'node:stream';

import { binaryContent, notUtf8, utf16Text } from './manifest-problems.js';

const LF = 0x0a;
const NUL = 0x00;

/**
 * Passes the bytes on unchanged once they are known to be UTF-8 text, and fails naming
 * the line otherwise: a UTF-16 byte-order mark, a NUL byte (a binary file), or bytes that
 * are not UTF-8. Each line is decoded on its own with a streaming, fatal decoder: a LF
 * byte never occurs inside a multi-byte sequence, so the line that fails is the line that
 * holds the bad bytes. Expects LF line ends (see LineEndNormaliser).
 */
export class TextGuard extends Transform {
  readonly #file: string;
  readonly #decoder = new TextDecoder('utf-8', { fatal: true });
  #line = 1;
  #atStart = true;

  constructor(file: string) {
    super();
    this.#file = file;
  }

  override _transform(chunk: Buffer, _encoding: string, callback: TransformCallback) {
    try {
      this.#check(chunk);
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

    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(LF, start);
      const end = newline === -1 ? chunk.length : newline + 1;
      this.#checkLine(chunk.subarray(start, end));
      if (newline !== -1) {
        this.#line += 1;
      }
      start = end;
    }
  }

  #checkLine(bytes: Buffer) {
    if (bytes.includes(NUL)) {
      throw binaryContent(this.#file, this.#line);
    }
    try {
      this.#decoder.decode(bytes, { stream: true });
    } catch (error) {
      throw notUtf8(this.#file, this.#line, error);
    }
  }
}

function isUtf16Bom(chunk: Buffer): boolean {
  const [first, second] = chunk;
  return (first === 0xff && second === 0xfe) || (first === 0xfe && second === 0xff);
}
