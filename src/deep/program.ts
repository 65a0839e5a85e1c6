import path from 'node:path/posix';
import { type Program, type RuntimeConfig, candidatesFor } from './command.js';
import { readExecutable } from './executable.js';
import type { LoadedFile, ProgramFact } from './facts.js';
import type { Resolved } from './overlay.js';

/** Linux follows at most 4 levels of `#!` interpreters (fs/exec.c, BINPRM_MAX_RECURSION). */
const MAX_INTERPRETERS = 4;

/**
 * What the kernel loads to run `program`: the first candidate that exists, then, for a script, its
 * interpreter, and so on. `/usr/bin/env NAME` is followed to NAME on the image's PATH, since env only
 * execs it. Every file's head says what it is built for; which pool runs it is the rules' question.
 */
export async function inspectProgram(
  program: Extract<Program, { kind: 'program' }>,
  config: RuntimeConfig,
  resolve: (file: string) => Promise<Resolved>,
): Promise<ProgramFact> {
  const files: LoadedFile[] = [];
  let candidates = program.candidates;
  for (let depth = 0; depth <= MAX_INTERPRETERS; depth++) {
    const found = await firstFile(candidates, resolve);
    if ('reason' in found) return { kind: 'incomplete', reason: found.reason };
    const executable = readExecutable(found.head);
    files.push({ path: found.path, executable });
    if (executable.kind !== 'script')
      return { kind: 'checked', written: program.written, source: program.source, files };
    const { interpreter, argument } = executable;
    // The kernel opens a relative interpreter from the process's working directory.
    candidates = [path.resolve('/', config.workingDir || '/', interpreter)];
    if (path.basename(interpreter) === 'env' && argument && !argument.startsWith('-')) {
      // Check env itself, then what it runs.
      const envFile = await firstFile(candidates, resolve);
      if ('reason' in envFile) return { kind: 'incomplete', reason: envFile.reason };
      files.push({ path: envFile.path, executable: readExecutable(envFile.head) });
      candidates = candidatesFor(argument.split(/[ \t]+/)[0]!, config);
    }
  }
  return {
    kind: 'incomplete',
    reason: `${files[0]?.path ?? program.written} nests interpreters deeper than Linux runs them`,
  };
}

async function firstFile(
  candidates: readonly string[],
  resolve: (file: string) => Promise<Resolved>,
): Promise<{ path: string; head: Uint8Array } | { reason: string }> {
  const misses: string[] = [];
  for (const candidate of candidates) {
    const found = await resolve(candidate);
    if (found.kind === 'file') return found;
    if (found.kind === 'error') return { reason: found.reason };
    misses.push(
      found.path === candidate ? `${candidate} ${found.why}` : `${candidate} (${found.path} ${found.why})`,
    );
  }
  const tried =
    misses.length > 3 ? `${misses.slice(0, 3).join('; ')}; and ${misses.length - 3} more` : misses.join('; ');
  return { reason: `the program is not in the image: ${tried}` };
}
