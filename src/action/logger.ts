import * as core from '@actions/core';
import type { Logger } from '../logger.js';
import { safeTerminalText } from '../reporters/untrusted.js';

/**
 * The engine's `Logger` on the runner: one collapsible `core.group` per stage with its duration, warnings as
 * warning annotations (counted: they share the step's limit of ten with the findings), debug lines only
 * when step debug logging (ACTIONS_STEP_DEBUG) is on, as `core.debug` does.
 */
export class ActionLogger implements Logger {
  warnings = 0;

  debug(message: string): void {
    core.debug(message);
  }

  info(message: string): void {
    // core.info writes the text as it is (debug, warning and group escape theirs): engine messages quote file
    // names and images from the pull request, and a line of them must not become a workflow command.
    core.info(safeTerminalText(message, false));
  }

  warning(message: string): void {
    this.warnings++;
    core.warning(message);
  }

  group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    return core.group(name, async () => {
      const started = performance.now();
      try {
        return await fn();
      } finally {
        core.info(`${name}: ${Math.round(performance.now() - started)} ms`);
      }
    });
  }
}
