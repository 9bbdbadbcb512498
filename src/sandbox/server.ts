import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SandboxRequest } from './exchange.js';
import type { FaultOptions } from './fault-options.js';
import type { FakeOrg } from './org.js';

export interface SandboxServerOptions {
  org: FakeOrg;
  /** Default 127.0.0.1: the sandbox's credentials are public, so keep it off the LAN. */
  host?: string;
  /** Default 0: any free port; read the chosen one from `url`. */
  port?: number;
  /** Transport faults (latency); the org's own fault options when absent. */
  faults?: FaultOptions;
}

export interface RunningSandbox {
  /** Base URL of both the login and the API side, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Stops listening and drops open connections, hung requests included. */
  close(): Promise<void>;
}

/** Serves a fake org over real HTTP, for `offboard sandbox` and the end-to-end tests. */
export async function startSandboxServer(
  opts: SandboxServerOptions,
): Promise<RunningSandbox> {
  const host = opts.host ?? '127.0.0.1';
  const latencyMs = (opts.faults ?? opts.org.faults).latencyMs ?? 0;
  const server = createServer((req, res) => {
    void serve(opts.org, latencyMs, req, res);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
      server.closeAllConnections();
    });
  return { url, close };
}

async function serve(
  org: FakeOrg,
  latencyMs: number,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  try {
    const request = await toSandboxRequest(req);
    if (latencyMs > 0) {
      await sleep(latencyMs);
    }
    const response = org.handle(request);
    if (response.fault === 'reset') {
      req.socket.destroy();
      return;
    }
    if (response.fault === 'hang') {
      return; // intentionally never answered; close() drops the connection
    }
    res.writeHead(response.status, response.headers);
    res.end(response.body === undefined ? '' : JSON.stringify(response.body));
  } catch (err) {
    res.writeHead(500, { 'Content-Type': 'text/plain' });
    res.end(`sandbox bug: ${err instanceof Error ? err.message : String(err)}`);
  }
}

async function toSandboxRequest(req: IncomingMessage): Promise<SandboxRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    headers,
    body: text === '' ? undefined : text,
  };
}
