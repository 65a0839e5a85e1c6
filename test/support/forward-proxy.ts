import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface ForwardProxy {
  url: string;
  /** `GET http://host/path` for plain-HTTP targets, `CONNECT host:port` for HTTPS tunnels. */
  seen: string[];
  stop(): Promise<void>;
}

/**
 * A minimal forward proxy, the kind HTTP_PROXY / HTTPS_PROXY point at: absolute-form requests are
 * forwarded (RFC 9112 section 3.2.2) and CONNECT opens a tunnel (RFC 9110 section 9.3.6).
 */
export async function startForwardProxy(): Promise<ForwardProxy> {
  const seen: string[] = [];
  const tunnels = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const target = new URL(req.url ?? '');
    const out = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: `${target.pathname}${target.search}`,
        headers: req.headers,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    out.on('error', () => res.destroy());
    req.pipe(out);
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    seen.push(`CONNECT ${req.url}`);
    tunnels.add(client);
    client.on('close', () => tunnels.delete(client));
    const [host = '', port = '443'] = (req.url ?? '').split(':');
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    stop: () => {
      server.closeAllConnections();
      for (const socket of tunnels) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
