import { randomUUID } from 'node:crypto';
import { isRecord } from './body.js';

/**
 * The transport-free request and response the fake org speaks. The node:http server and
 * the msw handlers both translate to and from these, so the two behave identically.
 */

export interface SandboxRequest {
  method: string;
  /** Path only, e.g. `/api/v2/users/abc`; no host, no query. */
  path: string;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string | undefined>>;
  /**
   * The body: a parsed value, or the raw text as the transports pass it (parsed here
   * according to `content-type`, JSON or form), or undefined when there is none.
   */
  body: unknown;
}

/**
 * A transport-level misbehaviour that both transports act on: `reset` drops the
 * connection, `hang` accepts the request and never answers (msw cannot hang a request
 * without hanging the test, so it treats `hang` as a network error too).
 */
export type TransportFault = 'reset' | 'hang';

export interface SandboxResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  /** When set, the transport must not send this response but misbehave instead. */
  fault?: TransportFault;
}

/** One entry of the org's request log. */
export interface RecordedRequest {
  method: string;
  path: string;
  /** The query string without `?`, empty when there was none. */
  query: string;
  /** The status answered; 0 when the connection was dropped or never answered. */
  status: number;
  /** The org's clock (milliseconds) when the request arrived. */
  at: number;
}

/** What a route handler returns; the org adds the correlation id and content type. */
export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** A Genesys `ErrorBody`; the org fills in `contextId` with the correlation id. */
export function errorReply(status: number, code: string, message: string): Reply {
  return { status, body: { message, code, status } };
}

export function badRequest(message: string): Reply {
  return errorReply(400, 'bad.request', message);
}

export function notFound(message: string): Reply {
  return errorReply(404, 'not.found', message);
}

export function okReply(body: unknown): Reply {
  return { status: 200, body };
}

/**
 * Turns a reply into the response sent: JSON, a fresh `ININ-Correlation-Id` header, and
 * the same id as `contextId` in a Genesys error body (OAuth errors have no such field).
 */
export function toResponse(reply: Reply): SandboxResponse {
  const correlationId = randomUUID();
  const headers = {
    'Content-Type': 'application/json',
    'ININ-Correlation-Id': correlationId,
    ...reply.headers,
  };
  const { status, body } = reply;
  const isErrorBody = status >= 400 && isRecord(body) && 'code' in body;
  return {
    status,
    headers,
    body: isErrorBody ? { ...body, contextId: correlationId } : body,
  };
}
