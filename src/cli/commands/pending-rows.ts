import type { Decision } from '../../pipeline/decision.js';
import type { DecisionSpool } from '../../plan/decision-spool.js';
import type { ChangeCount } from '../confirm.js';
import type { ResumeFilter } from './resume.js';

/**
 * The rows an apply will carry out, gathered as its read pass yields them: spooled to
 * disk (so memory does not grow with the manifest) and counted for the guards. With
 * `--resume`, the rows its report already holds are checked against it and left out.
 */
export class PendingRows {
  #deactivate = 0;
  #delete = 0;
  #users = 0;

  constructor(
    private readonly spool: DecisionSpool,
    private readonly resume?: ResumeFilter,
  ) {}

  add(decision: Decision): void {
    if (this.resume && !this.resume.keeps(decision)) {
      return;
    }
    this.spool.add(decision);
    const { steps } = decision;
    this.#deactivate += steps.includes('deactivate') ? 1 : 0;
    this.#delete += steps.includes('delete') ? 1 : 0;
    this.#users += steps.length > 0 ? 1 : 0;
  }

  /** After the last row: refuses a resumed report that is not this source's (exit 2). */
  finish(): void {
    this.resume?.assertComplete();
  }

  /** How many users the rows would change: what the guards and the prompt show. */
  get count(): ChangeCount {
    return { deactivate: this.#deactivate, delete: this.#delete, users: this.#users };
  }

  /** Rows to carry out. */
  get total(): number {
    return this.spool.count;
  }

  /** The rows, in the order added, read back from the spool. */
  decisions(): AsyncGenerator<Decision> {
    return this.spool.decisions();
  }
}
