import type { RawPlatform } from '../../../src/platforms/normalize.js';
import type { TaintEffect } from '../../../src/clusters/node-pool.js';

/**
 * One upstream test case, transcribed by hand: where it comes from (`source`: repository, file and test
 * function; `name`: the subtest or case name), what upstream answers (`upstream`), and, where archcheck answers
 * otherwise on purpose, its answer (`archcheck`) and why (`reason`, also listed in the README).
 */
export interface Upstream {
  source: string;
  name: string;
  upstream: boolean;
  archcheck?: boolean;
  reason?: string;
}

/** The answer archcheck must give. */
export function expected(c: Upstream): boolean {
  return c.archcheck ?? c.upstream;
}

/** Can a node of platform `node` run an image of platform `image`? */
export interface PlatformCase extends Upstream {
  /** As a pool's `arch:` takes it: `linux/arm64/v8`, `windows(10.0.20348)/amd64`. */
  node: string;
  aarch32?: boolean;
  /** A specifier (containerd syntax, `windows(10.0.17763)/amd64`), or the raw descriptor platform. */
  image: string | RawPlatform;
}

export interface Requirement {
  key: string;
  operator: string;
  values?: string[];
}

export interface Term {
  matchExpressions?: Requirement[];
  matchFields?: Requirement[];
}

export interface TolerationSpec {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
}

export interface TaintSpec {
  key: string;
  value?: string;
  effect: TaintEffect;
}

/** Can a pod land on a node? `terms`: the required node affinity's term list (`null` as written in YAML). */
export interface PlacementCase extends Upstream {
  pod: { nodeSelector?: Record<string, string>; terms?: Term[] | null; tolerations?: TolerationSpec[] };
  /** `platform`: as a pool's `arch:` takes it (default linux/arm64). */
  node: { platform?: string; labels?: Record<string, string>; taints?: TaintSpec[] };
}

/** Is an image reference valid, and what does it name? */
export interface ReferenceCase extends Upstream {
  input: string;
  /** The canonical form archcheck names it by, when valid. */
  canonical?: string;
}

/** How a platform specifier is read for a node (`--arch`, `architectures`, `arch:`). */
export interface ParseCase {
  source: string;
  name: string;
  /** What upstream parses it to on a linux/amd64 host, in archcheck's printed form. */
  upstream: string;
  /** What archcheck makes of it, when that differs on purpose: another platform, or an error. */
  archcheck?: string | { error: string };
  reason?: string;
}
