import type { Platform } from './platform.js';

/**
 * Raw platform as found in an OCI index / Docker list descriptor (`os.version`) or an image config
 * (`os.version` too; `osVersion` is accepted for values that already went through a camelCase mapper).
 * Fields are read defensively: registries are untrusted, so a non-string field counts as absent.
 * https://github.com/opencontainers/image-spec/blob/main/image-index.md#image-index-property-descriptions
 */
export interface RawPlatform {
  os?: string;
  architecture?: string;
  variant?: string;
  'os.version'?: string;
  osVersion?: string;
}

/**
 * Operating systems Go knows (containerd/platforms database.go `isKnownOS`, from go/build/syslist.go).
 * Tells "linux" (an OS with no architecture: an error) from "arm64", and which OS names a node may have.
 */
export const KNOWN_OS: ReadonlySet<string> = new Set(
  'aix android darwin dragonfly freebsd hurd illumos ios js linux nacl netbsd openbsd plan9 solaris windows zos'.split(
    ' ',
  ),
);

/**
 * Architectures Go knows (containerd/platforms database.go `isKnownArch`). A bare specifier must name
 * one of these after normalization, so a typo such as `amd46` is an error rather than linux/amd46.
 */
export const KNOWN_ARCH: ReadonlySet<string> = new Set(
  (
    '386 amd64 amd64p32 arm armbe arm64 arm64be ppc64 ppc64le loong64 mips mipsle mips64 mips64le ' +
    'mips64p32 mips64p32le ppc riscv riscv64 s390 s390x sparc sparc64 wasm'
  ).split(' '),
);

/** 32-bit x86 spellings: containerd maps `i386`; `i486`..`i686` and `x86` are uname/distro names for the same ABI. */
const X86_32 = new Set(['386', 'i386', 'i486', 'i586', 'i686', 'x86']);

/**
 * `armv7l`, `armv6l`, `armv5tel`, `armv8l` (uname -m, Alpine/Debian names): 32-bit arm at that ISA level.
 * `armv8l` is a 32-bit userland on an ARMv8 CPU, so it is arm/v8, not arm64 (that is `aarch64`).
 */
const ARM32_ARCH = /^armv(\d+)[a-z]*$/;

/**
 * A variant written as a bare or prefixed version: `7`, `v7`, `armv7`, `8.1`, `armv8`. Real lists carry
 * `armv7`/`armv8` in the variant field (containers/image testdata v2list.manifest.json); containerd keeps
 * those verbatim, which would make linux/arm/armv7 match nothing. We read them as the version they name.
 */
const VERSION_VARIANT = /^(?:arm)?v?(\d+)(?:\.(\d+))?$/;

function str(value: unknown): string {
  return typeof value === 'string' ? value.trim().toLowerCase() : '';
}

/** containerd/platforms database.go `normalizeOS`, except that an empty OS stays '' (see normalizePlatform). */
function normalizeOS(os: string): string {
  return os === 'macos' ? 'darwin' : os;
}

/** `v7`, `v8.1` for a version-like variant; anything else (`unrecognized-present`) unchanged. */
function versionVariant(variant: string): string {
  const m = VERSION_VARIANT.exec(variant);
  if (!m) return variant;
  return m[2] === undefined ? `v${m[1]}` : `v${m[1]}.${m[2]}`;
}

/**
 * containerd/platforms database.go `normalizeArch`, with the additions named in the comments:
 * default variants are dropped where containerd drops them (amd64 v1, arm64 v8), and arm keeps v7
 * explicitly, so every platform has exactly one printed form.
 */
function normalizeArch(arch: string, variant: string): { architecture: string; variant: string } {
  if (X86_32.has(arch)) {
    // containerd clears the variant for i386; `386` itself keeps whatever variant it was given.
    return { architecture: '386', variant: arch === '386' ? variant : '' };
  }
  switch (arch) {
    case 'x86_64':
    case 'x86-64':
    case 'amd64': {
      const v = versionVariant(variant);
      return { architecture: 'amd64', variant: v === 'v1' ? '' : v };
    }
    case 'aarch64':
    case 'arm64': {
      const v = versionVariant(variant);
      // v8 (and v8.0) is arm64's baseline; containerd's newer database.go also folds v9.0 into v9.
      if (v === 'v8' || v === 'v8.0') return { architecture: 'arm64', variant: '' };
      return { architecture: 'arm64', variant: v === 'v9.0' ? 'v9' : v };
    }
    case 'armhf':
      return { architecture: 'arm', variant: 'v7' };
    case 'armel':
      return { architecture: 'arm', variant: 'v6' };
    case 'arm':
      // An arm image without a variant is v7 (containerd: "treated as equivalent to armhf").
      return { architecture: 'arm', variant: variant === '' ? 'v7' : versionVariant(variant) };
  }
  const arm32 = ARM32_ARCH.exec(arch);
  if (arm32) return { architecture: 'arm', variant: `v${arm32[1]}` };
  return { architecture: arch, variant };
}

function build(os: string, architecture: string, variant: string, osVersion: string): Platform {
  const p: Platform = { os, architecture };
  if (variant !== '') p.variant = variant;
  if (osVersion !== '') p.osVersion = osVersion;
  return p;
}

/**
 * Normalize a platform the way containerd/platforms `Normalize` does (platforms.go): lowercase,
 * `macos` -> `darwin`, architecture aliases and default variants (see `normalizeArch`).
 *
 * Unlike containerd, an absent or empty `os` stays '' instead of becoming the host's OS: the host
 * running archcheck says nothing about the image. Callers decide what a missing OS means.
 * `os.version` (Windows build) is kept verbatim in `osVersion`. Never throws.
 */
export function normalizePlatform(raw: RawPlatform): Platform {
  const { architecture, variant } = normalizeArch(str(raw.architecture), str(raw.variant));
  const rawVersion = typeof raw['os.version'] === 'string' ? raw['os.version'] : raw.osVersion;
  const osVersion = typeof rawVersion === 'string' ? rawVersion.trim() : '';
  return build(normalizeOS(str(raw.os)), architecture, variant, osVersion);
}

/** containerd's `specifierRe`, plus `.` so that arm64 variants such as `v8.2` can be written. */
const COMPONENT = /^[A-Za-z0-9_.-]+$/;
/** containerd's `osAndVersionRe`: `windows(10.0.17763)`. */
const OS_AND_VERSION = /^([A-Za-z0-9_-]+)(?:\(([A-Za-z0-9_.-]*)\))?$/;

/**
 * Parse a user-written platform: `os[(osVersion)]/arch[/variant]` or a bare architecture, following
 * containerd/platforms platforms.go `Parse`, normalized like `normalizePlatform`.
 *
 * A bare architecture (`arm64`, `x86_64`) means linux: containerd would take the host's OS, but
 * archcheck describes Kubernetes nodes, which are linux unless said otherwise. A bare OS (`linux`) is an
 * error, since there is no host architecture to borrow. Wildcards are rejected as containerd does.
 */
export function parsePlatform(spec: string): Platform | { error: string } {
  const text = spec.trim();
  if (text === '') return { error: 'empty platform: expected os/arch[/variant], for example linux/arm64' };
  if (text.includes('*')) return { error: `"${spec}": wildcards are not supported` };
  const parts = text.split('/');
  if (parts.length > 3) return { error: `"${spec}": too many "/" components: expected os/arch[/variant]` };
  const names = ['OS', 'architecture', 'variant'];
  for (const [i, part] of parts.entries()) {
    if (part === '') return { error: `"${spec}": empty ${names[i]}: expected os/arch[/variant]` };
    if (i > 0 && !COMPONENT.test(part)) {
      return { error: `"${spec}": invalid ${names[i]} "${part}": use letters, digits, ".", "_" or "-"` };
    }
  }
  const [first = '', arch, variant = ''] = parts;
  const osMatch = OS_AND_VERSION.exec(first);
  if (!osMatch)
    return {
      error: `"${spec}": invalid OS "${first}": expected a name such as linux or windows(10.0.17763)`,
    };
  const os = normalizeOS(osMatch[1]!.toLowerCase());
  const osVersion = osMatch[2] ?? '';

  if (arch === undefined) {
    if (KNOWN_OS.has(os)) return { error: `"${spec}" names an OS but no architecture: write ${os}/<arch>` };
    const bare = normalizeArch(first.toLowerCase(), '');
    if (!KNOWN_ARCH.has(bare.architecture)) return { error: `"${spec}": unknown architecture` };
    return build('linux', bare.architecture, bare.variant, '');
  }
  const n = normalizeArch(arch.toLowerCase(), variant.toLowerCase());
  return build(os, n.architecture, n.variant, osVersion);
}

/**
 * The one printed form: `os/arch[/variant]` of the normalized platform (containerd/platforms `Format`,
 * which also omits `os.version`). An empty OS or architecture prints as `unknown` so that the form always
 * has two non-empty segments and parses back.
 */
export function formatPlatform(p: Platform): string {
  const n = normalizePlatform(p);
  const head = `${n.os || 'unknown'}/${n.architecture || 'unknown'}`;
  return n.variant ? `${head}/${n.variant}` : head;
}

/**
 * True for `unknown/unknown`, the platform buildkit gives its attestation manifests
 * (https://docs.docker.com/build/metadata/attestations/attestation-storage/). A platform with neither OS
 * nor architecture counts too: it declares nothing a node could run.
 */
export function isUnknownPlatform(p: Platform): boolean {
  const n = normalizePlatform(p);
  return (n.os === '' || n.os === 'unknown') && (n.architecture === '' || n.architecture === 'unknown');
}
