import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigurationError } from '../errors.js';
import { emptyConfig } from './defaults.js';
import { parseConfig } from './parse.js';
import type { Config } from './types.js';

/** Looked for in this order in the working directory when no `--config` is given. */
export const CONFIG_NAMES = ['.archcheck.yaml', '.archcheck.yml', '.github/archcheck.yaml'] as const;

/** Finds and loads the config; `undefined` file means defaults. Errors name the file, line, and key. */
export async function loadConfig(cwd: string, explicit?: string): Promise<Config> {
  if (explicit) {
    const file = path.resolve(cwd, explicit);
    const text = await readFile(file, 'utf8').catch((error: unknown) => {
      throw new ConfigurationError(unreadableConfig(explicit, (error as NodeJS.ErrnoException).code));
    });
    return parseConfig(text, file);
  }
  for (const name of CONFIG_NAMES) {
    const file = path.join(cwd, name);
    const text = await readFile(file, 'utf8').catch(() => undefined);
    // `.github/archcheck.yaml` lives beside the workflows, but its paths are the repository's.
    if (text !== undefined) return parseConfig(text, file, cwd);
  }
  return emptyConfig();
}

/** The real cause of a `--config` that cannot be read, in words: "not found" misleads when it is a directory. */
function unreadableConfig(name: string, code: string | undefined): string {
  switch (code) {
    case 'ENOENT':
      return `config file not found: ${name}`;
    case 'EISDIR':
      return `config path is a directory, not a file: ${name}`;
    case 'EACCES':
    case 'EPERM':
      return `config file cannot be read (permission denied): ${name}`;
    case 'ENOTDIR':
      return `config path goes through a file as if it were a directory: ${name}`;
    default:
      return `config file cannot be read (${code ?? 'unknown error'}): ${name}`;
  }
}
