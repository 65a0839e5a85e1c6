import { createHash, createPrivateKey, createPublicKey, randomUUID, sign } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type KeyPair, selfSignedCert } from './tls.js';

/**
 * A small token server for distribution's `auth: token`, after the Docker Registry v2 token spec
 * (distribution 2.8 docs/spec/auth/token.md, jwt.md, oauth.md): GET with optional Basic credentials, or
 * POST with `grant_type=password|refresh_token`; answers a JWT signed ES256 whose `kid` is the libtrust
 * fingerprint of the key in `rootcertbundle`, granting pull/push only to known users.
 */
export interface TokenServerOptions {
  dir: string;
  issuer: string;
  service: string;
  users: Record<string, string>;
  /** OAuth2 refresh tokens (docker's `identitytoken`) -> user. */
  refreshTokens?: Record<string, string>;
  /** Grant pull to clients without credentials. */
  anonymousPull?: boolean;
}

export interface TokenRequest {
  method: string;
  /** How the client authenticated: basic, a refresh token, a password grant, or not at all. */
  via: 'basic' | 'refresh' | 'password' | 'anonymous' | 'refused';
  user?: string;
  scopes: string[];
  authorization?: string;
}

export interface TokenServer {
  realm: string;
  certPath: string;
  requests: TokenRequest[];
  stop(): Promise<void>;
}

/** libtrust KeyID: base32 of the first 240 bits of sha256(DER SubjectPublicKeyInfo), in 12 groups of 4. */
function libtrustKeyId(keys: KeyPair): string {
  const der = createPublicKey(keys.cert).export({ type: 'spki', format: 'der' });
  const bytes = createHash('sha256').update(der).digest().subarray(0, 30);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const b of bytes) bits += b.toString(2).padStart(8, '0');
  let out = '';
  for (let i = 0; i < bits.length; i += 5) out += alphabet[parseInt(bits.slice(i, i + 5), 2)];
  return out.match(/.{4}/g)!.join(':');
}

const b64url = (v: Buffer | string) => Buffer.from(v).toString('base64url');

function parseScope(scope: string): { type: string; name: string; actions: string[] } | undefined {
  const first = scope.indexOf(':');
  const last = scope.lastIndexOf(':');
  if (first < 0 || last <= first) return undefined;
  return {
    type: scope.slice(0, first),
    name: scope.slice(first + 1, last),
    actions: scope.slice(last + 1).split(','),
  };
}

async function body(req: http.IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text;
}

export async function startTokenServer(opts: TokenServerOptions): Promise<TokenServer> {
  const keys = await selfSignedCert(opts.dir, 'token-signer');
  const kid = libtrustKeyId(keys);
  const privateKey = createPrivateKey(keys.key);
  const requests: TokenRequest[] = [];

  function jwt(user: string | undefined, scopes: string[]): string {
    const now = Math.floor(Date.now() / 1000);
    const access =
      user === undefined && !opts.anonymousPull
        ? []
        : scopes.flatMap((s) => {
            const parsed = parseScope(s);
            if (!parsed || parsed.type !== 'repository') return [];
            const granted = user === undefined ? parsed.actions.filter((a) => a === 'pull') : parsed.actions;
            return [{ type: parsed.type, name: parsed.name, actions: granted }];
          });
    const header = { typ: 'JWT', alg: 'ES256', kid };
    const claims = {
      iss: opts.issuer,
      sub: user ?? '',
      aud: opts.service,
      exp: now + 300,
      nbf: now - 10,
      iat: now,
      jti: randomUUID(),
      access,
    };
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
    const signature = sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
    return `${input}.${b64url(signature)}`;
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const record: TokenRequest = {
        method: req.method ?? '',
        via: 'anonymous',
        scopes: url.searchParams.getAll('scope'),
      };
      if (req.headers.authorization) record.authorization = req.headers.authorization;
      requests.push(record);
      let user: string | undefined;
      if (req.method === 'POST') {
        const form = new URLSearchParams(await body(req));
        record.scopes = (form.get('scope') ?? '').split(' ').filter(Boolean);
        const grant = form.get('grant_type');
        if (grant === 'refresh_token') {
          user = opts.refreshTokens?.[form.get('refresh_token') ?? ''];
          record.via = user ? 'refresh' : 'refused';
        } else if (grant === 'password') {
          const name = form.get('username') ?? '';
          user = opts.users[name] === form.get('password') ? name : undefined;
          record.via = user ? 'password' : 'refused';
        }
      } else if (req.headers.authorization?.startsWith('Basic ')) {
        const [name = '', ...rest] = Buffer.from(req.headers.authorization.slice(6), 'base64')
          .toString()
          .split(':');
        user = opts.users[name] !== undefined && opts.users[name] === rest.join(':') ? name : undefined;
        record.via = user ? 'basic' : 'refused';
      }
      if (record.via === 'refused') {
        res
          .writeHead(401, { 'content-type': 'application/json' })
          .end('{"details":"incorrect username or password"}');
        return;
      }
      record.user = user;
      const token = jwt(user, record.scopes);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ token, access_token: token, expires_in: 300, issued_at: new Date().toISOString() }),
      );
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    realm: `http://127.0.0.1:${port}/token`,
    certPath: keys.certPath,
    requests,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
