#!/usr/bin/env node
// Builds the example registry mirror used by `npm run demo`: tiny synthetic images stored as OCI image
// layouts (https://github.com/opencontainers/image-spec/blob/v1.1.0/image-layout.md) in skopeo's `oci:`
// convention, `<out>/<registry>/<repository>/{oci-layout,index.json,blobs/sha256/*}`, tagged with the
// `org.opencontainers.image.ref.name` annotation.
//
// Usage: node scripts/build-example-mirror.mjs [outDir]   (default: examples/mirror)
//
// Deterministic: no timestamps, no compression (zlib output may change between Node versions), fixed key
// order, so the same bytes come out on every run and machine. Plain Node, no dependencies, no build step.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const MT = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayer: 'application/vnd.docker.image.rootfs.diff.tar',
  inToto: 'application/vnd.in-toto+json',
};
const REF_NAME = 'org.opencontainers.image.ref.name';
const CREATED = '2024-01-01T00:00:00Z';
// The first line of the README we write; only a directory that starts with it is ever deleted.
const MARKER = '# Example registry mirror (generated)';

/** The images of the demo. Platforms are `os/arch[/variant]`. */
const IMAGES = [
  {
    registry: 'docker.io',
    repository: 'library/nginx',
    tag: '1.27',
    style: 'oci-index',
    attest: true,
    platforms: ['linux/amd64', 'linux/arm64/v8', 'linux/arm/v7'],
  },
  {
    registry: 'ghcr.io',
    repository: 'acme/payments-api',
    tag: '2.4.1',
    style: 'oci-manifest',
    platforms: ['linux/amd64'],
  },
  {
    registry: 'ghcr.io',
    repository: 'acme/report-worker',
    tag: '1.0.0',
    style: 'docker-list',
    platforms: ['linux/amd64', 'linux/arm64'],
  },
  {
    registry: 'ghcr.io',
    repository: 'acme/legacy-exporter',
    tag: '0.3',
    style: 'docker-manifest',
    platforms: ['linux/arm/v7'],
  },
  {
    registry: 'docker.io',
    repository: 'library/busybox',
    tag: '1.36',
    style: 'oci-index',
    platforms: ['linux/amd64', 'linux/arm64', 'linux/386', 'linux/arm/v6'],
  },
  {
    registry: 'docker.io',
    repository: 'library/alpine',
    tag: 'latest',
    style: 'oci-index',
    platforms: ['linux/amd64', 'linux/arm64'],
  },
];

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

function platformOf(spec) {
  const [os, architecture, variant] = spec.split('/');
  return variant ? { architecture, os, variant } : { architecture, os };
}

/** A one-file ustar archive (POSIX.1-1988), mtime 0, so a layer is a real, reproducible tar. */
function tar(name, content) {
  const data = Buffer.from(content);
  const header = Buffer.alloc(512);
  const put = (text, offset) => header.write(text, offset, 'ascii');
  const octal = (n, width) => n.toString(8).padStart(width - 1, '0') + '\0';
  put(name, 0);
  put(octal(0o644, 8), 100);
  put(octal(0, 8), 108);
  put(octal(0, 8), 116);
  put(octal(data.length, 12), 124);
  put(octal(0, 12), 136);
  put('        ', 148);
  put('0', 156);
  put('ustar\0' + '00', 257);
  let sum = 0;
  for (const byte of header) sum += byte;
  put(sum.toString(8).padStart(6, '0') + '\0 ', 148);
  const padding = Buffer.alloc((512 - (data.length % 512)) % 512);
  return Buffer.concat([header, data, padding, Buffer.alloc(1024)]);
}

/** Blobs of one layout, keyed by digest; each add returns the descriptor that references it. */
class Layout {
  blobs = new Map();

  add(content, mediaType, extra = {}) {
    const bytes = Buffer.isBuffer(content) ? content : Buffer.from(JSON.stringify(content));
    const digest = `sha256:${sha256(bytes)}`;
    this.blobs.set(digest, bytes);
    return { mediaType, digest, size: bytes.length, ...extra };
  }

  write(dir, entry) {
    mkdirSync(path.join(dir, 'blobs', 'sha256'), { recursive: true });
    writeFileSync(path.join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
    const index = { schemaVersion: 2, mediaType: MT.ociIndex, manifests: [entry] };
    writeFileSync(path.join(dir, 'index.json'), JSON.stringify(index));
    for (const digest of [...this.blobs.keys()].sort()) {
      writeFileSync(
        path.join(dir, 'blobs', 'sha256', digest.slice('sha256:'.length)),
        this.blobs.get(digest),
      );
    }
  }
}

/** One platform's image manifest (OCI or Docker schema2), with its config and a one-file layer. */
function image(layout, name, spec, docker) {
  const layer = layout.add(
    tar('etc/archcheck-example', `${name} for ${spec}\n`),
    docker ? MT.dockerLayer : MT.ociLayer,
  );
  const config = layout.add(
    {
      created: CREATED,
      ...platformOf(spec),
      config: {
        Cmd: ['/bin/example'],
        Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
      },
      rootfs: { type: 'layers', diff_ids: [layer.digest] },
      history: [{ created: CREATED, created_by: 'scripts/build-example-mirror.mjs' }],
    },
    docker ? MT.dockerConfig : MT.ociConfig,
  );
  const mediaType = docker ? MT.dockerManifest : MT.ociManifest;
  return layout.add({ schemaVersion: 2, mediaType, config, layers: [layer] }, mediaType);
}

/** A buildkit attestation manifest for `subject` (https://docs.docker.com/build/metadata/attestations/attestation-storage/). */
function attestation(layout, name, spec, subject) {
  const statement = layout.add(
    {
      _type: 'https://in-toto.io/Statement/v0.1',
      predicateType: 'https://spdx.dev/Document',
      subject: [
        {
          name: `pkg:docker/${name}?platform=${encodeURIComponent(spec)}`,
          digest: { sha256: subject.digest.slice(7) },
        },
      ],
      predicate: { spdxVersion: 'SPDX-2.3', name: `sbom of ${name}`, packages: [] },
    },
    MT.inToto,
    { annotations: { 'in-toto.io/predicate-type': 'https://spdx.dev/Document' } },
  );
  const config = layout.add(
    {
      architecture: 'unknown',
      os: 'unknown',
      config: {},
      rootfs: { type: 'layers', diff_ids: [statement.digest] },
    },
    MT.ociConfig,
  );
  const manifest = layout.add(
    { schemaVersion: 2, mediaType: MT.ociManifest, config, layers: [statement] },
    MT.ociManifest,
  );
  return {
    ...manifest,
    annotations: {
      'vnd.docker.reference.digest': subject.digest,
      'vnd.docker.reference.type': 'attestation-manifest',
    },
    platform: { architecture: 'unknown', os: 'unknown' },
  };
}

/** Builds one image's layout; returns the descriptor its tag points at. */
function build(layout, spec) {
  const name = `${spec.registry}/${spec.repository}:${spec.tag}`;
  if (spec.style === 'oci-manifest' || spec.style === 'docker-manifest') {
    return image(layout, name, spec.platforms[0], spec.style === 'docker-manifest');
  }
  const docker = spec.style === 'docker-list';
  const children = [];
  for (const platform of spec.platforms) {
    const manifest = { ...image(layout, name, platform, docker), platform: platformOf(platform) };
    children.push(manifest);
    if (spec.attest) children.push(attestation(layout, name, platform, manifest));
  }
  const mediaType = docker ? MT.dockerList : MT.ociIndex;
  return layout.add({ schemaVersion: 2, mediaType, manifests: children }, mediaType);
}

/** Refuses to delete anything but a previous output of this script. */
function clear(out) {
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory()) throw new Error(`${out} exists and is not a directory`);
  if (readdirSync(out).length === 0) return;
  const readme = path.join(out, 'README.md');
  if (!existsSync(readme) || !readFileSync(readme, 'utf8').startsWith(MARKER)) {
    throw new Error(
      `${out} is not empty and was not written by this script (no ${readme} starting "${MARKER}"); not deleting it`,
    );
  }
  rmSync(out, { recursive: true, force: true });
}

function main(out) {
  clear(out);
  mkdirSync(out, { recursive: true });
  const lines = [];
  for (const spec of IMAGES) {
    const layout = new Layout();
    const target = build(layout, spec);
    layout.write(path.join(out, spec.registry, ...spec.repository.split('/')), {
      mediaType: target.mediaType,
      digest: target.digest,
      size: target.size,
      annotations: { [REF_NAME]: spec.tag },
    });
    lines.push(
      `| \`${spec.registry}/${spec.repository}:${spec.tag}\` | ${spec.style} | ${spec.platforms.join(', ')} | \`${target.digest}\` |`,
    );
  }
  const readme = [
    MARKER,
    '',
    'Written by `node scripts/build-example-mirror.mjs`; do not edit, rerun the script instead.',
    'Each image is an OCI image layout at `<registry>/<repository>`, tagged by `org.opencontainers.image.ref.name`.',
    '',
    '| image | kind | platforms | digest |',
    '|---|---|---|---|',
    ...lines,
    '',
  ].join('\n');
  writeFileSync(path.join(out, 'README.md'), readme);
  process.stdout.write(`wrote ${IMAGES.length} images to ${out}\n`);
}

try {
  main(path.resolve(process.argv[2] ?? 'examples/mirror'));
} catch (error) {
  process.stderr.write(`build-example-mirror: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
