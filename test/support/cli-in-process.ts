import { Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliInput {
  /** What standard input holds (for `archcheck -`): text, or bytes as written. */
  stdin?: string | Uint8Array;
}

/**
 * Runs the CLI's `main` in this process with captured streams (not a TTY, like a pipe: main only calls write()
 * and reads isTTY). Spawning a process per table row would cost about a second of CPU each.
 */
export async function runCliInProcess(args: string[], input: CliInput = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const stream = (write: (s: string) => void) =>
    ({ isTTY: false, write: (s: string) => (write(s), true) }) as unknown;
  const code = await main(args, {
    stdout: stream((s) => (stdout += s)) as typeof process.stdout,
    stderr: stream((s) => (stderr += s)) as typeof process.stderr,
    // An empty pipe when the test gives nothing: `-` must never wait on the test runner's own stdin.
    stdin: Readable.from([Buffer.from(input.stdin ?? '')]),
  });
  return { code, stdout, stderr };
}
