import type { Config } from '../config/config.js';
import type { Decision } from '../pipeline/decision.js';
import { PLAN_FORMAT, type PlanHeader } from '../plan/plan-file.js';
import { manifestRow } from './manifest-rows.js';

/** The org a test plan is made for. */
export const planConfig: Config = {
  apiUrl: 'https://api.example.test',
  loginUrl: 'https://login.example.test',
  clientId: 'client-1',
  clientSecret: 'not-used',
};

/** A plan header for planConfig, valid from 1 to 8 December 2026. */
export const planHeader: PlanHeader = {
  format: PLAN_FORMAT,
  org: { apiUrl: planConfig.apiUrl, clientId: planConfig.clientId },
  manifest: { path: '/m/leavers.csv', sha256: 'ab'.repeat(32), extraColumns: [] },
  defaultAction: 'deactivate',
  createdAt: '2026-12-01T00:00:00.000Z',
  expiresAt: '2026-12-08T00:00:00.000Z',
};

/** A moment while planHeader is valid. */
export const duringPlan = new Date('2026-12-02T00:00:00.000Z');

/** A decision to deactivate the user of manifest row `seq`, as plan would make it. */
export function plannedDecision(seq: number): Decision {
  const row = manifestRow(seq, `leaver.${seq}@example.com`);
  return {
    row,
    action: 'deactivate',
    outcome: 'would-deactivate',
    steps: ['deactivate'],
    user: { id: `user-${seq}`, version: 3, state: 'active', email: row.email },
    call: { attempts: 1, httpStatus: 200, correlationId: `c-${seq}` },
  };
}
