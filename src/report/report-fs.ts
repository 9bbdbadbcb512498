import { writeSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { ReportError } from '../errors/report-error.js';

/** Owner read and write only: a report names people and carries their profiles. */
export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

/** The whole text, even if the kernel takes it in more than one write. */
export function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let done = 0; done < bytes.length;) {
    done += writeSync(fd, bytes, done, bytes.length - done);
  }
}

/**
 * Checks the shape, not `instanceof Error`: Node's fs errors come from another realm
 * under Jest's vm modules, where `instanceof` is false.
 */
export function isCode(error: unknown, ...codes: string[]): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    codes.includes(String(error.code))
  );
}

function alreadyExists(file: string, cause?: unknown): ReportError {
  const hint = 'a report is never overwritten; wait a second and run again, or use --out';
  return new ReportError(
    `report file ${file} already exists: ${hint}`,
    { file },
    { cause },
  );
}

/** Creates a new file, owner-only; refuses (ReportError) if the name is taken. */
export async function createNew(file: string, flags: 'ax' | 'wx'): Promise<FileHandle> {
  try {
    return await open(file, flags, FILE_MODE);
  } catch (error) {
    throw isCode(error, 'EEXIST') ? alreadyExists(file, error) : error;
  }
}

/** Refuses (ReportError) if `file` exists. */
export async function refuseExisting(file: string): Promise<void> {
  try {
    await stat(file);
  } catch (error) {
    if (isCode(error, 'ENOENT')) {
      return;
    }
    throw error;
  }
  throw alreadyExists(file);
}

/** fsync, then close; the handle is closed even when the fsync fails. */
export async function syncAndClose(handle: FileHandle): Promise<void> {
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
