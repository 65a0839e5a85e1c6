import { nodeRuns } from '../platforms/match.js';
import { formatPlatform, normalizePlatform } from '../platforms/normalize.js';
import type { NodePlatform, Platform } from '../platforms/platform.js';
import type { Resolution } from '../registry/source.js';
import type { CommandOverride, ProgramSource } from './command.js';
import type { Executable } from './executable.js';

/** What deep verification learned about one image child (one platform of one image). */
export type ChildFact =
  /** `real`: the config's platform; `variantDeclared`: whether the config names a variant at all. */
  { kind: 'read'; real: Platform; variantDeclared: boolean } | { kind: 'incomplete'; reason: string };

/** One file the kernel loads on the way to running the program: the program, its interpreter, ... */
export interface LoadedFile {
  path: string;
  executable: Executable;
}

/** What a container's program turned out to be. */
export type ProgramFact =
  | { kind: 'checked'; written: string; source: ProgramSource; files: LoadedFile[] }
  | { kind: 'incomplete'; reason: string };

/** Deep verification's output: the stage's value that the deep rules read (keys from the functions below). */
export interface DeepFacts {
  children: ReadonlyMap<string, ChildFact>;
  programs: ReadonlyMap<string, ProgramFact>;
}

export const childKey = (image: string, platform: Platform): string => `${image} ${formatPlatform(platform)}`;

export const programKey = (image: string, platform: Platform, use: CommandOverride): string =>
  `${childKey(image, platform)} ${JSON.stringify([use.command ?? [], use.args ?? []])}`;

/**
 * The platform of an image that a node of `pool` pulls, or undefined when it pulls none (or deep mode does
 * not look at it: only Linux is checked). From an index, containerd's platforms.Only(node) prefers an exact
 * match, then the same architecture at a lower variant, then another architecture the node runs (386 on
 * amd64); this keeps that order without ranking variants further.
 */
export function pulledPlatform(pool: NodePlatform, resolution: Resolution | undefined): Platform | undefined {
  if (pool.os !== 'linux' || !resolution) return undefined;
  switch (resolution.kind) {
    case 'single':
      return nodeRuns(pool, resolution.platform) ? resolution.platform : undefined;
    case 'index': {
      const runs = resolution.platforms.filter((p) => p.os === 'linux' && nodeRuns(pool, p));
      const node = normalizePlatform(pool);
      return (
        runs.find((p) => p.architecture === node.architecture && p.variant === node.variant) ??
        runs.find((p) => p.architecture === node.architecture) ??
        runs[0]
      );
    }
    case 'error':
      return undefined;
    default: {
      const unreachable: never = resolution;
      return unreachable;
    }
  }
}

/**
 * Whether the config's platform contradicts what the index claims: another OS or architecture, or a
 * variant the config names that differs (a config without a variant is not a contradiction: many builders
 * leave it out).
 */
export function contradicts(claimed: Platform, fact: Extract<ChildFact, { kind: 'read' }>): boolean {
  const c = normalizePlatform(claimed);
  const r = normalizePlatform(fact.real);
  if (c.os !== r.os || c.architecture !== r.architecture) return true;
  return fact.variantDeclared && (c.variant ?? '') !== (r.variant ?? '');
}
