import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

/** What the proxy does to one request instead of (or on top of) forwarding it. */
export type Fault =
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  /** Close the connection before any response byte. */
  | { kind: 'reset' }
  /** Forward, announce the full Content-Length, send half the body, close. */
  | { kind: 'truncate' }
  /** Wait, then forward. */
  | { kind: 'delay'; ms: number }
  /** 307 to `location`, a URL on another host. */
  | { kind: 'redirect'; location: string }
  /** Forward with one extra trailing space in the body: still JSON, no longer the announced digest. */
  | { kind: 'corrupt' }
  /** Forward, adding these response headers (a registry announcing a pull quota). */
  | { kind: 'headers'; headers: Record<string, string> };

export interface SeenRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** Body bytes the upstream answered with, once forwarded (what the client downloads). */
  responseBytes?: number;
  /** When the request arrived (performance.now()), and when its answer was sent. */
  at?: number;
  done?: number;
}

export interface FaultProxyOptions {
  /** `http://host:port` of the server behind the proxy. */
  upstream: string;
  /** Fixed delay added to every request, to measure how a client pipelines. */
  latencyMs?: number;
  /** Decide a fault for the request; `n` counts earlier requests with the same method and path since the fault was set. */
  fault?: (req: SeenRequest, n: number) => Fault | undefined;
  /** Serve HTTPS with this key and certificate (PEM) instead of plain HTTP. */
  tls?: { key: string; cert: string };
}

export interface FaultProxy {
  host: string;
  url: string;
  requests: SeenRequest[];
  /** Most requests the proxy held open at once. */
  maxInFlight(): number;
  /** TCP connections accepted so far: how well clients reuse them. */
  connections(): number;
  /** Replace the fault function (tests share one proxy). */
  setFault(fault: FaultProxyOptions['fault']): void;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A loopback HTTP proxy in front of a registry that counts requests and injects the faults tests ask for. */
export async function startFaultProxy(opts: FaultProxyOptions): Promise<FaultProxy> {
  const upstream = new URL(opts.upstream);
  const requests: SeenRequest[] = [];
  let fault = opts.fault;
  let counts = new Map<string, number>();
  let inFlight = 0;
  let maxInFlight = 0;

  function forward(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    seen: SeenRequest,
    change?: Fault,
  ): void {
    const headers = { ...req.headers, host: upstream.host };
    const out = http.request(
      { host: upstream.hostname, port: upstream.port, method: seen.method, path: seen.path, headers },
      (up) => {
        const chunks: Buffer[] = [];
        up.on('data', (c: Buffer) => chunks.push(c));
        up.on('end', () => {
          let bytes = Buffer.concat(chunks);
          if (change?.kind === 'corrupt') bytes = Buffer.concat([bytes, Buffer.from(' ')]);
          seen.responseBytes = bytes.length;
          const extra = change?.kind === 'headers' ? change.headers : {};
          const outHeaders = { ...up.headers, ...extra, 'content-length': String(bytes.length) };
          delete outHeaders['transfer-encoding'];
          res.writeHead(up.statusCode ?? 502, outHeaders);
          if (change?.kind === 'truncate') {
            res.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
            setTimeout(() => res.socket?.destroy(), 20);
            return;
          }
          res.end(bytes);
        });
      },
    );
    out.on('error', () => res.socket?.destroy());
    req.pipe(out);
  }

  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    void (async () => {
      const seen: SeenRequest = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        at: performance.now(),
      };
      const key = `${seen.method} ${seen.path}`;
      const n = counts.get(key) ?? 0;
      counts.set(key, n + 1);
      requests.push(seen);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      res.on('close', () => {
        inFlight--;
        seen.done = performance.now();
      });
      if (opts.latencyMs) await sleep(opts.latencyMs);
      const f = fault?.(seen, n);
      switch (f?.kind) {
        case undefined:
        case 'corrupt':
        case 'truncate':
        case 'headers':
          return forward(req, res, seen, f);
        case 'status':
          res.writeHead(f.status, f.headers ?? {}).end(f.body ?? '');
          return;
        case 'reset':
          req.socket.destroy();
          return;
        case 'delay':
          await sleep(f.ms);
          if (!res.socket?.destroyed) forward(req, res, seen);
          return;
        case 'redirect':
          res.writeHead(307, { location: f.location }).end();
          return;
        default: {
          const unreachable: never = f;
          throw new Error(`unknown fault ${JSON.stringify(unreachable)}`);
        }
      }
    })();
  };
  const server = opts.tls ? https.createServer(opts.tls, handler) : http.createServer(handler);
  let connections = 0;
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    url: `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    maxInFlight: () => maxInFlight,
    connections: () => connections,
    setFault: (f) => {
      fault = f;
      counts = new Map();
    },
    stop: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
