import type { ManifestRow } from '../manifest/manifest-row.js';
import type { RowAction } from '../report/row-result.js';
import { failureOf } from './call-trace.js';
import { checkBatch } from './check.js';
import type { PipelineContext } from './context.js';
import type { Decision } from './decision.js';
import { decide, settle } from './decide.js';
import { matchEmail } from './match.js';
import { resolveBatch, SEARCH_VALUES_LIMIT, searchValuesFor } from './resolve.js';

/**
 * Batches whose lookups may be under way at once. With one, the limiter sits idle while
 * each answer travels back; two keep it busy at any rate, and memory stays at a few
 * batches. decideBatch never rejects (a failed lookup becomes `failed` rows), so a
 * batch waiting its turn cannot become an unhandled rejection.
 */
const BATCHES_IN_FLIGHT = 2;

interface Entry {
  readonly row: ManifestRow;
  readonly action: RowAction;
  /** Set when the row is settled without a lookup (invalid-email, duplicate). */
  readonly settled?: Decision;
}

/** Consecutive manifest rows that one search resolves. */
class Batch {
  readonly entries: Entry[] = [];
  private readonly values = new Set<string>();

  /** True when the row's emails still fit in this batch's one search. */
  fits(row: ManifestRow): boolean {
    const added = searchValuesFor(row).filter((value) => !this.values.has(value));
    return this.values.size + added.length <= SEARCH_VALUES_LIMIT;
  }

  add(entry: Entry): void {
    this.entries.push(entry);
    if (!entry.settled) {
      searchValuesFor(entry.row).forEach((value) => this.values.add(value));
    }
  }
}

/**
 * The read-only stages over a stream of manifest rows: settle what needs no lookup,
 * resolve the rest in searches of up to 50 values, and (`checkBusy`) check their users'
 * conversations. Yields one decision per row, in manifest order. Memory holds one batch
 * plus the set of emails seen (for `duplicate`), about 100 bytes a row. Once
 * `ctx.signal` is aborted it stops before the next row, yielding what it started.
 */
export async function* survey(
  rows: AsyncIterable<ManifestRow>,
  ctx: PipelineContext,
  options: { checkBusy: boolean },
): AsyncGenerator<Decision> {
  const seen = new Set<string>();
  let batch = new Batch();
  const inFlight: Promise<Decision[]>[] = [];

  for await (const row of rows) {
    if (ctx.signal?.aborted) {
      break;
    }
    const action = row.action ?? ctx.defaultAction;
    const settled = settleEarly(row, action, seen);
    if (!settled && !batch.fits(row)) {
      inFlight.push(decideBatch(batch, ctx, options));
      batch = new Batch();
    }
    if (inFlight.length >= BATCHES_IN_FLIGHT) {
      yield* await (inFlight.shift() ?? []);
    }
    batch.add({ row, action, ...(settled ? { settled } : {}) });
  }
  if (!ctx.signal?.aborted) {
    inFlight.push(decideBatch(batch, ctx, options));
  }
  for (const decided of inFlight) {
    yield* await decided;
  }
}

function settleEarly(
  row: ManifestRow,
  action: RowAction,
  seen: Set<string>,
): Decision | undefined {
  if (!row.emailValid) {
    const detail = row.email ? 'not an email address' : 'the email cell is empty';
    return settle(row, action, 'invalid-email', { detail });
  }
  if (seen.has(row.emailKey)) {
    return settle(row, action, 'duplicate', {
      detail: 'the same email is on an earlier row',
    });
  }
  seen.add(row.emailKey);
  return undefined;
}

async function decideBatch(
  batch: Batch,
  ctx: PipelineContext,
  options: { checkBusy: boolean },
): Promise<Decision[]> {
  const pending = batch.entries.filter((entry) => !entry.settled);
  if (pending.length === 0) {
    return batch.entries.map((entry) => entry.settled).filter((d) => d !== undefined);
  }

  const decisions = await resolveEntries(batch.entries, pending, ctx);
  if (!options.checkBusy) {
    return decisions;
  }
  const checked = await checkBatch(decisions, ctx, 'follow');
  return checked.map((item) => item.decision);
}

async function resolveEntries(
  entries: readonly Entry[],
  pending: readonly Entry[],
  ctx: PipelineContext,
): Promise<Decision[]> {
  try {
    const { users, call } = await resolveBatch(
      pending.map((entry) => entry.row),
      ctx,
    );
    return entries.map(
      (entry) =>
        entry.settled ??
        decide(
          entry.row,
          entry.action,
          matchEmail(entry.row.emailKey, users),
          ctx.protect,
          call,
        ),
    );
  } catch (err) {
    const failure = failureOf(err);
    ctx.logger.error(
      { stage: 'resolve', err: failure.detail },
      'search failed for a batch',
    );
    return entries.map(
      (entry) => entry.settled ?? settle(entry.row, entry.action, 'failed', failure),
    );
  }
}
