import { formatBytes } from '../byte-size.js';
import type { Logger } from '../logger.js';
import type { DeepBudgets } from './budget.js';
import type { DeepFacts } from './facts.js';
import type { DeepDeps, DeepInput } from './verify.js';

export interface DeepStageOptions {
  /** The run's image source (its `content` reader). */
  source: DeepDeps['source'];
  /** The run's cache root; deep mode keeps its entries under deep/. None: nothing is kept. */
  cacheRoot: string | undefined;
  budgets: DeepBudgets;
  /** The registries' overall deadline, which deep reads share. */
  deadlineMs: number;
  logger: Logger;
}

/**
 * The "Deep verification" stage: reads the image builds the placements pull and returns their facts, with the
 * line (bytes read, time) the run keeps among its notices.
 */
export async function deepStage(
  input: DeepInput,
  opts: DeepStageOptions,
): Promise<{ facts: DeepFacts; notice: string }> {
  const { logger } = opts;
  // Deep mode's code loads only when it is on (issue 14: start fast).
  const [{ verifyDeep }, { FileDeepCache, NO_DEEP_CACHE }] = await Promise.all([
    import('./verify.js'),
    import('./cache.js'),
  ]);
  return logger.group('Deep verification', async () => {
    const started = Date.now();
    const outcome = await verifyDeep(input, {
      source: opts.source,
      cache: opts.cacheRoot ? new FileDeepCache(opts.cacheRoot) : NO_DEEP_CACHE,
      budgets: opts.budgets,
      logger,
      signal: AbortSignal.timeout(opts.deadlineMs),
    });
    const notice = `deep verification read ${outcome.children} image build(s), downloading ${formatBytes(outcome.bytes)}, in ${Date.now() - started} ms`;
    logger.info(notice);
    return { facts: outcome.facts, notice };
  });
}
