import path from 'node:path';
import { type FaultProxy, startFaultProxy } from '../test/support/fault-proxy.js';
import { type RunningRegistry, startRegistry } from '../test/support/registry.js';
import { type TokenServer, startTokenServer } from '../test/support/token-server.js';

/** The benches' registry: one storage, served open for pushing and with token auth behind added latency. */
export interface LatencyRegistry {
  /** Storage root shared by every registry started over it. */
  root: string;
  /** No auth, no latency: where the bench pushes its images. */
  open: RunningRegistry;
  tokens: TokenServer;
  /** The token service behind the latency (the realm the authenticated registry names). */
  tokenProxy: FaultProxy;
  /** The authenticated registry behind the latency: what archcheck is pointed at. */
  proxy: FaultProxy;
}

/**
 * Starts a loopback distribution registry with token auth, the registry and its token service each behind a
 * proxy that adds `latencyMs` to every request and records it. Each server's stop goes into `stops`.
 */
export async function startLatencyRegistry(
  dir: string,
  latencyMs: number,
  stops: (() => Promise<void>)[],
): Promise<LatencyRegistry> {
  const root = path.join(dir, 'storage');
  const open = await startRegistry({ root, dir });
  stops.push(open.stop);
  const tokens = await startTokenServer({
    dir,
    issuer: 'bench',
    service: 'bench-registry',
    users: {},
    anonymousPull: true,
  });
  stops.push(tokens.stop);
  const tokenProxy = await startFaultProxy({ upstream: new URL(tokens.realm).origin, latencyMs });
  stops.push(tokenProxy.stop);
  const authed = await startTokenRegistry(root, dir, `${tokenProxy.url}/token`, tokens);
  stops.push(authed.stop);
  const proxy = await startFaultProxy({ upstream: authed.url, latencyMs });
  stops.push(proxy.stop);
  return { root, open, tokens, tokenProxy, proxy };
}

/** A registry over `root` that sends clients for tokens to `realm`, where `tokens` (or a proxy to it) answers. */
export function startTokenRegistry(
  root: string,
  dir: string,
  realm: string,
  tokens: TokenServer,
): Promise<RunningRegistry> {
  return startRegistry({
    root,
    dir,
    auth: {
      kind: 'token',
      realm,
      service: 'bench-registry',
      issuer: 'bench',
      rootCertBundle: tokens.certPath,
    },
  });
}
