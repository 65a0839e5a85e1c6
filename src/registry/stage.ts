import type { RegistrySettings } from '../config/types.js';
import { canonicalImage, type ImageRef } from '../images/reference.js';
import type { Logger } from '../logger.js';
import { limiter } from '../map-limit.js';
import type { Workload } from '../workloads/workload.js';
import { cacheRoot } from '../cache-root.js';
import { DEFAULT_CACHE_BYTES, DiskCache } from './cache/store.js';
import type { RegistryUsage } from './http/usage.js';
import { allowListOf, createImageSource, type RunImageSource } from './router.js';
import type { ImageSource, Resolution } from './source.js';

export interface ImageStageOptions {
  /** The config's `registries:`. */
  settings: RegistrySettings;
  /** `--registry-mirror`: merged over the config's mirrors; an HTTP mirror's host given here may be private. */
  mirrors?: Record<string, string>;
  /** `--allow-private-registry` / the action input (trusted side). */
  allowPrivateRegistries?: readonly string[];
  env: Record<string, string | undefined>;
  githubToken?: string;
  /** `--cache-dir`; `noCache` keeps nothing. */
  cacheDir?: string;
  noCache?: boolean;
  logger: Logger;
  /** Replaces the registries (tests): nothing is planned, cached or closed then. */
  imageSource?: ImageSource;
}

/** The run's image resolution, fed with workloads while the tree is still being read. */
export interface ImageStage {
  /** The run's image source, which deep mode reads images through. */
  readonly source: ImageSource;
  /** The run's cache root (trusted side only): the registry's entries under registry/, deep mode's under deep/. */
  readonly cacheRoot: string | undefined;
  /** Starts resolving the images of `workloads` not seen before: resolving overlaps reading the rest. */
  add(workloads: readonly Workload[]): void;
  /** Every image added, by canonical reference, once all are resolved (the "Resolve images" stage). */
  resolutions(): Promise<Map<string, Resolution>>;
  /** Trims the registry cache to its size budget; call once nothing reads the registry any more. */
  maintain(): Promise<void>;
  /** Releases pooled connections (else they keep the process alive) and returns the requests spent. */
  close(): Promise<RegistryUsage | undefined>;
}

/**
 * Opens the image stage: checks the trusted allow list and the mirrors (ConfigurationError before any work),
 * then builds the run's image source over the cache. Each image starts resolving when the first unit naming it
 * is added, after it is planned, so a registry's token covers every repository planned so far.
 */
export function openImageStage(opts: ImageStageOptions): ImageStage {
  const { logger, env } = opts;
  const allowPrivateRegistries = [
    ...(opts.allowPrivateRegistries ?? []),
    ...trustedMirrorHosts(opts.mirrors),
  ];
  // A bad allow-list entry (flag, input or environment) is a configuration error, found before any work.
  if (!opts.imageSource) allowListOf({ allowPrivateRegistries, env });
  const root = opts.noCache ? undefined : cacheRoot(env, opts.cacheDir);
  const cache = root && !opts.imageSource ? new DiskCache(root) : undefined;
  let owned: RunImageSource | undefined;
  const source: ImageSource =
    opts.imageSource ??
    (owned = createImageSource({
      settings: mergeMirrors(opts.settings, opts.mirrors),
      env,
      githubToken: opts.githubToken,
      allowPrivateRegistries,
      logger,
      ...(cache ? { cache } : {}),
    }));
  // The image source bounds requests in flight itself; more images than that are worked on at once, so
  // network slots do not idle while some images read the cache or wait for a token.
  const gate = limiter(opts.settings.concurrency * 4);
  const pending = new Map<string, Promise<Resolution>>();
  let started: number | undefined;

  return {
    source,
    cacheRoot: root,
    add(workloads) {
      const fresh = new Map<string, ImageRef>();
      for (const w of workloads)
        for (const c of w.containers) {
          const key = c.ref && canonicalImage(c.ref);
          if (c.ref && key && !pending.has(key)) fresh.set(key, c.ref);
        }
      if (fresh.size === 0) return;
      started ??= Date.now();
      const planned = owned?.plan([...fresh.values()]);
      for (const [key, ref] of fresh)
        pending.set(
          key,
          gate(() => resolveSafely(source, ref, planned)),
        );
    },
    resolutions: () =>
      logger.group('Resolve images', async () => {
        if (cache && pending.size > 0) logger.debug(`registry cache: ${cache.dir}`);
        const total = pending.size;
        const step = Math.max(1, Math.ceil(total / 10));
        let done = 0;
        const entries = await Promise.all(
          [...pending].map(async ([key, resolving]) => {
            const resolution = await resolving;
            done++;
            // Progress only where resolving takes a while to watch; the total is logged below either way.
            if (total >= 20 && (done % step === 0 || done === total))
              logger.info(`resolved ${done}/${total} image(s)`);
            return [key, resolution] as const;
          }),
        );
        logger.info(`${total} unique image(s) in ${started === undefined ? 0 : Date.now() - started} ms`);
        return new Map(entries);
      }),
    maintain: async () => {
      await cache?.maintain(DEFAULT_CACHE_BYTES);
    },
    async close() {
      const usage = owned?.usage();
      await owned?.close();
      return usage;
    },
  };
}

/**
 * An image source that throws (or a plan that fails) is a bug there, but it must not cost the user the rest of
 * the run; nor may it reject a promise nobody awaits yet.
 */
async function resolveSafely(
  source: ImageSource,
  ref: ImageRef,
  planned: Promise<void> | undefined,
): Promise<Resolution> {
  try {
    await planned;
    return await source.resolve(ref);
  } catch (error) {
    return {
      kind: 'error',
      cause: 'internal',
      reason: `internal error while resolving: ${String(error)}`,
    };
  }
}

/** Hosts of HTTP mirrors given on the trusted side: the user chose them, private address or not. */
function trustedMirrorHosts(mirrors: Record<string, string> | undefined): string[] {
  return Object.values(mirrors ?? {})
    .filter((target) => /^https?:\/\//.test(target) && URL.canParse(target))
    .map((target) => new URL(target).host);
}

function mergeMirrors<T extends { mirrors: Record<string, string> }>(
  settings: T,
  extra: Record<string, string> | undefined,
): T {
  return extra ? { ...settings, mirrors: { ...settings.mirrors, ...extra } } : settings;
}
