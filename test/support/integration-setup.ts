import { missingTools } from './binaries.js';

/**
 * globalSetup of the integration project: without its system tools every registry, kubectl and TLS test would
 * fail on its own with a spawn ENOENT, so stop once, first, saying what to install.
 */
export default function checkSystemTools(): void {
  const missing = missingTools(process.env);
  if (missing.length > 0) {
    throw new Error(
      `the integration tests need tools that are not installed:\n  ${missing.join('\n  ')}\n` +
        'Install them, or run only the unit tests: npm run test:unit',
    );
  }
}
