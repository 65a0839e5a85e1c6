import http from 'node:http';
import net from 'node:net';
import { Agent, buildConnector } from 'undici';

/** A loopback TCP listener that counts the connections it accepts (and closes them at once). */
export async function countingListener(): Promise<{
  port: number;
  accepted(): number;
  stop(): Promise<void>;
}> {
  let accepted = 0;
  const server = net.createServer((socket) => {
    accepted++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    accepted: () => accepted,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface StubRequest {
  method: string;
  path: string;
  authorization?: string;
}

/** A loopback HTTP server answering with `handle`, recording every request it got. */
export async function stubServer(
  handle: (req: http.IncomingMessage, res: http.ServerResponse, port: number) => void,
): Promise<{ port: number; host: string; requests: StubRequest[]; stop(): Promise<void> }> {
  const requests: StubRequest[] = [];
  let port = 0;
  const server = http.createServer((req, res) => {
    requests.push({
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    });
    handle(req, res, port);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as net.AddressInfo).port;
  return {
    port,
    host: `127.0.0.1:${port}`,
    requests,
    stop: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * A dispatcher that dials loopback only and records any other address it was asked to dial, so a test about
 * refused addresses can never send traffic off the machine even when the code under test is wrong.
 */
export function loopbackOnlyDispatcher(): { dispatcher: Agent; dialled: string[] } {
  const dialled: string[] = [];
  const direct = buildConnector({});
  const dispatcher = new Agent({
    connect: (opts, callback) => {
      if (opts.hostname === '127.0.0.1' || opts.hostname === '::1') return direct(opts, callback);
      dialled.push(`${opts.hostname}:${opts.port}`);
      callback(new Error(`test dispatcher: refusing to dial ${opts.hostname}`), null);
    },
  });
  return { dispatcher, dialled };
}
