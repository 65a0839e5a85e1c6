import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { ConfigurationError } from '../errors.js';
import { posixRelative } from '../paths.js';

/** A file to read: its absolute path and the name reports use (relative to cwd, `/`-separated). */
export interface SourceFile {
  path: string;
  file: string;
}

export interface DiscoverOptions {
  cwd: string;
  /** Files or directories, relative to cwd or absolute. */
  paths: readonly string[];
  /** Globs relative to `globBase` that add files of other extensions (e.g. `renders/*.txt`). */
  include: readonly string[];
  /** Globs relative to `globBase` that remove files. */
  exclude: readonly string[];
  /** The config file's directory (globs are relative to it), cwd when there is none. */
  globBase: string;
  /** Absolute paths never read as manifests (the config file itself). */
  skip?: readonly string[];
}

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
const SKIPPED_DIRS = new Set(['.git', 'node_modules']);

/**
 * Lists the manifest files under the given paths, recursively, in a stable order. A path given explicitly is
 * read whatever its extension; in directories only .yaml/.yml/.json (plus `include` globs) are taken.
 * A path that does not exist is a usage error.
 */
export async function discoverFiles(options: DiscoverOptions): Promise<SourceFile[]> {
  const isIncluded =
    options.include.length > 0 ? picomatch([...options.include], { dot: true }) : () => false;
  const isExcluded =
    options.exclude.length > 0 ? picomatch([...options.exclude], { dot: true }) : () => false;
  const globPath = (abs: string) => posixRelative(options.globBase, abs);
  const found = new Map<string, SourceFile>();

  const skip = new Set(options.skip ?? []);
  const add = (abs: string) => {
    if (!skip.has(abs) && !isExcluded(globPath(abs)))
      found.set(abs, { path: abs, file: posixRelative(options.cwd, abs) });
  };

  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !isExcluded(`${globPath(abs)}/`)) await walk(abs);
      } else if (entry.isFile()) {
        if (MANIFEST_EXTENSIONS.has(path.extname(entry.name).toLowerCase()) || isIncluded(globPath(abs)))
          add(abs);
      }
    }
  };

  for (const given of options.paths.length > 0 ? options.paths : ['.']) {
    const abs = path.resolve(options.cwd, given);
    const info = await stat(abs).catch(() => undefined);
    if (!info) throw new ConfigurationError(`path not found: ${given}`);
    if (info.isDirectory()) await walk(abs);
    else add(abs);
  }
  return [...found.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
