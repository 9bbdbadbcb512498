import type { SandboxRequest } from './exchange.js';

export type ParsedBody = { ok: true; value: unknown } | { ok: false; reason: string };

/**
 * Reads a request body: a raw string is parsed as JSON or as a form according to its
 * `content-type`; anything else (a test calling the org directly) is taken as parsed.
 */
export function parseBody(req: SandboxRequest): ParsedBody {
  const { body } = req;
  if (typeof body !== 'string') {
    return { ok: true, value: body };
  }
  if (body.trim() === '') {
    return { ok: true, value: undefined };
  }

  const contentType = req.headers['content-type'] ?? '';
  if (contentType.includes('application/x-www-form-urlencoded')) {
    return { ok: true, value: Object.fromEntries(new URLSearchParams(body)) };
  }
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch {
    return { ok: false, reason: 'The request body is not valid JSON.' };
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
