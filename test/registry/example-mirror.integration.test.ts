import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatPlatform } from '../../src/platforms/normalize.js';
import { verifyDigest } from '../../src/registry/digest.js';
import { isAttestation, parseManifest } from '../../src/registry/manifest.js';
import { OciLayoutSource } from '../../src/registry/oci-layout.js';
import type { Resolution } from '../../src/registry/source.js';

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('../../scripts/build-example-mirror.mjs', import.meta.url));

async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const entries = await Promise.all(
    files.map(
      async (e) =>
        [
          path.relative(dir, path.join(e.parentPath, e.name)),
          await readFile(path.join(e.parentPath, e.name)),
        ] as const,
    ),
  );
  return new Map(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
}

const printed = (r: Resolution) =>
  r.kind === 'index'
    ? { kind: r.kind, platforms: r.platforms.map(formatPlatform) }
    : r.kind === 'single'
      ? { kind: r.kind, platforms: [formatPlatform(r.platform)] }
      : r;

let tmp: string;
let out: string;
let first: Map<string, Buffer>;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'archcheck-mirror-'));
  out = path.join(tmp, 'mirror');
  await run(process.execPath, [SCRIPT, out]);
  first = await snapshot(out);
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('scripts/build-example-mirror.mjs', () => {
  test('a second run replaces the output with identical bytes', async () => {
    await writeFile(path.join(out, 'docker.io', 'stale.txt'), 'left over');
    await run(process.execPath, [SCRIPT, out]);
    const second = await snapshot(out);
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [file, bytes] of first) expect(second.get(file)?.equals(bytes), file).toBe(true);
  });

  test('every blob is named by its sha256', () => {
    const blobs = [...first].filter(([file]) =>
      file.includes(`${path.sep}blobs${path.sep}sha256${path.sep}`),
    );
    expect(blobs.length).toBeGreaterThan(30);
    for (const [file, bytes] of blobs)
      expect(verifyDigest(bytes, `sha256:${path.basename(file)}`), file).toBe(true);
  });

  test.each([
    ['docker.io', 'library/nginx', '1.27', 'index', ['linux/amd64', 'linux/arm/v7', 'linux/arm64']],
    ['ghcr.io', 'acme/payments-api', '2.4.1', 'single', ['linux/amd64']],
    ['ghcr.io', 'acme/report-worker', '1.0.0', 'index', ['linux/amd64', 'linux/arm64']],
    ['ghcr.io', 'acme/legacy-exporter', '0.3', 'single', ['linux/arm/v7']],
    [
      'docker.io',
      'library/busybox',
      '1.36',
      'index',
      ['linux/386', 'linux/amd64', 'linux/arm/v6', 'linux/arm64'],
    ],
    ['docker.io', 'library/alpine', 'latest', 'index', ['linux/amd64', 'linux/arm64']],
  ])('%s/%s:%s resolves to its platforms', async (registry, repository, tag, kind, platforms) => {
    const result = await new OciLayoutSource(path.join(out, registry)).resolve({ registry, repository, tag });
    expect(printed(result)).toEqual({ kind, platforms });
  });

  test.each([
    ['library/nginx', 'index.json', 'application/vnd.oci.image.index.v1+json', 3],
    ['acme/report-worker', 'index.json', 'application/vnd.docker.distribution.manifest.list.v2+json', 0],
    ['acme/payments-api', 'index.json', 'application/vnd.oci.image.manifest.v1+json', 0],
    ['acme/legacy-exporter', 'index.json', 'application/vnd.docker.distribution.manifest.v2+json', 0],
  ])(
    '%s is tagged with a %s entry of the right media type and attestation count',
    async (repository, file, mediaType, attestations) => {
      const registry = repository.startsWith('library/') ? 'docker.io' : 'ghcr.io';
      const dir = path.join(out, registry, repository);
      const entries = parseManifest(await readFile(path.join(dir, file)));
      expect(entries.kind === 'index' && entries.manifests.map((d) => d.mediaType)).toEqual([mediaType]);
      if (entries.kind !== 'index') return;
      const target = parseManifest(
        await readFile(path.join(dir, 'blobs', 'sha256', entries.manifests[0]!.digest.slice(7))),
      );
      expect(target.kind === 'index' ? target.manifests.filter(isAttestation).length : 0).toBe(attestations);
    },
  );

  test('refuses to delete a directory it did not write', async () => {
    const foreign = path.join(tmp, 'foreign');
    await mkdir(foreign);
    await writeFile(path.join(foreign, 'keep.txt'), 'mine');
    await expect(run(process.execPath, [SCRIPT, foreign])).rejects.toMatchObject({ code: 1 });
    expect(await readFile(path.join(foreign, 'keep.txt'), 'utf8')).toBe('mine');
  });
});
