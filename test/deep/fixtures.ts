import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { requireBinary } from '../support/binaries.js';
import {
  type Blob,
  type Image,
  OCI_CONFIG,
  OCI_LAYER,
  OCI_MANIFEST,
  type PlatformSpec,
  blob,
} from '../support/images.js';

/**
 * Image layers written byte by byte: ELF headers for each machine (the System V gABI's ELF header:
 * e_ident, e_type, e_machine, e_version), tar entries in ustar, GNU and PAX forms, and gzip, zstd or
 * uncompressed layer blobs.
 */

/** e_machine, class and byte order of each machine the tests build binaries for. */
export const MACHINES = {
  amd64: { machine: 62, bits: 64, little: true },
  '386': { machine: 3, bits: 32, little: true },
  arm64: { machine: 183, bits: 64, little: true },
  arm: { machine: 40, bits: 32, little: true },
  ppc64le: { machine: 21, bits: 64, little: true },
  s390x: { machine: 22, bits: 64, little: false },
  riscv64: { machine: 243, bits: 64, little: true },
} as const;

export type Machine = keyof typeof MACHINES;

/** An ELF executable header (52 or 64 bytes) for `machine`, followed by `padding` bytes of code. */
export function elf(machine: Machine, padding = 200): Buffer {
  const { machine: em, bits, little } = MACHINES[machine];
  const header = Buffer.alloc(bits === 64 ? 64 : 52);
  header.set([0x7f, 0x45, 0x4c, 0x46, bits === 64 ? 2 : 1, little ? 1 : 2, 1], 0);
  const u16 = (value: number, at: number) =>
    little ? header.writeUInt16LE(value, at) : header.writeUInt16BE(value, at);
  u16(2, 16); // e_type ET_EXEC
  u16(em, 18);
  if (little) header.writeUInt32LE(1, 20);
  else header.writeUInt32BE(1, 20); // e_version EV_CURRENT
  return Buffer.concat([header, Buffer.alloc(padding, 0x90)]);
}

export type TarSpec =
  | { path: string; file: Buffer | string; mode?: number }
  | { path: string; dir: true }
  | { path: string; symlink: string }
  | { path: string; hardlink: string };

function header(name: string, type: string, size: number, link: string, mode: number): Buffer {
  const h = Buffer.alloc(512);
  h.write(name.slice(0, 100), 0);
  h.write(`${mode.toString(8).padStart(7, '0')}\0`, 100);
  h.write('0000000\0', 108);
  h.write('0000000\0', 116);
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  h.write('00000000000\0', 136);
  h.write(type, 156);
  h.write(link.slice(0, 100), 157);
  h.write('ustar\0', 257);
  h.write('00', 263);
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return h;
}

function padded(data: Buffer): Buffer {
  return Buffer.concat([data, Buffer.alloc((512 - (data.length % 512)) % 512)]);
}

function record(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let length = body.length + 1;
  while (`${length}${body}`.length !== length) length = `${length}${body}`.length;
  return `${length}${body}`;
}

/**
 * One tar entry; names longer than 100 bytes get a PAX `path` record (`longNames: 'pax'`) or a GNU `L`
 * entry (`'gnu'`), and link targets likewise (`linkpath`, `K`).
 */
export function tarEntry(spec: TarSpec, longNames: 'pax' | 'gnu' = 'pax'): Buffer {
  const [type, data, link, mode] =
    'file' in spec
      ? ['0', Buffer.from(spec.file), '', spec.mode ?? 0o755]
      : 'dir' in spec
        ? ['5', Buffer.alloc(0), '', 0o755]
        : 'symlink' in spec
          ? ['2', Buffer.alloc(0), spec.symlink, 0o777]
          : ['1', Buffer.alloc(0), spec.hardlink, 0o644];
  const parts: Buffer[] = [];
  const long = spec.path.length > 100 || link.length > 100;
  if (long && longNames === 'pax') {
    const text =
      (spec.path.length > 100 ? record('path', spec.path) : '') +
      (link.length > 100 ? record('linkpath', link) : '');
    parts.push(header('PaxHeader', 'x', Buffer.byteLength(text), '', 0o644), padded(Buffer.from(text)));
  } else if (long) {
    for (const [value, kind] of [
      [spec.path, 'L'],
      [link, 'K'],
    ] as const) {
      if (value.length <= 100) continue;
      const bytes = Buffer.from(`${value}\0`);
      parts.push(header('././@LongLink', kind, bytes.length, '', 0o644), padded(bytes));
    }
  }
  parts.push(header(spec.path, type, data.length, link, mode), padded(data));
  return Buffer.concat(parts);
}

export function tar(entries: readonly TarSpec[], longNames: 'pax' | 'gnu' = 'pax'): Buffer {
  return Buffer.concat([...entries.map((e) => tarEntry(e, longNames)), Buffer.alloc(1024)]);
}

export type Compression = 'gzip' | 'zstd' | 'none';

export function compress(data: Buffer, compression: Compression): Buffer {
  switch (compression) {
    case 'gzip':
      return gzipSync(data);
    case 'zstd':
      requireBinary('zstd');
      return execFileSync('zstd', ['-q', '-c', '-3'], { input: data, maxBuffer: 1 << 30 });
    case 'none':
      return data;
    default: {
      const unreachable: never = compression;
      throw new Error(`unknown compression ${String(unreachable)}`);
    }
  }
}

const LAYER_TYPES: Record<Compression, string> = {
  gzip: OCI_LAYER,
  zstd: 'application/vnd.oci.image.layer.v1.tar+zstd',
  none: 'application/vnd.oci.image.layer.v1.tar',
};

export function layerBlob(entries: readonly TarSpec[], compression: Compression = 'gzip'): Blob {
  return blob(LAYER_TYPES[compression], compress(tar(entries), compression));
}

export interface DeepImageSpec {
  /** The platform the index claims (and the config says, unless `configPlatform` differs). */
  platform: PlatformSpec;
  configPlatform?: PlatformSpec;
  entrypoint?: string[];
  cmd?: string[];
  env?: string[];
  workingDir?: string;
  /** Base layer first, as manifests list them. */
  layers: Blob[];
}

/** An OCI image whose config carries a runtime config (Entrypoint, Cmd, Env, WorkingDir). */
export function deepImage(spec: DeepImageSpec): Image {
  const config = blob(
    OCI_CONFIG,
    JSON.stringify({
      ...(spec.configPlatform ?? spec.platform),
      config: {
        ...(spec.entrypoint ? { Entrypoint: spec.entrypoint } : {}),
        ...(spec.cmd ? { Cmd: spec.cmd } : {}),
        Env: spec.env ?? ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
        ...(spec.workingDir ? { WorkingDir: spec.workingDir } : {}),
      },
      rootfs: { type: 'layers', diff_ids: spec.layers.map((l) => l.digest) },
    }),
  );
  const descriptor = (b: Blob) => ({ mediaType: b.mediaType, digest: b.digest, size: b.size });
  const manifest = blob(
    OCI_MANIFEST,
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: descriptor(config),
      layers: spec.layers.map(descriptor),
    }),
  );
  return { manifest, config, layers: spec.layers, platform: spec.platform };
}
