import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Two projects. `unit`: pure code, fixtures, in-process loopback servers and the shared corpus when present
 * (seconds). `integration`: files named `*.integration.test.ts`, which run system tools (docker-registry,
 * skopeo, htpasswd, openssl, kubectl), subprocesses, the bundled dist/ or whole CLI runs over case tables;
 * its globalSetup stops the run early, saying what to install, when a tool is missing.
 */
const INTEGRATION = 'test/**/*.integration.test.ts';

export default defineConfig({
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    // What a test runs keeps its caches (registry answers, the CLI's compiled code) here, never in the home of
    // whoever runs the tests; a test about the cache directory sets its own.
    env: { ARCHCHECK_CACHE_DIR: path.join(os.tmpdir(), 'archcheck-test-cache') },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [INTEGRATION] },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: [INTEGRATION],
          globalSetup: ['./test/support/integration-setup.ts'],
        },
      },
    ],
  },
});
