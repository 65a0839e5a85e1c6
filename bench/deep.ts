/**
 * Deep verification cost: bytes a `--deep` run downloads per image beyond what resolving it costs, against the
 * full size of the layers of the builds it checks (an amd64 and an arm64 pool each pull one), cold and with a
 * warm cache. Measured at a loopback proxy in front of a distribution registry, which counts response bytes.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { formatBytes } from '../src/byte-size.js';
import { DEFAULT_DEEP_BUDGETS } from '../src/deep/budget.js';
import { runArchcheck } from '../src/engine/run.js';
import { RecordingLogger } from '../src/logger.js';
import { type Compression, type TarSpec, deepImage, elf, layerBlob } from '../test/deep/fixtures.js';
import { startFaultProxy } from '../test/support/fault-proxy.js';
import { type Index, index } from '../test/support/images.js';
import { pushDistribution } from '../test/support/push.js';
import { startRegistry } from '../test/support/registry.js';

const MiB = 1024 * 1024;

/** Files of random bytes (they compress as little as real binaries do), `count` of `size` bytes under `dir`. */
function filler(dir: string, count: number, size: number): TarSpec[] {
  return Array.from({ length: count }, (_, i) => ({ path: `${dir}/blob-${i}.bin`, file: randomBytes(size) }));
}

interface Case {
  name: string;
  build(arch: 'amd64' | 'arm64'): { layers: ReturnType<typeof layerBlob>[]; entrypoint: string[] };
}

const base = (arch: 'amd64' | 'arm64', compression: Compression) =>
  layerBlob(
    [
      { path: 'bin/sh', file: elf(arch) },
      { path: 'usr/bin/env', file: elf(arch) },
      ...filler('usr/lib', 24, MiB),
    ],
    compression,
  );

const CASES: Case[] = [
  {
    name: 'entrypoint in the top layer (gzip)',
    build: (arch) => ({
      layers: [
        base(arch, 'gzip'),
        layerBlob([{ path: 'app/server', file: elf(arch) }, ...filler('app/assets', 8, MiB)]),
      ],
      entrypoint: ['/app/server'],
    }),
  },
  {
    name: 'entrypoint in the top layer (zstd)',
    build: (arch) => ({
      layers: [
        base(arch, 'zstd'),
        layerBlob([{ path: 'app/server', file: elf(arch) }, ...filler('app/assets', 8, MiB)], 'zstd'),
      ],
      entrypoint: ['/app/server'],
    }),
  },
  {
    name: 'script in the top layer, interpreter in the base',
    build: (arch) => ({
      layers: [
        base(arch, 'gzip'),
        layerBlob([
          { path: 'app/run.sh', file: '#!/bin/sh\nexec /app/server\n' },
          ...filler('app/assets', 8, MiB),
        ]),
      ],
      entrypoint: ['/app/run.sh'],
    }),
  },
];

function layerBytes(top: Index): number {
  return top.children.reduce((n, c) => n + c.layers.reduce((m, l) => m + l.size, 0), 0);
}

export async function benchDeep(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'archcheck-bench-deep-'));
  const registry = await startRegistry({ root: path.join(dir, 'storage'), dir });
  const proxy = await startFaultProxy({ upstream: registry.url });
  const env = { ...process.env, ARCHCHECK_ALLOW_PRIVATE_REGISTRIES: '127.0.0.1' };
  const rows = [
    `${'image'.padEnd(50)} ${'layers'.padStart(10)} ${'deep cold'.padStart(10)} ${'share'.padStart(7)} ${'warm'.padStart(6)}`,
  ];
  try {
    for (const [i, c] of CASES.entries()) {
      const top = index(
        (['amd64', 'arm64'] as const).map((arch) => {
          const b = c.build(arch);
          return deepImage({ platform: { os: 'linux', architecture: arch }, ...b });
        }),
      );
      const repo = `bench/deep-${i}`;
      await pushDistribution(registry.host, repo, '1', top);
      const cwd = await mkdtemp(path.join(dir, 'repo-'));
      await writeFile(
        path.join(cwd, 'app.yaml'),
        `apiVersion: v1\nkind: Pod\nmetadata: {name: app}\nspec:\n  containers:\n    - name: app\n      image: ${proxy.host}/${repo}:1\n`,
      );
      const cacheDir = path.join(dir, `cache-${i}`);
      const bytesOf = async (deep: boolean) => {
        proxy.requests.length = 0;
        await runArchcheck(
          {
            cwd,
            paths: ['.'],
            architectures: ['amd64', 'arm64'],
            deep: { enabled: deep, budgets: DEFAULT_DEEP_BUDGETS },
            cacheDir,
          },
          { logger: new RecordingLogger(), env },
        );
        return proxy.requests.reduce((n, r) => n + (r.responseBytes ?? 0), 0);
      };
      const plain = await bytesOf(false);
      const cold = (await bytesOf(true)) - plain;
      const warm = (await bytesOf(true)) - plain;
      const total = layerBytes(top);
      rows.push(
        `${c.name.padEnd(50)} ${formatBytes(total).padStart(10)} ${formatBytes(cold).padStart(10)} ` +
          `${`${((cold / total) * 100).toFixed(1)}%`.padStart(7)} ${formatBytes(warm).padStart(6)}`,
      );
    }
  } finally {
    await proxy.stop();
    await registry.stop();
    await rm(dir, { recursive: true, force: true });
  }
  return rows.join('\n');
}
