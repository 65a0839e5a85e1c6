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
  if ('error' in parsed) return parsed;
  if (!KNOWN_OS.has(parsed.os)) return { error: `"${parsed.os}": unknown OS` };
  if (!KNOWN_ARCH.has(parsed.architecture))
    return { error: `"${parsed.architecture}": unknown architecture` };
  return parsed;
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
