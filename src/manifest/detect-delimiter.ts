import { open } from 'node:fs/promises';

import { DELIMITER_SNIFF_BYTES } from './limits.js';

const QUOTE = 0x22;
const COMMA = 0x2c;
const SEMICOLON = 0x3b;
const LF = 0x0a;
const CR = 0x0d;

/** Bytes that do not make a line the header: whitespace, a BOM's bytes, delimiters. */
const FILLER = new Set([0x20, 0x09, 0xef, 0xbb, 0xbf, COMMA, SEMICOLON]);

export type Delimiter = ',' | ';';

interface LineCount {
  commas: number;
  semicolons: number;
  hasText: boolean;
}

/**
 * Picks the delimiter from the header: the first line with any text in it (lines of only
 * whitespace or delimiters, as spreadsheets leave above a table, are passed over). The
 * delimiter seen more often outside quotes wins; a tie, or no delimiter at all (a single
 * `email` column), means comma.
 */
export function detectDelimiter(head: Uint8Array): Delimiter {
  let line: LineCount = { commas: 0, semicolons: 0, hasText: false };
  let quoting = false;
  for (const byte of head) {
    if (byte === QUOTE) {
      quoting = !quoting;
      line.hasText = true;
    } else if (quoting) {
      continue;
    } else if (byte === LF || byte === CR) {
      if (line.hasText) {
        break;
      }
      line = { commas: 0, semicolons: 0, hasText: false };
    } else {
      countByte(line, byte);
    }
  }
  return line.semicolons > line.commas ? ';' : ',';
}

function countByte(line: LineCount, byte: number) {
  if (byte === COMMA) {
    line.commas += 1;
  } else if (byte === SEMICOLON) {
    line.semicolons += 1;
  }
  if (!FILLER.has(byte)) {
    line.hasText = true;
  }
}

/**
 * Reads only the first 64 KiB of the file to decide: a header longer than that is
 * decided from its first 64 KiB, which is plenty. File errors surface here first.
 */
export async function sniffDelimiter(path: string): Promise<Delimiter> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(DELIMITER_SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return detectDelimiter(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}
