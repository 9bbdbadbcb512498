import { describe, expect, it } from '@jest/globals';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';

import { LineEndNormaliser } from './line-end-normaliser.js';

const normalise = (chunks: string[]) =>
  text(
    Readable.from(chunks.map((chunk) => Buffer.from(chunk))).pipe(
      new LineEndNormaliser(),
    ),
  );

describe('LineEndNormaliser', () => {
  it('turns CRLF and lone CR into LF and leaves LF alone', async () => {
    expect(await normalise(['a\r\nb\rc\nd\r\r\ne'])).toBe('a\nb\nc\nd\n\ne');
  });

  it('treats a CRLF split between chunks as one line end', async () => {
    expect(await normalise(['a\r', '\nb\r', 'c'])).toBe('a\nb\nc');
  });

  it('passes a chunk without CR through untouched', async () => {
    expect(await normalise(['a\nb\n', '\nc'])).toBe('a\nb\n\nc');
  });
});
