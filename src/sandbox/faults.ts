import { errorReply, type Reply, type TransportFault } from './exchange.js';
import type { FaultOptions } from './fault-options.js';
import { seededRandom } from './prng.js';

/** What the dice decided for one request. */
export type FaultDecision =
  | { kind: 'none' }
  | { kind: 'reply'; reply: Reply }
  | { kind: 'transport'; fault: TransportFault };

/**
 * The 5xx a fault draws: what gateways answer under load, which a client may safely
 * retry. A 500 is intentionally not drawn: it says the request may have been processed,
 * so the job does not retry it, and a fault that fails rows would not converge.
 */
const ERROR_STATUSES = [502, 503, 504] as const;

const ERROR_CODES: Record<number, string> = {
  502: 'bad.gateway',
  503: 'service.unavailable',
  504: 'gateway.timeout',
};

/**
 * Draws the faults for each request. Every call draws the same number of values in the
 * same order whatever is configured, so adding one kind of fault does not reshuffle when
 * the others strike.
 */
export class FaultDice {
  private readonly random: () => number;

  constructor(private readonly options: FaultOptions = {}) {
    this.random = seededRandom(options.seed ?? 1);
  }

  /** The fault, if any, for one `/api/v2` request. */
  drawRequestFault(): FaultDecision {
    const [throttle, error, pick, reset, hang] = Array.from({ length: 5 }, this.random);
    const o = this.options;
    if (hits(throttle, o.throttleRate)) {
      return { kind: 'reply', reply: throttled() };
    }
    if (hits(error, o.errorRate)) {
      const status =
        ERROR_STATUSES[Math.floor((pick ?? 0) * ERROR_STATUSES.length)] ?? 503;
      const message = 'The sandbox failed this request on purpose (fault injection).';
      return {
        kind: 'reply',
        reply: errorReply(status, ERROR_CODES[status] ?? '', message),
      };
    }
    if (hits(reset, o.resetRate)) {
      return { kind: 'transport', fault: 'reset' };
    }
    if (hits(hang, o.hangRate)) {
      return { kind: 'transport', fault: 'hang' };
    }
    return { kind: 'none' };
  }

  /** True when a concurrent edit should move the target's version before a write. */
  drawVersionBump(): boolean {
    return hits(this.random(), this.options.versionBumpRate);
  }
}

function hits(draw: number | undefined, rate: number | undefined): boolean {
  return draw !== undefined && rate !== undefined && draw < rate;
}

export function throttled(retryAfterSeconds = 1): Reply {
  const reply = errorReply(
    429,
    'too.many.requests',
    `Rate limit exceeded the maximum. Retry the request in [${retryAfterSeconds}] seconds`,
  );
  return { ...reply, headers: { 'Retry-After': String(retryAfterSeconds) } };
}
