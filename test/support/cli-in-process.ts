import { main } from '../../src/cli/main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI's `main` in this process with captured streams (not a TTY, like a pipe: main only calls write()
 * and reads isTTY). Spawning a process per table row would cost about a second of CPU each.
 */
export async function runCliInProcess(args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const stream = (write: (s: string) => void) =>
    ({ isTTY: false, write: (s: string) => (write(s), true) }) as unknown;
  const code = await main(args, {
    stdout: stream((s) => (stdout += s)) as typeof process.stdout,
    stderr: stream((s) => (stderr += s)) as typeof process.stderr,
  });
  return { code, stdout, stderr };
}
