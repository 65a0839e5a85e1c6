import type { Dispatcher } from 'undici';

/** A request as the transport sends it; redirects are the caller's to follow. */
export interface HttpRequest {
  url: string;
  method?: 'GET' | 'HEAD' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

export interface HttpResponse {
  url: string;
  status: number;
  /** Lowercase names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Uint8Array;
}

/**
 * Why no response came: too slow, the connection failed, the run's deadline passed, the body was huge, the
 * address is not public (`blocked`), or the host was cut off for the run (`unreachable`, `rate-limited`:
 * circuit breakers, with the `host` they hold).
 */
export interface TransportError {
  kind: 'timeout' | 'network' | 'deadline' | 'too-large' | 'blocked' | 'unreachable' | 'rate-limited';
  message: string;
  host?: string;
  /** The system or undici error code of a `network` error (ECONNREFUSED, ENOTFOUND, ...). */
  code?: string;
}

/** An URL fit for logs: origin and path, never the query (presigned blob URLs carry signatures there). */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

/**
 * Sends `req` once through `dispatcher` and reads the whole answer, refusing bodies over `limit` bytes
 * (declared or sent). Redirects are not followed: the caller decides which headers may travel on.
 */
export async function exchange(
  dispatcher: Dispatcher,
  url: URL,
  req: HttpRequest,
  signal: AbortSignal,
  limit: number,
): Promise<{ ok: true; response: HttpResponse } | { ok: false; error: TransportError }> {
  const res = await dispatcher.request({
    origin: url.origin,
    path: `${url.pathname}${url.search}`,
    method: req.method ?? 'GET',
    headers: req.headers ?? {},
    body: req.body ?? null,
    // undici closes the connection after every HEAD unless told otherwise (a guard against servers that
    // send a body anyway); registries do not, and a warm run is mostly HEADs: a new TCP and TLS
    // handshake for each would cost more round trips than the HEADs themselves.
    ...(req.method === 'HEAD' ? { reset: false } : {}),
    signal,
  });
  const declared = Number(res.headers['content-length'] ?? 0);
  if (declared > limit) {
    res.body.destroy();
    return {
      ok: false,
      error: {
        kind: 'too-large',
        message: `${describeUrl(url.href)} answered ${declared} bytes, more than ${limit}`,
      },
    };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      res.body.destroy();
      return {
        ok: false,
        error: { kind: 'too-large', message: `${describeUrl(url.href)} sent more than ${limit} bytes` },
      };
    }
    chunks.push(chunk as Buffer);
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    ok: true,
    response: { url: url.href, status: res.statusCode, headers, body: Buffer.concat(chunks) },
  };
}
