import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Config } from '../config/config.js';
import { GuardError } from '../errors/guard-error.js';
import { UsageError } from '../errors/usage-error.js';
import type { Decision } from '../pipeline/decision.js';
import { DIGEST_KEY, PLAN_FORMAT, type PlanHeader } from './plan-file.js';

/** Why a plan is refused as altered, in the order they are checked. */
const NOT_A_PLAN = `it is not an ${PLAN_FORMAT} plan written by offboard plan`;
const CUT_SHORT = 'it is not valid JSON (cut short or edited)';
const EDITED = 'its digest does not match its content: it was edited after planning';

/**
 * Reads a plan in one streamed pass, handing each row to `onRow` in order, and refuses
 * (exit 3, saying which) one that was edited or cut short, has expired, or was made
 * against another org. The rows are only good once this resolves: when it throws, the
 * caller must discard the rows it was handed. Memory stays flat whatever the plan's
 * size; this relies on the layout PlanWriter writes (see plan-file.ts), which the digest
 * pins byte for byte.
 */
export async function readPlan(
  path: string,
  config: Config,
  now: Date,
  onRow: (decision: Decision) => void,
): Promise<PlanHeader> {
  const reader = new PlanReader(path, onRow);
  try {
    const input = createReadStream(path, { encoding: 'utf8' });
    for await (const line of createInterface({ input, crlfDelay: Infinity })) {
      reader.take(line);
    }
  } catch (cause) {
    if (cause instanceof GuardError) {
      throw cause;
    }
    throw new UsageError(`cannot read the plan ${path}`, { file: path }, { cause });
  }
  const header = reader.finish();
  assertSameOrg(header, config, path);
  assertNotExpired(header, now, path);
  return header;
}

/**
 * Follows a plan line by line: the header, one row per line, then `]` and the digest.
 * A line is only known to be the last once the next one arrives, so each is held back
 * by one. Everything before the digest is hashed as it passes.
 */
class PlanReader {
  readonly #hash = createHash('sha256');
  #header: PlanHeader | undefined;
  #held: string | undefined;
  #cutShort = false;

  constructor(
    private readonly path: string,
    private readonly onRow: (decision: Decision) => void,
  ) {}

  take(line: string): void {
    if (this.#held !== undefined) {
      this.#body(this.#held);
    }
    this.#held = line;
  }

  /** The header, once the whole plan has been read and found intact. */
  finish(): PlanHeader {
    const { path } = this;
    const last = this.#held ?? '';
    const at = last.lastIndexOf(DIGEST_KEY);
    if (!this.#header) {
      throw altered(path, NOT_A_PLAN);
    }
    if (at < 0 || this.#cutShort || last.slice(0, at) !== ']') {
      throw altered(path, CUT_SHORT);
    }
    this.#hash.update(last.slice(0, at));
    const computed = `sha256:${this.#hash.digest('hex')}`;
    if (computed !== digestIn(last.slice(at))) {
      throw altered(path, EDITED);
    }
    return this.#header;
  }

  #body(line: string): void {
    this.#hash.update(`${line}\n`);
    if (!this.#header) {
      this.#header = headerIn(line);
      if (!this.#header) {
        throw altered(this.path, NOT_A_PLAN);
      }
      return;
    }
    if (this.#cutShort || line === '') {
      return;
    }
    const row = rowIn(line);
    if (row) {
      this.onRow(row);
    } else {
      this.#cutShort = true;
    }
  }
}

/** The first line, the header object up to `"rows":[`; undefined for anything else. */
function headerIn(line: string): PlanHeader | undefined {
  const parsed = parseOrUndefined(`${line}]}`) as
    (PlanHeader & { rows?: [] }) | undefined;
  if (parsed?.format !== PLAN_FORMAT) {
    return undefined;
  }
  delete parsed.rows;
  return parsed;
}

/** A row line, its separating comma dropped; undefined when it is not a row. */
function rowIn(line: string): Decision | undefined {
  const row = parseOrUndefined(line.endsWith(',') ? line.slice(0, -1) : line);
  const isRow = typeof row === 'object' && row !== null && 'row' in row;
  return isRow ? (row as Decision) : undefined;
}

/** The digest from `,"digest":"sha256:..."}`, or undefined. */
function digestIn(tail: string): string | undefined {
  const parsed = parseOrUndefined(`{${tail.slice(1)}`) as
    { digest?: unknown } | undefined;
  return typeof parsed?.digest === 'string' ? parsed.digest : undefined;
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function assertSameOrg(plan: PlanHeader, config: Config, path: string): void {
  if (plan.org.apiUrl === config.apiUrl && plan.org.clientId === config.clientId) {
    return;
  }
  throw new GuardError(
    'other-org',
    `the plan ${path} was made against ${plan.org.apiUrl} with another client or host ` +
      `than this run's ${config.apiUrl}; plan again against this org`,
    { planApiUrl: plan.org.apiUrl, apiUrl: config.apiUrl },
  );
}

function assertNotExpired(plan: PlanHeader, now: Date, path: string): void {
  if (now.getTime() <= Date.parse(plan.expiresAt)) {
    return;
  }
  throw new GuardError(
    'expired-plan',
    `the plan ${path} expired at ${plan.expiresAt}; run plan again and review the new one`,
    { expiresAt: plan.expiresAt },
  );
}

function altered(path: string, why: string): GuardError {
  return new GuardError(
    'altered-plan',
    `refusing the plan ${path}: ${why}; run plan again`,
    {
      file: path,
    },
  );
}
