import { expect } from 'vitest';
import { runArchcheck } from '../../src/engine/run.js';
import type { Report } from '../../src/engine/report.js';
import { RecordingLogger } from '../../src/logger.js';
import type { ImageSource } from '../../src/registry/source.js';
import { composeTuning } from '../../src/sources/files.js';

/**
 * Golden comparison for issue 14: skipping the composition of documents that can hold no container, and building
 * simple ones without the `yaml` package's parser (fastCompose), changes no finding, position, workload or count;
 * only `stats.syntaxOnlyDocuments` says it happened. A tree is run twice, every document composed by the library
 * and then the fast way, so the JSON reports can be compared whole.
 */

/** Images whose repository has an `a` run on both architectures, the others on amd64 only: reports carry findings. */
const source: ImageSource = {
  resolve: async (ref) =>
    ref.repository.includes('a')
      ? {
          kind: 'index',
          digest: `sha256:${'a'.repeat(64)}`,
          platforms: [
            { os: 'linux', architecture: 'amd64' },
            { os: 'linux', architecture: 'arm64' },
          ],
        }
      : {
          kind: 'single',
          digest: `sha256:${'b'.repeat(64)}`,
          platform: { os: 'linux', architecture: 'amd64' },
        },
};

async function run(dir: string, everyDocument: boolean): Promise<Report | string> {
  composeTuning.everyDocument = everyDocument;
  try {
    return await runArchcheck(
      { cwd: dir, paths: ['.'], noCache: true },
      { logger: new RecordingLogger(), imageSource: source, now: () => new Date('2026-11-29T00:00:00Z') },
    );
  } catch (error) {
    // A tree whose config is refused must be refused the same way both times.
    return `throws: ${String(error)}`;
  } finally {
    composeTuning.everyDocument = false;
  }
}

/** Both reports (the fast one without its counter), and that counter, to show the fast way was taken. */
export async function composedBothWays(dir: string) {
  const full = await run(dir, true);
  const fast = await run(dir, false);
  if (typeof fast === 'string' || typeof full === 'string') return { full, fast, syntaxOnly: 0 };
  const { syntaxOnlyDocuments, ...stats } = fast.stats;
  expect(full.stats.syntaxOnlyDocuments).toBeUndefined();
  return { full, fast: { ...fast, stats }, syntaxOnly: syntaxOnlyDocuments ?? 0 };
}
