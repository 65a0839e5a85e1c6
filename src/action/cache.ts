import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import * as actionsCache from '@actions/cache';

/** The part of `@actions/cache` we use; tests may pass another implementation. */
export type CacheService = Pick<typeof actionsCache, 'isFeatureAvailable' | 'restoreCache' | 'saveCache'>;

/** Keys are `archcheck-cache-v1-<runner os>-<fingerprint of the entries>`; restores take the newest. */
const PREFIX = 'archcheck-cache-v1';

export interface Restored {
  /** The key restored, when one was. */
  key?: string;
  /** What the log should say. */
  note: string;
}

/**
 * Restores archcheck's cache directory from the Actions cache before images are resolved: the newest
 * entry of this runner OS. A no-op with a note where the service is unavailable (GHES without it, `act`,
 * a local run); a failed restore only costs requests, never the run.
 */
export async function restoreRunCache(
  dir: string,
  env: Record<string, string | undefined>,
  service: CacheService = actionsCache,
): Promise<Restored> {
  if (!service.isFeatureAvailable()) {
    return {
      note:
        'The Actions cache service is not available here (no ACTIONS_RESULTS_URL or ACTIONS_CACHE_URL: ' +
        `GitHub Enterprise Server without it, act, or a local run); the registry cache stays in ${dir} on this runner only.`,
    };
  }
  try {
    const key = await service.restoreCache([dir], prefix(env), []);
    return key
      ? { key, note: `Registry cache restored from the Actions cache (${key}).` }
      : { note: 'No registry cache in the Actions cache yet: this run reads every image and saves one.' };
  } catch (error) {
    return { note: `The registry cache was not restored: ${message(error)}.` };
  }
}

/**
 * Saves the cache directory after the run under a key that names its content, so a grown cache gets a
 * new entry (Actions cache entries are immutable) and an unchanged one is not uploaded again.
 */
export async function saveRunCache(
  dir: string,
  restoredKey: string | undefined,
  env: Record<string, string | undefined>,
  service: CacheService = actionsCache,
): Promise<string> {
  if (!service.isFeatureAvailable()) return 'The registry cache was not saved: no Actions cache service.';
  const print = await fingerprint(dir);
  if (!print) return 'The registry cache is empty: nothing to save.';
  const key = `${prefix(env)}${print}`;
  if (key === restoredKey) return `The registry cache did not change: ${key} is kept.`;
  try {
    const id = await service.saveCache([dir], key);
    return id === -1
      ? `The registry cache was not saved under ${key} (another job may be saving it).`
      : `Registry cache saved to the Actions cache (${key}).`;
  } catch (error) {
    return `The registry cache was not saved: ${message(error)}.`;
  }
}

function prefix(env: Record<string, string | undefined>): string {
  const os = (env.RUNNER_OS ?? process.platform).replace(/[^A-Za-z0-9_.-]/g, '');
  return `${PREFIX}-${os}-`;
}

/**
 * 16 hex digits over every entry's path and size (content-addressed entries: a path names its content),
 * writes in progress left out; undefined when there is none.
 */
export async function fingerprint(dir: string): Promise<string | undefined> {
  const lines: string[] = [];
  const walk = async (sub: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(path.join(dir, sub), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const rel = path.posix.join(sub, entry.name);
      if (entry.isDirectory() && entry.name !== 'tmp') await walk(rel);
      else if (entry.isFile()) {
        const size = await stat(path.join(dir, rel)).then(
          (s) => s.size,
          () => -1,
        );
        if (size >= 0) lines.push(`${rel} ${size}`);
      }
    }
  };
  await walk('');
  if (lines.length === 0) return undefined;
  return createHash('sha256').update(lines.sort().join('\n')).digest('hex').slice(0, 16);
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
