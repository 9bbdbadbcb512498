/**
 * A `.plan.json` is one JSON object: the PlanHeader's fields, `rows` (one decision per
 * manifest row in manifest order, each bound to the version and state of the user seen
 * at planning time), and `digest`, a SHA-256 of everything before it. The digest catches
 * a plan that was edited by hand or cut short; it is not a signature, so it does not
 * stop someone who recomputes it on purpose.
 *
 * PlanWriter lays it out in lines so that readPlan can take it as a stream: the header
 * up to `"rows":[` on the first line, one row per line (each but the last followed by a
 * comma), then `]` and the digest on the last line.
 */
import type { RowAction } from '../report/row-result.js';

/** The format tag; a reader refuses any other, so an old tool never misreads a new plan. */
export const PLAN_FORMAT = 'offboard-plan/1';

/**
 * What stands between the hashed body of a plan and its digest. Everything before the
 * last occurrence of it is what the digest covers.
 */
export const DIGEST_KEY = ',"digest":';

/** Which org and which manifest a plan was made for, and how long it may be applied. */
export interface PlanHeader {
  readonly format: typeof PLAN_FORMAT;
  /** The org is known by the API base URL and the OAuth client that read it. */
  readonly org: { readonly apiUrl: string; readonly clientId: string };
  readonly manifest: {
    readonly path: string;
    readonly sha256: string;
    readonly extraColumns: readonly string[];
  };
  readonly defaultAction: RowAction;
  readonly createdAt: string;
  readonly expiresAt: string;
}
