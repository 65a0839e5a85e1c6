import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { scanLayer } from '../../src/deep/layer-scan.js';
import { type LayerFacts, resolveFile } from '../../src/deep/overlay.js';
import { type Compression, type TarSpec, compress, elf, tar } from './fixtures.js';

async function* chunks(bytes: Buffer, size: number, counter: { read: number }) {
  for (let at = 0; at < bytes.length; at += size) {
    counter.read += Math.min(size, bytes.length - at);
    yield bytes.subarray(at, at + size);
  }
}

/** Resolves `file` in layers given top first, each compressed as said and streamed in small chunks. */
async function resolveIn(file: string, layers: TarSpec[][], compression: Compression = 'gzip') {
  const blobs = layers.map((l) => compress(tar(l), compression));
  const scans: string[] = [];
  const result = await resolveFile(
    file,
    blobs.length,
    async (i, target): Promise<LayerFacts | { error: string }> => {
      scans.push(`${i}:${target}`);
      const r = await scanLayer(chunks(blobs[i]!, 300, { read: 0 }), target, Infinity);
      if (r.kind === 'facts') return r.facts;
      return { error: r.kind === 'error' ? r.reason : 'incomplete' };
    },
  );
  const head = result.kind === 'file' ? Buffer.from(result.head).subarray(0, 4).toString('hex') : undefined;
  return { kind: result.kind, path: 'path' in result ? result.path : undefined, head, scans };
}

const ELF = '7f454c46';
const app = { path: 'usr/local/bin/app', file: elf('amd64') };

describe.each(['gzip', 'zstd', 'none'] as const)('%s layers', (compression) => {
  test.each<[string, string, TarSpec[][], { kind: string; path?: string; head?: string }]>([
    [
      'the file in the top layer',
      '/usr/local/bin/app',
      [[app], [{ path: 'etc/os-release', file: 'x' }]],
      { kind: 'file', path: '/usr/local/bin/app', head: ELF },
    ],
    [
      'the file in a lower layer',
      '/usr/local/bin/app',
      [[{ path: 'etc/x', file: 'y' }], [app]],
      { kind: 'file', path: '/usr/local/bin/app', head: ELF },
    ],
    [
      'a symlink in the top layer resolved through a lower layer',
      '/app',
      [[{ path: 'app', symlink: 'usr/local/bin/app' }], [app]],
      { kind: 'file', path: '/usr/local/bin/app', head: ELF },
    ],
    [
      'a directory symlink (merged /usr) in the base layer',
      '/bin/sh',
      [
        [{ path: 'etc/motd', file: 'hi' }],
        [
          { path: 'bin', symlink: 'usr/bin' },
          { path: 'usr/bin/sh', file: '#!/x\n' },
        ],
      ],
      { kind: 'file', path: '/usr/bin/sh', head: '23212f78' },
    ],
    [
      'a relative symlink with ..',
      '/opt/tool',
      [[{ path: 'opt/tool', symlink: '../usr/local/bin/./app' }, app]],
      { kind: 'file', path: '/usr/local/bin/app', head: ELF },
    ],
    [
      'a whiteout above deletes it',
      '/usr/local/bin/app',
      [[{ path: 'usr/local/bin/.wh.app', file: '' }], [app]],
      { kind: 'missing', path: '/usr/local/bin/app' },
    ],
    [
      'a whited-out directory deletes it',
      '/usr/local/bin/app',
      [[{ path: 'usr/local/.wh.bin', file: '' }], [app]],
      { kind: 'missing', path: '/usr/local/bin' },
    ],
    [
      'an opaque directory hides the lower layers',
      '/usr/local/bin/app',
      [
        [
          { path: 'usr/local/bin/.wh..wh..opq', file: '' },
          { path: 'usr/local/bin/other', file: 'x' },
        ],
        [app],
      ],
      { kind: 'missing', path: '/usr/local/bin/app' },
    ],
    [
      'a file re-added above its whiteout',
      '/usr/local/bin/app',
      [[app], [{ path: 'usr/local/bin/.wh.app', file: '' }], [{ path: 'usr/local/bin/app', file: 'old' }]],
      { kind: 'file', path: '/usr/local/bin/app', head: ELF },
    ],
    [
      'a directory replaced by a file hides what lower layers put beneath it',
      '/usr/local/bin/app',
      [[{ path: 'usr/local/bin', dir: true }], [{ path: 'usr/local', file: 'not a dir' }], [app]],
      { kind: 'missing', path: '/usr/local/bin/app' },
    ],
    [
      'a hard link',
      '/usr/bin/app2',
      [[app, { path: 'usr/bin/app2', hardlink: 'usr/local/bin/app' }]],
      { kind: 'file', path: '/usr/bin/app2', head: ELF },
    ],
    [
      'a symlink loop',
      '/a',
      [
        [
          { path: 'a', symlink: 'b' },
          { path: 'b', symlink: '/a' },
        ],
      ],
      { kind: 'missing', path: '/a' },
    ],
    ['a directory', '/usr', [[app]], { kind: 'missing', path: '/usr' }],
  ])('%s', async (_name, file, layers, expected) => {
    const result = await resolveIn(file, layers, compression);
    expect({ kind: result.kind, path: result.path, head: result.head }).toEqual({
      head: undefined,
      ...expected,
    });
  });
});

test('a layer is scanned once per path and lower layers only when needed', async () => {
  const { scans } = await resolveIn('/usr/local/bin/app', [[app], [{ path: 'never', file: 'read' }]]);
  expect(scans).toEqual([
    '0:usr/local/bin/app',
    '0:usr/local/bin/app',
    '0:usr/local/bin/app',
    '0:usr/local/bin/app',
  ]);
});

test('scanning stops at the file: a layer with a large file after it is read only in part', async () => {
  const layer = compress(tar([app, { path: 'big', file: Buffer.alloc(4 << 20, 7) }]), 'none');
  const counter = { read: 0 };
  const result = await scanLayer(chunks(layer, 64 * 1024, counter), 'usr/local/bin/app', Infinity);
  expect(result.kind).toBe('facts');
  expect(counter.read).toBe(64 * 1024);
});

test.each([
  [
    'a truncated zstd layer',
    compress(tar([{ path: 'x', file: randomBytes(100_000) }]), 'zstd').subarray(0, 2000),
    'incomplete',
  ],
  [
    'a truncated gzip layer',
    compress(tar([{ path: 'x', file: randomBytes(100_000) }]), 'gzip').subarray(0, 2000),
    'incomplete',
  ],
  [
    'a corrupt gzip layer',
    Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), Buffer.alloc(600, 0xff)]),
    'error',
  ],
  ['not a tar', Buffer.alloc(2048, 0x41), 'error'],
])('%s', async (_name, bytes, kind) => {
  const result = await scanLayer(chunks(bytes, 100, { read: 0 }), 'app', Infinity);
  expect(result.kind).toBe(kind);
});

test('a failure from the blob reader is the result', async () => {
  async function* failing() {
    yield compress(tar([{ path: 'x', file: Buffer.alloc(9000, 1) }]), 'gzip').subarray(0, 50);
    yield { kind: 'error' as const, reason: 'HTTP 500' };
  }
  expect(await scanLayer(failing(), 'app', Infinity)).toEqual({ kind: 'error', reason: 'HTTP 500' });
});

test('a layer that expands past the limit is not read further', async () => {
  const bomb = compress(
    tar([
      { path: 'zeros', file: Buffer.alloc(8 << 20) },
      { path: 'app', file: 'x' },
    ]),
    'gzip',
  );
  expect(await scanLayer(chunks(bomb, 4096, { read: 0 }), 'app', 1 << 20)).toEqual({
    kind: 'error',
    reason: 'it expands to more than 1048576 bytes before the file is found',
  });
});
