import { mkdtemp, rm } from 'node:fs/promises';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ImageContent } from '../../src/registry/source.js';
import { stubServer } from '../hostile/network-servers.js';
import { harness, isolatedEnv, ref } from '../registry-http/harness.js';
import { blob, writeOciLayout } from '../support/images.js';
import { deepImage, layerBlob } from './fixtures.js';

/** A 1 MiB layer blob, and a registry stub that serves it honouring `Range`, ignoring it, or not at all. */
const layer = blob('application/octet-stream', Buffer.alloc(1024 * 1024, 7));

function serve(mode: 'ranges' | 'whole' | 'missing') {
  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.url === '/v2/') return res.writeHead(200).end('{}');
    if (mode === 'missing' || req.url !== `/v2/repo/blobs/${layer.digest}`) return res.writeHead(404).end();
    const range = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
    if (mode === 'whole' || !range) return res.writeHead(200).end(layer.bytes);
    const start = Number(range[1]);
    const end = Math.min(Number(range[2]), layer.size - 1);
    res
      .writeHead(206, { 'content-range': `bytes ${start}-${end}/${layer.size}` })
      .end(layer.bytes.subarray(start, end + 1));
  };
}

async function read(content: ImageContent, maxBytes: number, stopAfter = Infinity) {
  const sizes: number[] = [];
  let failure: string | undefined;
  for await (const item of content.openBlob(layer.digest, maxBytes, AbortSignal.timeout(10_000))) {
    if (!(item instanceof Uint8Array)) failure = item.reason;
    else sizes.push(item.length);
    if (sizes.length >= stopAfter) break;
  }
  return { sizes, failure };
}

describe('streaming a blob over HTTP', () => {
  test.each<[string, 'ranges' | 'whole', number, number, number[], number]>([
    ['ranges, growing', 'ranges', 10 << 20, Infinity, [65536, 131072, 262144, 524288, 65536], 5],
    ['ranges, cut at the byte limit', 'ranges', 100_000, Infinity, [65536, 34464], 2],
    ['ranges, the reader stops early', 'ranges', 10 << 20, 1, [65536], 1],
    ['a registry that ignores Range', 'whole', 10 << 20, Infinity, [1024 * 1024], 1],
    ['a registry that ignores Range, cut at the limit', 'whole', 1000, Infinity, [1000], 1],
  ])('%s', async (_name, mode, maxBytes, stopAfter, sizes, requests) => {
    const stub = await stubServer(serve(mode));
    const { source } = harness({ env: await isolatedEnv() });
    try {
      const got = await read(source.content(ref(`${stub.host}/repo:1`)), maxBytes, stopAfter);
      expect(got).toEqual({ sizes, failure: undefined });
      expect(stub.requests.filter((r) => r.path.includes('/blobs/'))).toHaveLength(requests);
    } finally {
      await source.close();
      await stub.stop();
    }
  });

  test('a missing blob is a failure value, the last item', async () => {
    const stub = await stubServer(serve('missing'));
    const { source } = harness({ env: await isolatedEnv() });
    try {
      const got = await read(source.content(ref(`${stub.host}/repo:1`)), 1 << 20);
      expect(got.sizes).toEqual([]);
      expect(got.failure).toMatch(/HTTP 404 for the layer blob of/);
    } finally {
      await source.close();
      await stub.stop();
    }
  });
});

describe('streaming a blob from an oci: layout', () => {
  let dir: string;
  const image = deepImage({
    platform: { os: 'linux', architecture: 'amd64' },
    layers: [layerBlob([{ path: 'app', file: Buffer.alloc(300_000, 1) }], 'none')],
  });
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'archcheck-oci-content-'));
    await writeOciLayout(path.join(dir, 'repo'), { '1': image });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test.each([
    ['the whole layer', 1 << 20, [65536, 65536, 65536, 65536, 39424], undefined],
    ['cut at the byte limit', 70_000, [65536, 4464], undefined],
  ])('%s', async (_name, maxBytes, sizes, failure) => {
    const { source } = harness({
      env: await isolatedEnv(),
      settings: {
        mirrors: { 'mirror.test': `oci:${dir}` },
        credentials: {},
        concurrency: 8,
        timeoutMs: 5_000,
        deadlineMs: 30_000,
      },
    });
    const content = source.content(ref('mirror.test/repo:1'));
    const chunks: number[] = [];
    let failed: string | undefined;
    for await (const item of content.openBlob(
      image.layers[0]!.digest,
      maxBytes,
      AbortSignal.timeout(5_000),
    )) {
      if (item instanceof Uint8Array) chunks.push(item.length);
      else failed = item.reason;
    }
    expect({ chunks, failed }).toEqual({ chunks: sizes, failed: failure });
    await source.close();
  });

  test.each([
    ['a missing blob', `sha256:${'b'.repeat(64)}`, /layer sha256:b+ not found: .* does not exist/],
    [
      'a malformed digest',
      'sha256:../../etc/passwd',
      /layer digest "sha256:..\/..\/etc\/passwd" is malformed/,
    ],
  ])('%s is a failure value', async (_name, digest, reason) => {
    const { source } = harness({
      env: await isolatedEnv(),
      settings: {
        mirrors: { 'mirror.test': `oci:${dir}` },
        credentials: {},
        concurrency: 8,
        timeoutMs: 5_000,
        deadlineMs: 30_000,
      },
    });
    const items = [];
    for await (const item of source
      .content(ref('mirror.test/repo:1'))
      .openBlob(digest, 1000, AbortSignal.timeout(5_000)))
      items.push(item);
    expect(items).toEqual([
      expect.objectContaining({ kind: 'error', reason: expect.stringMatching(reason) }),
    ]);
    await source.close();
  });
});
