import { isUnknownPlatform, normalizePlatform } from './normalize.js';
import type { NodePlatform, Platform } from './platform.js';
import { windowsVersionRuns } from './windows.js';

/** `v7` -> [7, 0], `v8.2` -> [8, 2]; anything else (`unrecognized-present`, `sse2`) -> undefined. */
function version(variant: string): [number, number] | undefined {
  const m = /^v(\d+)(?:\.(\d+))?$/.exec(variant);
  return m ? [Number(m[1]), Number(m[2] ?? 0)] : undefined;
}

/**
 * amd64 microarchitecture levels (GOAMD64): a vN node runs v1..vN (containerd/platforms compare.go
 * `platformVector`). A node declared as plain amd64 is taken to be the baseline v1, so it does not run an
 * image published only as amd64/v2+: those binaries use instructions a v1 CPU lacks.
 */
function amd64Runs(node: string, image: string): boolean {
  const n = version(node || 'v1');
  const i = version(image || 'v1');
  return n !== undefined && i !== undefined && i[1] === 0 && i[0] >= 1 && i[0] <= n[0];
}

/** arm/vN runs arm/vN down to arm/v5 (compare.go: "For arm/v7, will also match arm/v6 and arm/v5"). */
function armRuns(node: string, image: string): boolean {
  const n = version(node);
  const i = version(image);
  return n !== undefined && i !== undefined && i[1] === 0 && n[1] === 0 && i[0] >= 5 && i[0] <= n[0];
}

/**
 * arm64 (default v8): v8.x runs v8.0..v8.x; v9.x runs v9.0..v9.x and v8.0..v8.(x+5), capped at v8.9,
 * because "v9.0 diverged from v8.5" (compare.go `platformVector`).
 */
function arm64Runs(node: string, image: string): boolean {
  if (!arm64Known(node)) return false;
  const n = version(node || 'v8');
  const i = version(image || 'v8');
  if (n === undefined || i === undefined) return false;
  const [nMajor, nMinor] = n;
  const [iMajor, iMinor] = i;
  if (iMajor === nMajor) return nMajor >= 8 && iMinor <= nMinor;
  return nMajor === 9 && iMajor === 8 && iMinor <= Math.min(nMinor + 5, 9);
}

/** compare.go `arm64variantToVersion`: the arm64 node variants containerd expands (v8..v8.9, v9..v9.7). */
function arm64Known(variant: string): boolean {
  const v = version(variant || 'v8');
  return v !== undefined && ((v[0] === 8 && v[1] <= 9) || (v[0] === 9 && v[1] <= 7));
}

/**
 * Can a node of platform `node` run an image built for `image`? Both are normalized first.
 *
 * Follows containerd/platforms `Only(node).Match(image)` (compare.go `platformVector`), Windows versions
 * included (platform_windows_compat.go, see ./windows.ts), with one decision of ours: an arm64 node runs
 * arm/* images only when it declares `aarch32`. containerd assumes AArch32 support, but it is optional in
 * ARMv8 and absent from current server cores (Graviton 3/4, Ampere One, Apple M-series), so by default an
 * arm64 pool cannot be trusted to run a 32-bit image.
 *
 * An image that is `unknown/unknown` (an attestation) is run by no node.
 */
export function nodeRuns(node: NodePlatform, image: Platform): boolean {
  const n = normalizePlatform(node);
  const i = normalizePlatform(image);
  if (isUnknownPlatform(i) || n.os !== i.os) return false;
  if (n.os === 'windows' && !windowsVersionRuns(n.osVersion, i.osVersion)) return false;
  const nv = n.variant ?? '';
  const iv = i.variant ?? '';
  if (n.architecture === i.architecture && nv === iv) return true;
  switch (n.architecture) {
    case 'amd64':
      // containerd appends plain 386 to every amd64 vector: x86-64 CPUs run 32-bit x86 code.
      if (i.architecture === '386') return iv === '';
      return i.architecture === 'amd64' && amd64Runs(nv, iv);
    case 'arm':
      return i.architecture === 'arm' && armRuns(nv, iv);
    case 'arm64':
      // compare.go: "All arm64/v8.x and arm64/v9.x are compatible with arm/v8 (32-bits) and below".
      if (i.architecture === 'arm') return node.aarch32 === true && arm64Known(nv) && armRuns('v8', iv);
      return i.architecture === 'arm64' && arm64Runs(nv, iv);
    default:
      return false;
  }
}

/** Of `imagePlatforms`, is there one the node runs? (`nodeRuns` for each.) */
export function nodeRunsAny(node: NodePlatform, imagePlatforms: readonly Platform[]): boolean {
  return imagePlatforms.some((image) => nodeRuns(node, image));
}

/** Chunks of digits compare as numbers, so v10 sorts after v9 and Windows build 9200 before 17763. */
function naturalCompare(a: string, b: string): number {
  const ca = a.match(/\d+|\D+/g) ?? [];
  const cb = b.match(/\d+|\D+/g) ?? [];
  for (let k = 0; k < Math.min(ca.length, cb.length); k++) {
    const x = ca[k]!;
    const y = cb[k]!;
    if (x === y) continue;
    const numeric = /^\d/.test(x) && /^\d/.test(y);
    if (numeric && Number(x) !== Number(y)) return Number(x) < Number(y) ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return ca.length - cb.length;
}

/**
 * Total order over normalized platforms for sorting and deduplication: OS, architecture, variant, then
 * `osVersion` (absent first). Two Windows platforms that print the same (`formatPlatform` omits
 * `os.version`) but differ in build are different platforms here, since they run on different nodes.
 */
export function comparePlatforms(a: Platform, b: Platform): number {
  const x = normalizePlatform(a);
  const y = normalizePlatform(b);
  return (
    naturalCompare(x.os, y.os) ||
    naturalCompare(x.architecture, y.architecture) ||
    naturalCompare(x.variant ?? '', y.variant ?? '') ||
    naturalCompare(x.osVersion ?? '', y.osVersion ?? '')
  );
}

/** Equal after normalization, `osVersion` included (see comparePlatforms). */
export function samePlatform(a: Platform, b: Platform): boolean {
  return comparePlatforms(a, b) === 0;
}
