import { mapLimit } from '../map-limit.js';
import { errorMessage } from '../errors.js';
import { canonicalImage, type ImageRef } from '../images/reference.js';
import type { Logger } from '../logger.js';
import type { Platform } from '../platforms/platform.js';
import type { ImageContent, Resolution } from '../registry/source.js';
import type { WorkloadPlacement } from '../rules/rule.js';
import { formatBytes } from '../byte-size.js';
import { ByteMeter, type DeepBudgets } from './budget.js';
import type { DeepCache } from './cache.js';
import { type CommandOverride, programOf } from './command.js';
import {
  type ChildFact,
  type DeepFacts,
  type ProgramFact,
  childKey,
  programKey,
  pulledPlatform,
} from './facts.js';
import type { ReaderDeps } from './image-reader.js';

export interface DeepInput {
  placements: readonly WorkloadPlacement[];
  /** By canonical reference. */
  resolutions: ReadonlyMap<string, Resolution>;
}

export interface DeepDeps {
  /** The run's image source; deep mode needs its `content` reader. */
  source: { content?(ref: ImageRef): ImageContent };
  cache: DeepCache;
  budgets: DeepBudgets;
  logger: Logger;
  signal: AbortSignal;
}

export interface DeepOutcome {
  facts: DeepFacts;
  /** Bytes downloaded (manifests, configs, layer ranges); 0 when everything came from the cache. */
  bytes: number;
  children: number;
}

interface ChildNeed {
  platform: Platform;
  programs: Map<string, CommandOverride>;
}

interface ImageNeed {
  ref: ImageRef;
  resolution: Extract<Resolution, { kind: 'index' | 'single' }>;
  children: Map<string, ChildNeed>;
}

/** Images read at once: each streams its own layers, and the registry limiter bounds requests anyway. */
const IMAGE_CONCURRENCY = 4;

/**
 * The deep stage: for every image child some eligible pool pulls (Linux only), its config's platform and what
 * each container using it runs. Only the children and programs the placements need are read.
 */
export async function verifyDeep(input: DeepInput, deps: DeepDeps): Promise<DeepOutcome> {
  // The readers (tar, gzip, zstd, ELF) load only when deep mode runs, which most runs do not (issue 14).
  const [{ layerLookup, readChild }, { resolveFile }, { inspectProgram }] = await Promise.all([
    import('./image-reader.js'),
    import('./overlay.js'),
    import('./program.js'),
  ]);
  const needs = collectNeeds(input);
  const children = new Map<string, ChildFact>();
  const programs = new Map<string, ProgramFact>();
  const meter = new ByteMeter(deps.budgets);
  const memo: ReaderDeps['memo'] = new Map();
  await mapLimit([...needs], IMAGE_CONCURRENCY, async ([image, need]) => {
    try {
      const content = deps.source.content?.(need.ref);
      if (!content) throw new Error('the image source cannot read blobs');
      const reader: ReaderDeps = { content, cache: deps.cache, meter, image, signal: deps.signal, memo };
      for (const [ck, child] of need.children) {
        const read = await readChild(reader, need.resolution, child.platform);
        if ('error' in read) {
          children.set(ck, { kind: 'incomplete', reason: read.error });
          continue;
        }
        children.set(ck, read.fact);
        const lookup = layerLookup(reader, read.layers);
        const resolve = (file: string) => resolveFile(file, read.layers.length, lookup);
        for (const [pk, override] of child.programs) {
          const program = programOf(override, read.config);
          programs.set(
            pk,
            program.kind === 'none'
              ? { kind: 'incomplete', reason: program.reason }
              : await inspectProgram(program, read.config, resolve),
          );
        }
      }
    } catch (error) {
      // A bug in one image's reading must not cost the rest of the run its checks.
      for (const ck of need.children.keys()) {
        if (!children.has(ck))
          children.set(ck, { kind: 'incomplete', reason: `internal error: ${errorMessage(error)}` });
      }
    }
    deps.logger.debug(`deep ${image}: ${formatBytes(meter.spentOn(image))} downloaded`);
  });
  const count = [...needs.values()].reduce((n, need) => n + need.children.size, 0);
  return { facts: { children, programs }, bytes: meter.total, children: count };
}

function collectNeeds(input: DeepInput): Map<string, ImageNeed> {
  const needs = new Map<string, ImageNeed>();
  for (const { workload, pools } of input.placements) {
    for (const container of workload.containers) {
      if (!container.ref) continue;
      const image = canonicalImage(container.ref);
      const resolution = input.resolutions.get(image);
      if (!resolution || resolution.kind === 'error') continue;
      for (const { pool } of pools.filter((p) => p.eligible)) {
        const platform = pulledPlatform(pool.platform, resolution);
        if (!platform) continue;
        let need = needs.get(image);
        if (!need) needs.set(image, (need = { ref: container.ref, resolution, children: new Map() }));
        const ck = childKey(image, platform);
        let child = need.children.get(ck);
        if (!child) need.children.set(ck, (child = { platform, programs: new Map() }));
        const override: CommandOverride = {};
        if (container.command) override.command = container.command;
        if (container.args) override.args = container.args;
        child.programs.set(programKey(image, platform, override), override);
      }
    }
  }
  return needs;
}
