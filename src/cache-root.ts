import path from 'node:path';

/** The environment variable naming archcheck's cache directory (trusted side only, never the config file). */
export const CACHE_DIR_ENV = 'ARCHCHECK_CACHE_DIR';

/**
 * The root of archcheck's cache: `--cache-dir` (or the action's `cache-dir` input), else
 * `ARCHCHECK_CACHE_DIR`, else `$XDG_CACHE_HOME/archcheck`, else `~/.cache/archcheck` (the XDG Base
 * Directory spec's default). Each user of the cache keeps a subdirectory of its own (`registry/`, `deep/`,
 * `compile/`).
 * Undefined when there is no home to put it in.
 */
export function cacheRoot(env: Record<string, string | undefined>, flag?: string): string | undefined {
  const chosen = flag || env[CACHE_DIR_ENV];
  if (chosen) return path.resolve(chosen);
  // XDG: a relative XDG_CACHE_HOME is invalid and must be ignored.
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'archcheck');
  const home = env.HOME || env.USERPROFILE;
  return home ? path.join(home, '.cache', 'archcheck') : undefined;
}
