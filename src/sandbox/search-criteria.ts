import { isRecord } from './body.js';
import type { SandboxUser } from './fixture-types.js';

/** Limits the real search enforces, so a client that breaks them fails here first. */
export const MAX_VALUES_PER_CRITERION = 50;
export const MAX_VALUE_LENGTH = 300;

const SEARCHABLE_FIELDS = new Set(['email', 'username', 'id', 'state']);
const CASE_INSENSITIVE_FIELDS = new Set(['email', 'username']);

/** A validated EXACT criterion: a user matches when any field equals any value. */
export interface ExactCriterion {
  fields: string[];
  values: string[];
}

/**
 * Validates one entry of `query`. The sandbox supports only what the job needs (EXACT on
 * email, username, id and state, ANDed together) and refuses the rest with a message,
 * so a client that strays from that finds out here and not against a real org.
 */
export function readCriterion(raw: unknown, index: number): ExactCriterion | string {
  const at = `query[${index}]`;
  if (!isRecord(raw)) {
    return `${at} must be an object.`;
  }
  if (raw.type !== 'EXACT') {
    return `${at}.type ${JSON.stringify(raw.type)} is not supported by the sandbox: use EXACT.`;
  }
  if (raw.group !== undefined || (raw.operator !== undefined && raw.operator !== 'AND')) {
    return `${at}: groups and operators other than AND are not supported by the sandbox.`;
  }

  const fields = stringList(raw.fields);
  const badField = fields?.find((f) => !SEARCHABLE_FIELDS.has(f));
  if (!fields || fields.length === 0 || badField !== undefined) {
    return `${at}.fields must list some of ${[...SEARCHABLE_FIELDS].join(', ')}.`;
  }

  return readValues(raw, at, fields);
}

function readValues(
  raw: Record<string, unknown>,
  at: string,
  fields: string[],
): ExactCriterion | string {
  const values =
    raw.values === undefined ? stringList([raw.value]) : stringList(raw.values);
  if (!values || values.length === 0) {
    return `${at} needs a string value or a non-empty values list.`;
  }
  if (values.length > MAX_VALUES_PER_CRITERION) {
    const limit = MAX_VALUES_PER_CRITERION;
    return `${at}.values has ${values.length} entries; at most ${limit} are allowed.`;
  }
  if (values.some((v) => v.length > MAX_VALUE_LENGTH)) {
    return `${at} has a value longer than ${MAX_VALUE_LENGTH} characters.`;
  }
  return { fields, values };
}

function stringList(raw: unknown): string[] | undefined {
  if (!Array.isArray(raw) || !raw.every((v): v is string => typeof v === 'string')) {
    return undefined;
  }
  return raw;
}

export function matches(user: SandboxUser, criterion: ExactCriterion): boolean {
  return criterion.fields.some((field) => {
    const actual = (user as unknown as Record<string, unknown>)[field];
    if (typeof actual !== 'string') {
      return false;
    }
    const fold = CASE_INSENSITIVE_FIELDS.has(field);
    const have = fold ? actual.toLowerCase() : actual;
    return criterion.values.some((v) => (fold ? v.toLowerCase() : v) === have);
  });
}
