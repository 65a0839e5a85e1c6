import { type FaultProxy, startFaultProxy } from './fault-proxy.js';
import { type ForwardProxy, startForwardProxy } from './forward-proxy.js';
import { type KeyPair, selfSignedCert } from './tls.js';
import { type World, startWorld } from './world.js';

/** The open registry of a fresh world behind HTTPS with a certificate no public CA signed, and a forward proxy. */
export interface TlsFront {
  world: World;
  tlsFront: FaultProxy;
  cert: KeyPair;
  forward: ForwardProxy;
  stop(): Promise<void>;
}

export async function startTlsFront(certName: string): Promise<TlsFront> {
  const world = await startWorld();
  const cert = await selfSignedCert(world.dir, certName);
  const tlsFront = await startFaultProxy({
    upstream: world.open.url,
    tls: { key: cert.key, cert: cert.cert },
  });
  const forward = await startForwardProxy();
  return {
    world,
    tlsFront,
    cert,
    forward,
    async stop() {
      await Promise.all([tlsFront.stop(), forward.stop()]);
      await world.stop();
    },
  };
}
