import type { NodePool } from '../clusters/node-pool.js';
import type { ClusterConfig } from '../clusters/cluster.js';
import type { CommandOverride } from '../deep/command.js';
import { pulledPlatform } from '../deep/facts.js';
import { canonicalImage } from '../images/reference.js';
import { formatPlatform } from '../platforms/normalize.js';
import type { Platform } from '../platforms/platform.js';
import type { Resolution } from '../registry/source.js';
import type { ContainerUse, Workload } from '../workloads/workload.js';
import type { CheckContext } from './rule.js';

/** One image child as deep mode checked it for one container in one cluster, with the pools that pull it. */
export interface DeepTarget {
  workload: Workload;
  cluster: ClusterConfig;
  container: ContainerUse;
  /** Canonical reference (the key of resolutions and deep facts). */
  image: string;
  resolution: Extract<Resolution, { kind: 'index' | 'single' }>;
  /** The child's platform as the index (or a single image's config) states it. */
  platform: Platform;
  pools: NodePool[];
  override: CommandOverride;
}

/** Every (container, cluster, child) deep mode looked at; empty when deep mode did not run. */
export function deepTargets(ctx: CheckContext): DeepTarget[] {
  if (!ctx.deep) return [];
  const out: DeepTarget[] = [];
  for (const { workload, cluster, pools } of ctx.placements) {
    const eligible = pools.filter((p) => p.eligible).map((p) => p.pool);
    for (const container of workload.containers) {
      if (!container.ref) continue;
      const image = canonicalImage(container.ref);
      const resolution = ctx.resolutions.get(image);
      if (!resolution || resolution.kind === 'error') continue;
      const byChild = new Map<string, DeepTarget>();
      for (const pool of eligible) {
        const platform = pulledPlatform(pool.platform, resolution);
        if (!platform) continue;
        const key = formatPlatform(platform);
        const known = byChild.get(key);
        if (known) {
          known.pools.push(pool);
          continue;
        }
        const override: CommandOverride = {};
        if (container.command) override.command = container.command;
        if (container.args) override.args = container.args;
        byChild.set(key, {
          workload,
          cluster,
          container,
          image,
          resolution,
          platform,
          pools: [pool],
          override,
        });
      }
      out.push(...byChild.values());
    }
  }
  return out;
}

/** `pool arm (linux/arm64), pool graviton (linux/arm64)`. */
export function poolList(pools: readonly NodePool[]): string {
  return pools.map((p) => `pool ${p.name} (${formatPlatform(p.platform)})`).join(', ');
}

/**
 * Paths and link targets read from image layers are whatever the image's author wrote, control characters
 * included: a message shows them as `?` so they cannot move a terminal's cursor or split a log line.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}
