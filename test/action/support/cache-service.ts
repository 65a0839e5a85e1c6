import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback stand-in for the Actions cache service v2 as `@actions/cache` 6 speaks it: Twirp JSON RPCs
 * at `/twirp/github.actions.results.api.v1.CacheService/<Method>` with the runtime token as Bearer, and
 * signed URLs for the archive (an Azure Blob `PUT` with `x-ms-blob-type: BlockBlob` to upload, a plain GET
 * to download, since the host is not `*.blob.core.windows.net`). Every request is validated like the
 * real service would, and a malformed one is answered with a Twirp error and recorded in `problems`.
 */
export interface CacheServiceStandIn {
  url: string;
  token: string;
  /** Committed entries by key. */
  entries: Map<string, { version: string; archive: Buffer }>;
  /** RPCs and blob requests, in order: `GetCacheEntryDownloadURL`, `PUT blob`, ... */
  calls: string[];
  problems: string[];
  stop(): Promise<void>;
}

const SERVICE = '/twirp/github.actions.results.api.v1.CacheService/';

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startCacheService(): Promise<CacheServiceStandIn> {
  const token = 'runtime-token-7f3a';
  const entries = new Map<string, { version: string; archive: Buffer }>();
  const pending = new Map<string, { key: string; version: string; archive?: Buffer }>();
  const downloads = new Map<string, string>();
  const calls: string[] = [];
  const problems: string[] = [];
  let next = 1;
  let base = '';

  const twirpError = (res: http.ServerResponse, status: number, msg: string) => {
    problems.push(msg);
    res
      .writeHead(status, { 'content-type': 'application/json' })
      .end(JSON.stringify({ code: 'malformed', msg }));
  };
  const json = (res: http.ServerResponse, body: object) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  const validKey = (key: unknown): key is string =>
    typeof key === 'string' && key.length > 0 && key.length <= 512 && !key.includes(',');
  const validVersion = (v: unknown): v is string => typeof v === 'string' && /^[a-f0-9]{64}$/.test(v);

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', base);
      const body = await readBody(req);
      if (url.pathname.startsWith('/blob/')) {
        const id = url.pathname.slice('/blob/'.length);
        if (url.searchParams.get('sig') !== `sig-${id}`)
          return twirpError(res, 403, `blob ${id}: bad signature`);
        if (req.method === 'PUT') {
          calls.push('PUT blob');
          const upload = pending.get(id);
          if (!upload) return twirpError(res, 404, `blob ${id}: no reservation`);
          if (req.headers['x-ms-blob-type'] !== 'BlockBlob')
            return twirpError(res, 400, `blob ${id}: x-ms-blob-type is ${req.headers['x-ms-blob-type']}`);
          upload.archive = body;
          res.writeHead(201, { etag: '"0x1"', 'last-modified': new Date().toUTCString() }).end();
          return;
        }
        if (req.method === 'GET') {
          calls.push('GET blob');
          const found = entries.get(downloads.get(id) ?? '');
          if (!found) return twirpError(res, 404, `blob ${id}: not found`);
          res.writeHead(200, { 'content-length': String(found.archive.length) }).end(found.archive);
          return;
        }
        return twirpError(res, 405, `blob ${id}: ${req.method}`);
      }
      if (req.method !== 'POST' || !url.pathname.startsWith(SERVICE))
        return twirpError(res, 404, `unknown ${req.method} ${url.pathname}`);
      const method = url.pathname.slice(SERVICE.length);
      calls.push(method);
      if (req.headers.authorization !== `Bearer ${token}`)
        return twirpError(res, 401, `${method}: authorization ${req.headers.authorization ?? 'missing'}`);
      if (!req.headers['content-type']?.startsWith('application/json'))
        return twirpError(res, 400, `${method}: content-type ${req.headers['content-type']}`);
      let doc: Record<string, unknown>;
      try {
        doc = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
      } catch {
        return twirpError(res, 400, `${method}: body is not JSON`);
      }
      if (!validKey(doc.key)) return twirpError(res, 400, `${method}: key ${JSON.stringify(doc.key)}`);
      if (!validVersion(doc.version))
        return twirpError(res, 400, `${method}: version ${JSON.stringify(doc.version)}`);
      switch (method) {
        case 'GetCacheEntryDownloadURL': {
          const restoreKeys = doc.restore_keys ?? [];
          if (!Array.isArray(restoreKeys) || !restoreKeys.every(validKey))
            return twirpError(res, 400, `${method}: restore_keys ${JSON.stringify(restoreKeys)}`);
          // Exact key first, then the newest entry whose key starts with the key or a restore key.
          const prefixes = [doc.key, ...restoreKeys] as string[];
          const matching = [...entries.entries()].filter(([, e]) => e.version === doc.version);
          const exact = matching.find(([k]) => k === doc.key);
          const byPrefix = prefixes
            .map((p) => matching.filter(([k]) => k.startsWith(p)).at(-1))
            .find((m) => m !== undefined);
          const hit = exact ?? byPrefix;
          if (!hit) return json(res, { ok: false });
          const id = String(next++);
          downloads.set(id, hit[0]);
          return json(res, {
            ok: true,
            signed_download_url: `${base}/blob/${id}?sig=sig-${id}`,
            matched_key: hit[0],
          });
        }
        case 'CreateCacheEntry': {
          if (entries.has(doc.key)) return json(res, { ok: false, message: 'entry already exists' });
          const id = String(next++);
          pending.set(id, { key: doc.key, version: doc.version });
          return json(res, { ok: true, signed_upload_url: `${base}/blob/${id}?sig=sig-${id}` });
        }
        case 'FinalizeCacheEntryUpload': {
          const at = [...pending.entries()].find(([, p]) => p.key === doc.key && p.version === doc.version);
          if (!at?.[1].archive) return twirpError(res, 400, `${method}: nothing uploaded for ${doc.key}`);
          if (String(doc.size_bytes) !== String(at[1].archive.length))
            return twirpError(
              res,
              400,
              `${method}: size_bytes ${doc.size_bytes}, uploaded ${at[1].archive.length}`,
            );
          pending.delete(at[0]);
          entries.set(doc.key, { version: doc.version, archive: at[1].archive });
          return json(res, { ok: true, entry_id: at[0] });
        }
        default:
          return twirpError(res, 404, `unknown method ${method}`);
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${base}/`,
    token,
    entries,
    calls,
    problems,
    stop: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
