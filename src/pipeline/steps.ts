import type { UserState } from '../genesys/types.js';
import type { RowAction } from '../report/row-result.js';
import type { WriteStep } from './decision.js';

/**
 * The writes that bring a user in `state` to what `action` asks, and nothing more: no
 * write is sent that would change nothing, so an inactive user asked to be deleted gets
 * only the DELETE, and an inactive user asked to be deactivated gets nothing.
 */
export function stepsFor(state: UserState | undefined, action: RowAction): WriteStep[] {
  if (state === 'deleted') {
    return [];
  }
  const needsDeactivate = state !== 'inactive';
  const steps: WriteStep[] = needsDeactivate ? ['deactivate'] : [];
  if (action === 'delete') {
    steps.push('delete');
  }
  return steps;
}
