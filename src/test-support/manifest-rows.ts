import type { ManifestRow } from '../manifest/manifest-row.js';
import type { RowAction } from '../report/row-result.js';

/** A manifest row as the reader would yield it, for stage tests. */
export function manifestRow(seq: number, email: string, action?: RowAction): ManifestRow {
  const trimmed = email.trim();
  return {
    seq,
    row: seq + 2,
    line: seq + 2,
    email: trimmed,
    emailKey: trimmed.toLowerCase(),
    emailValid: /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(trimmed),
    action,
    extras: {},
  };
}

export async function* streamOf<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) {
    yield await Promise.resolve(item);
  }
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) {
    all.push(item);
  }
  return all;
}
