import type { Reporter, TestModule } from 'vitest/node';
import { CORPUS_MISSING } from './support/corpus.js';

/**
 * Ends the run with the plain line CI reads ("tests: N passed, N failed, N skipped"), after vitest's own
 * report: CI judges a run that prints no such line by its exit code alone. Before it, one line says why the
 * corpus tests were skipped, which vitest's own report does not show.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    let withoutCorpus = 0;
    for (const module of testModules) {
      const failedBefore = failed;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
        if (state === 'skipped' && test.name === CORPUS_MISSING) withoutCorpus++;
      }
      // A file that failed outside its tests (an import, a hook) counts once, so the line never says 0 failed.
      if (module.state() === 'failed' && failed === failedBefore) failed++;
    }
    if (withoutCorpus > 0)
      process.stdout.write(`\n${withoutCorpus} corpus suite(s) skipped: ${CORPUS_MISSING}\n`);
    process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
