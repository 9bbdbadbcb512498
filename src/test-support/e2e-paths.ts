import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** A path in the repository, from a test under src/. */
export const repoPath = (path: string): string =>
  fileURLToPath(new URL(`../../${path}`, import.meta.url));

export const EXAMPLE_MANIFEST = repoPath('manifests/example-leavers.csv');
export const EXAMPLE_PROTECT = repoPath('manifests/example-protected.txt');

/** Row number -> outcome that the example manifest reaches on the sandbox. */
export interface ExpectedOutcomes {
  readonly plan: Record<string, string>;
  readonly apply: Record<string, string>;
}

export async function expectedOutcomes(): Promise<ExpectedOutcomes> {
  const text = await readFile(repoPath('fixtures/sandbox-expected.json'), 'utf8');
  return JSON.parse(text) as ExpectedOutcomes;
}
