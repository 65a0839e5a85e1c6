import { readdir, realpath, stat } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import type { ParseProblem } from '../documents/parse.js';
import { ConfigurationError } from '../errors.js';
import { posixRelative } from '../paths.js';
import { STDIN_ARG, stdinSource } from './stdin.js';

/** A file to read: its absolute path and the name reports use (relative to cwd, `/`-separated). */
export interface SourceFile {
  path: string;
  file: string;
  /** Read from standard input (the path `-`), not from `path`. */
  stdin?: true;
  /**
   * Named on its own (a path that is a file) and not also found by walking a named directory: the user asked for
   * exactly this file, so it is read as a loose manifest and its directory's kustomization is not built for it.
   */
  named?: true;
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
  /** The file system calls, injectable so tests can make a directory fail the way a real disk does. */
  fs?: DiscoverFs;
}

export interface DiscoverFs {
  readdir: (dir: string) => Promise<Dirent[]>;
  realpath: (p: string) => Promise<string>;
  stat: (p: string) => Promise<{ isDirectory(): boolean; isFile(): boolean }>;
}

export interface Discovery {
  files: SourceFile[];
  /** Absolute directories holding a `Chart.yaml` found while walking: Helm charts, never read as manifests. */
  charts: string[];
  /** Directories that could not be listed: findings, while the rest of the tree is still read. */
  problems: ParseProblem[];
  /** Entries deliberately not read, each naming the file and why. */
  notices: string[];
}

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
// Never manifests: VCS data, CI workflows, and dependencies other projects own (their YAML is not deployed).
const SKIPPED_DIRS = new Set(['.git', '.github', 'node_modules', 'vendor', 'third_party']);
const REAL_FS: DiscoverFs = {
  readdir: (dir) => readdir(dir, { withFileTypes: true }),
  realpath,
  stat,
};

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const inside = (root: string, p: string) => p === root || p.startsWith(`${root}${path.sep}`);

/**
 * Lists the manifest files under the given paths, recursively, in a stable order. A path given explicitly is
 * read whatever its extension; in directories only .yaml/.yml/.json (plus `include` globs) are taken, and a
 * directory with a `Chart.yaml` is a Helm chart (listed in `charts`, its files never read as manifests).
 * The walk is iterative (a tree thousands of levels deep cannot exhaust the stack); a directory that cannot be
 * listed is a problem and the walk goes on. Symlinks are followed only when their target stays inside cwd.
 * A path that does not exist is a usage error. The path `-` is standard input, one loose file (`<stdin>`).
 */
export async function discoverFiles(options: DiscoverOptions): Promise<Discovery> {
  const fs = options.fs ?? REAL_FS;
  const isIncluded =
    options.include.length > 0 ? picomatch([...options.include], { dot: true }) : () => false;
  const isExcluded =
    options.exclude.length > 0 ? picomatch([...options.exclude], { dot: true }) : () => false;
  const globPath = (abs: string) => posixRelative(options.globBase, abs);
  const found = new Map<string, SourceFile>();
  const charts = new Set<string>();
  const problems: ParseProblem[] = [];
  const notices: string[] = [];
  const workspace = await fs.realpath(options.cwd).catch(() => path.resolve(options.cwd));
  // Real paths of directories already walked: a symlink loop or two links to one directory read it once.
  const walked = new Set<string>();

  const skip = new Set(options.skip ?? []);
  const add = (abs: string, named = false) => {
    if (skip.has(abs) || isExcluded(globPath(abs))) return;
    const entry: SourceFile = { path: abs, file: posixRelative(options.cwd, abs) };
    // A file both named and inside a named directory belongs to the directory (its kustomization still builds it).
    const previous = found.get(abs);
    if (named && (!previous || previous.named)) entry.named = true;
    found.set(abs, entry);
  };
  const problem = (abs: string, what: string, error: unknown) =>
    problems.push({
      message: `cannot read ${what}: ${(error as NodeJS.ErrnoException).code ?? String(error)}; the rest of the tree was checked`,
      location: { file: posixRelative(options.cwd, abs) || '.', line: 1, column: 1 },
    });

  /** What a symlink points at, when it stays inside the workspace; otherwise a notice and undefined. */
  const followLink = async (abs: string): Promise<'dir' | 'file' | undefined> => {
    try {
      const target = await fs.realpath(abs);
      if (!inside(workspace, target)) {
        notices.push(
          `${posixRelative(options.cwd, abs)} is a symlink to a path outside the workspace: not read.`,
        );
        return undefined;
      }
      const info = await fs.stat(target);
      return info.isDirectory() ? 'dir' : info.isFile() ? 'file' : undefined;
    } catch (error) {
      problem(abs, 'symlink', error);
      return undefined;
    }
  };

  const walk = async (start: string): Promise<void> => {
    const pending = [start];
    for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
      let entries: Dirent[];
      try {
        const real = await fs.realpath(dir);
        if (walked.has(real)) continue;
        walked.add(real);
        entries = await fs.readdir(dir);
      } catch (error) {
        problem(dir, 'directory', error);
        continue;
      }
      if (entries.some((e) => e.name === 'Chart.yaml' && (e.isFile() || e.isSymbolicLink()))) {
        charts.add(dir);
        continue;
      }
      const subdirs: string[] = [];
      for (const entry of entries.sort(byName)) {
        const abs = path.join(dir, entry.name);
        const type = entry.isSymbolicLink()
          ? await followLink(abs)
          : entry.isDirectory()
            ? 'dir'
            : entry.isFile()
              ? 'file'
              : undefined;
        if (type === 'dir') {
          if (!SKIPPED_DIRS.has(entry.name) && !isExcluded(`${globPath(abs)}/`)) subdirs.push(abs);
        } else if (type === 'file') {
          if (MANIFEST_EXTENSIONS.has(path.extname(entry.name).toLowerCase()) || isIncluded(globPath(abs)))
            add(abs);
        }
      }
      pending.push(...subdirs.reverse());
    }
  };

  for (const given of options.paths.length > 0 ? options.paths : ['.']) {
    if (given === STDIN_ARG) {
      const source = stdinSource(options.cwd);
      found.set(source.path, source);
      continue;
    }
    const abs = path.resolve(options.cwd, given);
    const info = await fs.stat(abs).catch(() => undefined);
    if (!info) throw new ConfigurationError(`path not found: ${given}`);
    if (info.isDirectory()) await walk(abs);
    else add(abs, true);
  }
  return {
    files: [...found.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
    charts: [...charts].sort(),
    problems,
    notices,
  };
}
