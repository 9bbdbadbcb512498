import { UsageError } from '../errors/usage-error.js';

const UNIT_MS: Readonly<Record<string, number>> = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** `--expires-in 7d` (also `12h`, `90m`) in milliseconds. */
export function parseDuration(flag: string, raw: string): number {
  const match = /^(\d+)\s*([mhd])$/.exec(raw.trim());
  const amount = Number(match?.[1]);
  const unit = UNIT_MS[match?.[2] ?? ''];
  if (!unit || amount <= 0) {
    throw new UsageError(`${flag} "${raw}" is not a duration such as 7d, 12h or 90m`, {
      flag,
    });
  }
  return amount * unit;
}
