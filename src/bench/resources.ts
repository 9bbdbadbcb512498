/** What a process has cost so far, as `offboard` logs it in its "run finished" line. */
export interface ResourceFigures {
  /** Peak resident memory, in kilobytes. */
  maxRssKb: number;
  /** CPU time, user plus system, in milliseconds. */
  cpuMs: number;
}

/** This process's peak memory and CPU time, measured as `offboard` measures its own. */
export function resourceFigures(): ResourceFigures {
  const usage = process.resourceUsage();
  return {
    maxRssKb: usage.maxRSS,
    cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000),
  };
}

/** The figures in a parsed JSON line, when it carries both as numbers. */
export function figuresIn(line: Record<string, unknown>): ResourceFigures | undefined {
  const { maxRssKb, cpuMs } = line;
  return typeof maxRssKb === 'number' && typeof cpuMs === 'number'
    ? { maxRssKb, cpuMs }
    : undefined;
}
