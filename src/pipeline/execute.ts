import pLimit from 'p-limit';
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
 * The writing stages over decisions in manifest order: check each batch of actionable
 * rows again right before writing, then send their writes with at most
 * `ctx.concurrency` rows in flight. `emit` gets every row's final decision as it
 * finishes (out of order). Once `ctx.signal` is aborted no new row is started; rows
 * already sending finish and are emitted, the rest are left for `--resume`.
 */
export async function execute(
  decisions: AsyncIterable<Decision> | Iterable<Decision>,
  ctx: PipelineContext,
  binding: Binding,
  emit: (decision: Decision) => void,
): Promise<void> {
  const limit = pLimit(ctx.concurrency);
  let batch: Decision[] = [];
  let actionable = 0;

  for await (const decision of decisions) {
    if (ctx.signal?.aborted) {
      break;
    }
    batch.push(decision);
    actionable += isActionable(decision) ? 1 : 0;
    if (actionable >= RECHECK_BATCH) {
      await runBatch(batch, ctx, binding, limit, emit);
      batch = [];
      actionable = 0;
    }
  }
  if (!ctx.signal?.aborted) {
    await runBatch(batch, ctx, binding, limit, emit);
  }
}

async function runBatch(
  batch: readonly Decision[],
  ctx: PipelineContext,
  binding: Binding,
  limit: ReturnType<typeof pLimit>,
  emit: (decision: Decision) => void,
): Promise<void> {
  const checked = await checkBatch(batch, ctx, binding);
  await Promise.all(checked.map((item) => settleOne(item, ctx, limit, emit)));
}

async function settleOne(
  { decision, fresh }: Checked,
  ctx: PipelineContext,
  limit: ReturnType<typeof pLimit>,
  emit: (decision: Decision) => void,
): Promise<void> {
  if (!fresh || !isActionable(decision)) {
    emit(decision);
    return;
  }
  await limit(async () => {
    if (ctx.signal?.aborted) {
      return;
    }
    emit(await writeDecision(decision, fresh, ctx));
  });
}
