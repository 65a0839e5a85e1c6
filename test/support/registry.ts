import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { requireBinary } from './binaries.js';

const run = promisify(execFile);

/** How the registry checks clients (distribution 2.8 configuration.md, `auth`). */
export type RegistryAuth =
  | { kind: 'none' }
  | { kind: 'htpasswd'; users: Record<string, string> }
  | { kind: 'token'; realm: string; service: string; issuer: string; rootCertBundle: string };

export interface RunningRegistry {
  /** `127.0.0.1:port`, as written in image references. */
  host: string;
  url: string;
  stop(): Promise<void>;
}

/** A loopback port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function authSection(auth: RegistryAuth, dir: string): Promise<object | undefined> {
  switch (auth.kind) {
    case 'none':
      return undefined;
    case 'htpasswd': {
      requireBinary('htpasswd');
      const lines: string[] = [];
      for (const [user, password] of Object.entries(auth.users)) {
        // bcrypt is the only hash distribution accepts; cost 4 keeps start-up fast.
        const { stdout } = await run('htpasswd', ['-Bbn', '-C', '4', user, password]);
        lines.push(stdout.trim());
      }
      const file = path.join(dir, 'htpasswd');
      await writeFile(file, `${lines.join('\n')}\n`);
      return { htpasswd: { realm: 'archcheck-test', path: file } };
    }
    case 'token':
      return {
        token: {
          realm: auth.realm,
          service: auth.service,
          issuer: auth.issuer,
          rootcertbundle: auth.rootCertBundle,
        },
      };
    default: {
      const unreachable: never = auth;
      throw new Error(`unknown auth ${JSON.stringify(unreachable)}`);
    }
  }
}

async function waitReady(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited ${child.exitCode}: ${stderr()}`);
    try {
      await fetch(`${url}/v2/`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  throw new Error(`docker-registry did not answer on ${url}: ${stderr()}`);
}

/**
 * Starts Debian's `docker-registry` (distribution 2.8) on a free loopback port with a filesystem root; several
 * registries may share one root so images are pushed once and served with different auth.
 */
export async function startRegistry(opts: {
  root: string;
  dir: string;
  auth?: RegistryAuth;
}): Promise<RunningRegistry> {
  requireBinary('docker-registry');
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const auth = await authSection(opts.auth ?? { kind: 'none' }, opts.dir);
  const config = {
    version: 0.1,
    log: { level: 'error', accesslog: { disabled: true } },
    storage: { filesystem: { rootdirectory: opts.root }, delete: { enabled: true } },
    http: { addr: host, secret: 'archcheck-test-secret' },
    ...(auth ? { auth } : {}),
  };
  const file = path.join(opts.dir, `registry-${port}.yml`);
  // JSON is YAML, and distribution reads its config with a YAML parser.
  await writeFile(file, JSON.stringify(config));
  const child = spawn('docker-registry', ['serve', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => {
    err = (err + d.toString()).slice(-4000);
  });
  const url = `http://${host}`;
  await waitReady(url, child, () => err);
  return {
    host,
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
