/**
 * Largest record csv-parse will assemble (its `max_record_size`, counted in bytes of the
 * record being built). A leaver's row is a few hundred bytes; anything near this is a
 * wrong file or a quote left open that swallows the rest of it, and the cap keeps memory
 * flat while reading such a file.
 */
export const MAX_RECORD_BYTES = 1024 * 1024;

/** Longest cell accepted, in UTF-16 code units (JavaScript string length). */
export const MAX_CELL_CHARS = 4096;

/** How much of the file's start is read to decide between comma and semicolon. */
export const DELIMITER_SNIFF_BYTES = 64 * 1024;
