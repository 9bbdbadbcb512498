import pLimit, { type LimitFunction } from 'p-limit';
import { type Binding, type Checked, checkBatch } from './check.js';
import type { PipelineContext } from './context.js';
import { type Decision, isActionable } from './decision.js';
import { writeDecision } from './write.js';

/**
 * Rows whose users are read again together right before their writes. One GET serves
 * the batch, so the check a write relies on is at most one batch of writes old (50
 * writes take 10 s at the default rate of 300 a minute).
 */
export const RECHECK_BATCH = 50;

/**
 * Most rows a batch holds, whatever they need. Rows that need no write ride along with
 * the batch so that rows are emitted in about manifest order; without this cap, a run
 * of them (a month of leavers already handled) would pile up in memory until 50 rows
 * that need writes came along. The cost is at most one GET per this many rows.
 */
export const MAX_BATCH_ROWS = 1_000;

/**
 * The writing stages over decisions in manifest order: check each batch of actionable
 * rows again right before writing, then send their writes with at most
 * `ctx.concurrency` rows in flight. A batch is checked once the previous batch's last
 * write has started, so a write relies on a check at most one batch of writes old.
 * `emit` gets every row's final decision as it finishes (out of order). Once
 * `ctx.signal` is aborted no new row is started; rows already sending finish and are
 * emitted, the rest are left for `--resume`.
 */
export async function execute(
  decisions: AsyncIterable<Decision> | Iterable<Decision>,
  ctx: PipelineContext,
  binding: Binding,
  emit: (decision: Decision) => void,
): Promise<void> {
  const limit = pLimit(ctx.concurrency);
  const writing: Promise<void>[] = [];
  let batch: Decision[] = [];
  let actionable = 0;

  for await (const decision of decisions) {
    if (ctx.signal?.aborted) {
      break;
    }
    batch.push(decision);
    actionable += isActionable(decision) ? 1 : 0;
    if (actionable >= RECHECK_BATCH || batch.length >= MAX_BATCH_ROWS) {
      writing.push((await startBatch(batch, ctx, binding, limit, emit)).done);
      batch = [];
      actionable = 0;
    }
  }
  if (!ctx.signal?.aborted) {
    writing.push((await startBatch(batch, ctx, binding, limit, emit)).done);
  }
  await Promise.all(writing);
}

/**
 * Checks a batch and queues its writes; returns once the last of them has started, so
 * the next batch's check overlaps the writes still in flight (at most
 * `ctx.concurrency`) and the limiter never idles between batches. `done` settles when
 * every row of the batch is emitted. It never rejects: writeDecision never throws.
 */
async function startBatch(
  batch: readonly Decision[],
  ctx: PipelineContext,
  binding: Binding,
  limit: LimitFunction,
  emit: (decision: Decision) => void,
): Promise<{ done: Promise<void> }> {
  const checked = await checkBatch(batch, ctx, binding);
  const toStart = checked.filter(isWrite).length;
  const started = countdown(toStart);
  const rows = checked.map((item) => settleOne(item, ctx, limit, emit, started.tick));
  await started.reached;
  return { done: Promise.all(rows).then(() => undefined) };
}

async function settleOne(
  item: Checked,
  ctx: PipelineContext,
  limit: LimitFunction,
  emit: (decision: Decision) => void,
  onStart: () => void,
): Promise<void> {
  if (!isWrite(item)) {
    emit(item.decision);
    return;
  }
  const { decision, fresh } = item;
  await limit(async () => {
    onStart();
    if (ctx.signal?.aborted) {
      return;
    }
    emit(await writeDecision(decision, fresh, ctx));
  });
}

function isWrite(item: Checked): item is Required<Checked> {
  return item.fresh !== undefined && isActionable(item.decision);
}

/** A promise that resolves after `tick` has been called `count` times. */
function countdown(count: number): { tick: () => void; reached: Promise<void> } {
  let left = count;
  let resolve: () => void = () => undefined;
  const reached = new Promise<void>((done) => {
    resolve = done;
  });
  if (left === 0) {
    resolve();
  }
  const tick = (): void => {
    left -= 1;
    if (left === 0) {
      resolve();
    }
  };
  return { tick, reached };
}
