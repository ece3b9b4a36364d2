/**
 * An HTTP proxy in front of a local registry that misbehaves on request, the way networks and
 * registries do during a push: it answers 5xx or 429 (with Retry-After), drops the connection
 * before forwarding, or forwards part of a request body and then drops both sides (so the registry
 * holds a partial chunk, as after a real mid-upload disconnect). Faults match by method and path
 * and fire `count` times; every request is recorded. The Host header passes through unchanged, so
 * the registry's Location headers point back at the proxy.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { freePort, LOOPBACK } from './free-port';

export type Fault =
  | { kind: 'status'; status: number; retryAfterSeconds?: number }
  /** Close the client's connection without an answer, forwarding nothing. */
  | { kind: 'drop' }
  /** Forward the first `afterBytes` of the request body, then drop both connections. */
  | { kind: 'drop-mid-body'; afterBytes: number }
  /** Forward the whole request (the registry acts on it), then drop the connection unanswered. */
  | { kind: 'drop-response' }
  /** Forward the request, send the first `afterBytes` of the response body, then drop. */
  | { kind: 'drop-mid-response'; afterBytes: number };

export interface FaultRule {
  method?: string;
  path: RegExp;
  fault: Fault;
  /** How many matching requests get the fault; default 1. */
  count?: number;
}

export interface ProxiedRequest {
  method: string;
  path: string;
  status: number | 'dropped';
  fault?: Fault['kind'];
  bytesIn: number;
}

export interface FaultProxy {
  /** `127.0.0.1:<port>`, the registry part of image references through the proxy. */
  readonly host: string;
  readonly url: string;
  readonly requests: ProxiedRequest[];
  inject(rule: FaultRule): void;
  clear(): void;
  stop(): Promise<void>;
}

export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const target = new URL(upstream);
  const rules: Array<FaultRule & { left: number }> = [];
  const requests: ProxiedRequest[] = [];
  const take = (req: IncomingMessage): Fault | undefined => {
    const path = req.url ?? '/';
    const rule = rules.find((r) => r.left > 0 && (!r.method || r.method === req.method) && r.path.test(path));
    if (!rule) return undefined;
    rule.left--;
    return rule.fault;
  };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const record: ProxiedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', status: 'dropped', bytesIn: 0 };
    requests.push(record);
    const fault = take(req);
    if (fault) record.fault = fault.kind;
    if (fault?.kind === 'status') {
      req.resume();
      req.on('end', () => {
        record.status = fault.status;
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
        res.writeHead(fault.status, headers).end(JSON.stringify({ errors: [{ code: 'UNAVAILABLE', message: 'injected by the fault proxy' }] }));
      });
      return;
    }
    if (fault?.kind === 'drop') {
      req.resume();
      req.socket.destroy();
      return;
    }
    const up = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (upRes) => {
        record.status = upRes.statusCode ?? 0;
        if (fault?.kind === 'drop-response') {
          upRes.resume();
          upRes.on('end', () => res.socket?.destroy());
          return;
        }
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        if (fault?.kind === 'drop-mid-response') {
          let sent = 0;
          upRes.on('data', (chunk: Buffer) => {
            const room = fault.afterBytes - sent;
            if (room <= 0) return;
            res.write(chunk.subarray(0, room));
            sent += Math.min(room, chunk.length);
            if (sent >= fault.afterBytes) {
              record.status = 'dropped';
              upRes.destroy();
              res.socket?.destroy();
            }
          });
          upRes.on('end', () => res.end());
          return;
        }
        upRes.pipe(res);
      },
    );
    up.on('error', () => res.socket?.destroy());
    if (fault?.kind === 'drop-mid-body') {
      let forwarded = 0;
      req.on('data', (chunk: Buffer) => {
        const room = fault.afterBytes - forwarded;
        if (room > 0) {
          up.write(chunk.subarray(0, room));
          forwarded += Math.min(room, chunk.length);
          record.bytesIn = forwarded;
        }
        if (forwarded >= fault.afterBytes) {
          record.status = 'dropped';
          // Let the registry read what was forwarded before it sees the connection end.
          setImmediate(() => {
            up.destroy();
            req.socket.destroy();
          });
        }
      });
      return;
    }
    req.on('data', (chunk: Buffer) => (record.bytesIn += chunk.length));
    req.pipe(up);
  });
  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => resolve());
  });
  return {
    host: `${LOOPBACK}:${port}`,
    url: `http://${LOOPBACK}:${port}`,
    requests,
    inject: (rule) => rules.push({ ...rule, left: rule.count ?? 1 }),
    clear: () => {
      rules.length = 0;
      requests.length = 0;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
