import { mkdtemp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runArchcheck } from '../../src/engine/run.js';
import { ConfigurationError } from '../../src/errors.js';
import { RecordingLogger } from '../../src/logger.js';
import { createImageSource } from '../../src/registry/router.js';
import type { Resolution } from '../../src/registry/source.js';
import { type FaultProxy, startFaultProxy } from '../support/fault-proxy.js';
import { type KeyPair, selfSignedCert } from '../support/tls.js';
import { type World, startWorld } from '../support/world.js';
import { FAST_RETRY, isolatedEnv, ref, settings } from '../registry-http/harness.js';
import { stubServer } from './network-servers.js';

let world: World;
let cert: KeyPair;
/** Plain HTTP in front of the Basic-auth registry: what a redirect to `http://` lands on. */
let plain: FaultProxy;
/** HTTPS (certificate for localhost) in front of the same registry. */
let tls: FaultProxy;
const port = (p: FaultProxy) => new URL(p.url).port;

beforeAll(async () => {
  world = await startWorld();
  cert = await selfSignedCert(world.dir, 'credentials-tls');
  plain = await startFaultProxy({ upstream: world.basic.url });
  tls = await startFaultProxy({ upstream: world.basic.url, tls: { key: cert.key, cert: cert.cert } });
});
afterAll(async () => {
  await Promise.all([plain?.stop(), tls?.stop()]);
  await world?.stop();
});

const CREDS = { usernameEnv: 'ARCHCHECK_REG_USER', passwordEnv: 'ARCHCHECK_REG_PASSWORD' };

async function resolveWith(
  image: string,
  opts: { allow: string; mirrors?: Record<string, string>; credentialHosts: string[] },
): Promise<Resolution> {
  const env = await isolatedEnv({
    ARCHCHECK_REG_USER: world.users.basic.user,
    ARCHCHECK_REG_PASSWORD: world.users.basic.password,
    NODE_EXTRA_CA_CERTS: cert.certPath,
    ARCHCHECK_ALLOW_PRIVATE_REGISTRIES: opts.allow,
  });
  const source = createImageSource({
    settings: settings({
      mirrors: opts.mirrors ?? {},
      credentials: Object.fromEntries(opts.credentialHosts.map((h) => [h, CREDS])),
    }),
    env,
    logger: new RecordingLogger(),
    retry: FAST_RETRY,
  });
  try {
    return await source.resolve(ref(image));
  } finally {
    await source.close();
  }
}

const authorized = (p: { requests: { headers?: Record<string, unknown>; authorization?: string }[] }) =>
  p.requests.filter((r) => r.authorization ?? r.headers?.authorization).length;

test('after a redirect from HTTPS to plain HTTP, a 401 does not get the Basic credentials', async () => {
  tls.setFault((req) =>
    req.path.includes('/manifests/')
      ? { kind: 'redirect', location: `http://localhost:${port(plain)}${req.path}` }
      : undefined,
  );
  const base = {
    mirrors: { 'registry.example.com': `https://localhost:${port(tls)}` },
    // The credentials are stored for both ports, so only the plain-HTTP rule stands in the way.
    credentialHosts: [`localhost:${port(tls)}`, `localhost:${port(plain)}`],
  };
  plain.requests.length = 0;
  tls.requests.length = 0;
  // Loopback is reachable by CIDR, but no host is named: nothing says plain HTTP to it is trusted.
  const refused = await resolveWith('registry.example.com/scenarios/oci-single:v1', {
    ...base,
    allow: '127.0.0.0/8,::1/128',
  });
  expect(refused).toMatchObject({
    cause: 'refused',
    reason: expect.stringMatching(
      new RegExp(
        `credentials from registries.credentials for localhost:${port(plain)} are not sent over plain HTTP to http://localhost:${port(plain)}; .*--allow-private-registry localhost:${port(plain)}`,
      ),
    ),
  });
  expect(authorized(tls)).toBeGreaterThan(0);
  expect(plain.requests.length).toBeGreaterThan(0);
  expect(authorized(plain)).toBe(0);

  // Naming the host is what lets them through: the same run then resolves.
  plain.requests.length = 0;
  const allowed = await resolveWith('registry.example.com/scenarios/oci-single:v1', {
    ...base,
    allow: `127.0.0.0/8,::1/128,localhost:${port(plain)}`,
  });
  expect(allowed).toMatchObject({ kind: 'single', digest: world.scenarios.ociSingle.manifest.digest });
  expect(authorized(plain)).toBeGreaterThan(0);
  tls.setFault(undefined);
});

test("a redirect target's token realm never gets the registry's credentials", async () => {
  const other = await stubServer((req, res, p) => {
    if (req.url?.startsWith('/token')) res.writeHead(401).end();
    else
      res
        .writeHead(401, { 'www-authenticate': `Bearer realm="http://127.0.0.1:${p}/token",service="x"` })
        .end();
  });
  try {
    plain.setFault((req) =>
      req.path.includes('/manifests/')
        ? { kind: 'redirect', location: `http://127.0.0.1:${other.port}${req.path}` }
        : undefined,
    );
    const got = await resolveWith(`${plain.host}/scenarios/oci-single:v1`, {
      allow: '127.0.0.0/8',
      credentialHosts: [plain.host],
    });
    expect(got).toMatchObject({ cause: 'unauthorized' });
    expect(other.requests.some((r) => r.path.startsWith('/token'))).toBe(true);
    expect(other.requests.filter((r) => r.authorization)).toEqual([]);
  } finally {
    plain.setFault(undefined);
    await other.stop();
  }
});

test("the repository's config cannot name a workflow secret for a registry of its choosing", async () => {
  const stub = await stubServer((_req, res) => res.writeHead(200).end());
  try {
    const cwd = await mkdtemp(path.join(world.dir, 'repo-'));
    await writeFile(
      path.join(cwd, '.archcheck.yaml'),
      `registries:\n  credentials:\n    "${stub.host}": {passwordEnv: ACTIONS_RUNTIME_TOKEN}\n`,
    );
    await writeFile(
      path.join(cwd, 'pod.yaml'),
      `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - {name: c, image: "${stub.host}/x:1"}\n`,
    );
    const env = await isolatedEnv({ ACTIONS_RUNTIME_TOKEN: 'runtime-token-secret-value' });
    const run = runArchcheck(
      { cwd, paths: ['.'], architectures: ['amd64'] },
      { logger: new RecordingLogger(), env },
    );
    await expect(run).rejects.toThrow(ConfigurationError);
    await expect(run).rejects.toThrow(
      /rename the secret to ARCHCHECK_ACTIONS_RUNTIME_TOKEN in the workflow's env/,
    );
    expect(stub.requests).toEqual([]);
  } finally {
    await stub.stop();
  }
});
