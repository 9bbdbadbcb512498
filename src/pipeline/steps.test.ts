import { describe, expect, it } from '@jest/globals';
import { stepsFor } from './steps.js';

describe('stepsFor', () => {
  it('deactivates an active user', () => {
    expect(stepsFor('active', 'deactivate')).toEqual(['deactivate']);
  });

  it('deactivates, then deletes, an active user asked to be deleted', () => {
    expect(stepsFor('active', 'delete')).toEqual(['deactivate', 'delete']);
  });

  it('sends only the DELETE for an inactive user asked to be deleted', () => {
    expect(stepsFor('inactive', 'delete')).toEqual(['delete']);
  });

  it('sends nothing that would change nothing', () => {
    expect(stepsFor('inactive', 'deactivate')).toEqual([]);
    expect(stepsFor('deleted', 'delete')).toEqual([]);
  });
});
