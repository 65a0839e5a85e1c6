import type { Blob, Image, Index, PlatformSpec } from '../support/images.js';
import { index } from '../support/images.js';
import { type Compression, type Machine, type TarSpec, deepImage, elf, layerBlob } from './fixtures.js';

/**
 * The images deep verification is tested (and benchmarked) on, named by scenario: each an index with an
 * amd64 and an arm64 build, where the arm64 build carries the fault the scenario is about.
 */
export const AMD64: PlatformSpec = { os: 'linux', architecture: 'amd64' };
export const ARM64: PlatformSpec = { os: 'linux', architecture: 'arm64' };

type Arch = 'amd64' | 'arm64';

/** A base layer: a shell, bash and env built for `machine` (bash may be built for another, see `script`). */
function base(machine: Machine, compression: Compression, bash: Machine = machine): Blob {
  return layerBlob(
    [
      { path: 'bin', dir: true },
      { path: 'bin/sh', file: elf(machine) },
      { path: 'bin/bash', file: elf(bash) },
      { path: 'usr/bin/env', file: elf(machine) },
      { path: 'etc/os-release', file: `ID=test-${machine}\n` },
    ],
    compression,
  );
}

function app(binary: Machine, compression: Compression, extra: TarSpec[] = []): Blob {
  return layerBlob(
    [
      { path: 'usr/local/bin/app', file: elf(binary) },
      { path: 'usr/local/bin/tool-x86', file: elf('amd64') },
      ...extra,
    ],
    compression,
  );
}

interface Build {
  layers: Blob[];
  entrypoint: string[];
  configArch?: Arch;
}

function multiArch(build: (arch: Arch) => Build): Index {
  const children: Image[] = (['amd64', 'arm64'] as const).map((arch) => {
    const b = build(arch);
    const platform = arch === 'amd64' ? AMD64 : ARM64;
    const configPlatform = b.configArch ? (b.configArch === 'amd64' ? AMD64 : ARM64) : platform;
    return deepImage({ platform, configPlatform, entrypoint: b.entrypoint, layers: b.layers });
  });
  return index(children);
}

const ENTRY = ['/usr/local/bin/app'];

/** Every scenario image by repository name. */
export function scenarioImages(): Record<string, Index> {
  return {
    // Honest: every file for its own machine; the arm64 build's top layer is an uncompressed tar.
    'deep/honest': multiArch((arch) => ({
      layers: [base(arch, 'gzip'), app(arch, arch === 'arm64' ? 'none' : 'gzip')],
      entrypoint: ENTRY,
    })),
    // A prebuilt x86-64 binary copied into the arm64 build.
    'deep/wrong-entry': multiArch((arch) => ({
      layers: [base(arch, 'gzip'), app('amd64', 'gzip')],
      entrypoint: ENTRY,
    })),
    // The index says arm64; the build behind it is amd64 through and through.
    'deep/mislabeled': multiArch((arch) => ({
      layers: [base('amd64', 'gzip'), app('amd64', 'gzip')],
      entrypoint: ENTRY,
      configArch: arch === 'arm64' ? 'amd64' : undefined,
    })),
    // A shell-script entrypoint whose interpreter, in the arm64 build, is x86-64.
    'deep/script': multiArch((arch) => ({
      layers: [
        base(arch, 'gzip', 'amd64'),
        layerBlob([{ path: 'entrypoint.sh', file: '#!/bin/bash\nexec /usr/local/bin/app "$@"\n' }]),
      ],
      entrypoint: ['/entrypoint.sh'],
    })),
    // `app` on PATH is a symlink in the top layer to a binary in a lower layer.
    'deep/symlink': multiArch((arch) => ({
      layers: [
        base(arch, 'gzip'),
        layerBlob([{ path: 'opt/server/bin/server', file: elf(arch === 'arm64' ? 'amd64' : arch) }]),
        layerBlob([{ path: 'usr/local/bin/app', symlink: '/opt/server/bin/server' }]),
      ],
      entrypoint: ['app'],
    })),
    // The top layer deletes the entrypoint.
    'deep/whiteout': multiArch((arch) => ({
      layers: [
        base(arch, 'gzip'),
        app(arch, 'gzip'),
        layerBlob([{ path: 'usr/local/bin/.wh.app', file: '' }]),
      ],
      entrypoint: ENTRY,
    })),
    // zstd layers, with the wrong binary in the arm64 build.
    'deep/zstd': multiArch((arch) => ({
      layers: [base(arch, 'zstd'), app('amd64', 'zstd')],
      entrypoint: ENTRY,
    })),
  };
}

export interface Use {
  name: string;
  repo: string;
  command?: string[];
}

/** The workloads of the scenarios: one Deployment per use, its image on line `line` at column 18. */
export function manifests(
  host: string,
  uses: readonly Use[],
): { text: string; lines: Record<string, number> } {
  const lines: Record<string, number> = {};
  const docs: string[] = [];
  let line = 1;
  for (const use of uses) {
    const doc = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      `metadata: {name: ${use.name}}`,
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: app',
      `          image: ${host}/${use.repo}:1`,
      ...(use.command ? [`          command: ${JSON.stringify(use.command)}`] : []),
    ];
    lines[use.name] = line + 8;
    docs.push(doc.join('\n'));
    line += doc.length + 1;
  }
  return { text: `${docs.join('\n---\n')}\n`, lines };
}

export const USES: readonly Use[] = [
  { name: 'honest', repo: 'deep/honest' },
  { name: 'pod-command', repo: 'deep/honest', command: ['/usr/local/bin/tool-x86', '--serve'] },
  { name: 'wrong-entry', repo: 'deep/wrong-entry' },
  { name: 'mislabeled', repo: 'deep/mislabeled' },
  { name: 'script', repo: 'deep/script' },
  { name: 'symlink', repo: 'deep/symlink' },
  { name: 'whiteout', repo: 'deep/whiteout' },
  { name: 'zstd', repo: 'deep/zstd' },
];
