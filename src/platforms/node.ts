import { KNOWN_ARCH, KNOWN_OS, parsePlatform } from './normalize.js';
import type { NodePlatform } from './platform.js';

type Parsed = NodePlatform | { error: string };

/** The OS name of a specifier's first component, `windows(10.0.20348)` -> `windows`. */
function osName(component: string): string {
  const name = component.replace(/\(.*$/, '').toLowerCase();
  return name === 'macos' ? 'darwin' : name;
}

/** True when a specifier starts with an OS (`linux/arm64`, `windows(10.0.20348)/amd64`), not an architecture. */
function namesOS(spec: string): boolean {
  return KNOWN_OS.has(osName(spec.trim().split('/')[0] ?? ''));
}

/**
 * A node's platform as people write it, the one parser behind `--arch`, the action's `architectures` and the
 * config's `arch:`: `arm64`, `arm64/v8`, `linux/arm64`, `linux/arm/v7`, `windows/amd64`,
 * `windows(10.0.20348)/amd64`. The forms are containerd/platforms `Parse`'s (see ./normalize.ts), except that
 * `arch/variant` is read as linux/arch/variant: containerd would make `arm64/v8` the OS `arm64` with the
 * architecture `v8`, a node no image runs on. The OS and the architecture must be ones Go knows, so a typo
 * (`amd46`, `linx/amd64`) is an error rather than a pool that matches nothing.
 */
export function parseNodePlatform(spec: string): Parsed {
  const text = spec.trim();
  const parts = text.split('/');
  const archFirst = parts.length === 2 && !namesOS(text) && !('error' in parsePlatform(parts[0] ?? ''));
  const parsed = parsePlatform(archFirst ? `linux/${text}` : text);
  if ('error' in parsed) return { error: withValidValues(parsed.error) };
  if (!KNOWN_OS.has(parsed.os)) return { error: `"${parsed.os}": unknown OS` };
  if (!KNOWN_ARCH.has(parsed.architecture))
    return { error: withValidValues(`"${parsed.architecture}": unknown architecture`) };
  return parsed;
}

/** What a node's platform is usually written as, named in every "unknown architecture" error. */
const COMMON_PLATFORMS =
  'amd64, arm64, arm/v7, arm/v6, 386, ppc64le, s390x, riscv64 (optionally os/ first: linux/arm64, windows/amd64)';

function withValidValues(error: string): string {
  return error.endsWith('unknown architecture') ? `${error}; use one of ${COMMON_PLATFORMS}` : error;
}

/**
 * A note for a node platform that parses but is probably not what was meant: `x86` is the 32-bit ABI (386)
 * to containerd's normalization, while people often write it for x86-64 nodes, whose images would all then
 * look incompatible.
 */
export function ambiguousPlatformNote(spec: string, where: string): string | undefined {
  const arch = spec.trim().toLowerCase().split('/');
  const named = namesOS(spec) ? arch[1] : arch[0];
  if (named !== 'x86') return undefined;
  return `${where}: "${spec.trim()}" means 32-bit x86 (linux/386); for 64-bit x86 (x86_64) nodes write amd64.`;
}

/** A config node pool's platform keys (`arch` in any form above, optionally `os`, `variant`, `osVersion`, `aarch32`). */
export interface PoolPlatformFields {
  arch: string;
  os?: string;
  variant?: string;
  osVersion?: string;
  aarch32?: boolean;
}

/**
 * The platform of a config node pool: `arch` through `parseNodePlatform`, with `os` and `variant` as separate
 * keys for an `arch` that does not already say them. Saying one thing twice is an error, not a silent choice.
 */
export function poolPlatform(fields: PoolPlatformFields): Parsed {
  const arch = fields.arch.trim();
  if (fields.os !== undefined && namesOS(arch))
    return { error: `"${arch}" names the OS already: drop os: ${fields.os}, or write arch without it` };
  const archParts = arch.split('/').length - (namesOS(arch) ? 1 : 0);
  if (fields.variant !== undefined && archParts > 1)
    return { error: `"${arch}" names the variant already: drop variant: ${fields.variant}` };
  const spec = [fields.os, arch, fields.variant].filter((part) => part !== undefined).join('/');
  const platform = parseNodePlatform(spec);
  if ('error' in platform) return platform;
  if (fields.osVersion !== undefined) {
    if (platform.osVersion !== undefined)
      return { error: `"${arch}" names the OS version already: drop osVersion: ${fields.osVersion}` };
    platform.osVersion = fields.osVersion;
  }
  if (fields.aarch32 !== undefined) {
    if (platform.architecture !== 'arm64')
      return { error: `aarch32 applies to arm64 pools, not ${platform.architecture}` };
    platform.aarch32 = fields.aarch32;
  }
  return platform;
}
