import { describe, expect, it } from '@jest/globals';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { ManifestError } from '../errors/manifest-error.js';
import { TextGuard } from './text-guard.js';

/** Feeds the chunks through a guard exactly as split, and returns what came out. */
async function guard(chunks: Buffer[]): Promise<Buffer> {
  const out: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      out.push(chunk);
      done();
    },
  });
  await pipeline(
    Readable.from(chunks, { objectMode: false }),
    new TextGuard('leavers.csv'),
    sink,
  );
  return Buffer.concat(out);
}

async function lineOfFailure(chunks: Buffer[]): Promise<number | undefined> {
  const error = await guard(chunks).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ManifestError);
  return (error as ManifestError).where.line;
}

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => Buffer.from(part)));

describe('TextGuard', () => {
  it('passes UTF-8 through unchanged even when a character is split between chunks', async () => {
    const text = Buffer.from('email\nbjörn@example.com\n');
    const split = text.indexOf(0xc3) + 1;
    expect(await guard([text.subarray(0, split), text.subarray(split)])).toEqual(text);
  });

  it('names the line of a bad byte in a later chunk, counting earlier chunks', async () => {
    const chunks = [bytes('email\na@x.com\n'), bytes('b@x.com\nc@x', [0xff], '.com\n')];
    expect(await lineOfFailure(chunks)).toBe(4);
  });

  it('names the line of a bad byte that continues a line from the previous chunk', async () => {
    const chunks = [bytes('email\na@x', [0xc3]), bytes([0x28], '.com\nb@x.com\n')];
    expect(await lineOfFailure(chunks)).toBe(2);
  });

  it('names the line of a NUL byte', async () => {
    expect(await lineOfFailure([bytes('email\n\na@x.com', [0], '\n')])).toBe(3);
  });

  it('refuses a UTF-16 big-endian byte-order mark on line 1', async () => {
    expect(await lineOfFailure([bytes([0xfe, 0xff, 0, 0x65])])).toBe(1);
  });
});
