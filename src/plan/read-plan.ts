import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Config } from '../config/config.js';
import { GuardError } from '../errors/guard-error.js';
import { UsageError } from '../errors/usage-error.js';
import { DIGEST_KEY, PLAN_FORMAT, type PlanFile } from './plan-file.js';

/**
 * Reads a plan and refuses, before any request that writes, one that was edited or cut
 * short, has expired, or was made against another org (exit 3, saying which).
 * Limit: the whole plan is read into memory, about 1 KB a row.
 */
export async function readPlan(
  path: string,
  config: Config,
  now: Date,
): Promise<PlanFile> {
  const text = await readPlanText(path);
  const plan = parsePlan(text, path);
  assertIntact(text, plan, path);
  assertSameOrg(plan, config, path);
  assertNotExpired(plan, now, path);
  return plan;
}

async function readPlanText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (cause) {
    throw new UsageError(`cannot read the plan ${path}`, { file: path }, { cause });
  }
}

function parsePlan(text: string, path: string): PlanFile {
  let plan: Partial<PlanFile>;
  try {
    plan = JSON.parse(text) as Partial<PlanFile>;
  } catch {
    throw altered(path, 'it is not valid JSON (cut short or edited)');
  }
  if (plan.format !== PLAN_FORMAT || !Array.isArray(plan.rows) || !plan.digest) {
    throw altered(path, `it is not an ${PLAN_FORMAT} plan written by offboard plan`);
  }
  return plan as PlanFile;
}

function assertIntact(text: string, plan: PlanFile, path: string): void {
  const end = text.lastIndexOf(DIGEST_KEY);
  const digest = `sha256:${createHash('sha256').update(text.slice(0, end)).digest('hex')}`;
  if (end < 0 || digest !== plan.digest) {
    throw altered(
      path,
      'its digest does not match its content: it was edited after planning',
    );
  }
}

function assertSameOrg(plan: PlanFile, config: Config, path: string): void {
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

function assertNotExpired(plan: PlanFile, now: Date, path: string): void {
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
