import { setMaxListeners } from 'node:events';
import type { Dispatcher } from 'undici';
import type { RegistrySettings } from '../config/types.js';
import { ConfigurationError, errorMessage } from '../errors.js';
import { type ImageRef, canonicalImage } from '../images/reference.js';
import type { Logger } from '../logger.js';
import { type AllowList, parseAllowList, splitAllowText } from './http/allow-list.js';
import { type MirrorTarget, defaultEndpoint, normalizeRegistryHost, parseMirror } from './http/endpoint.js';
import type { Resolver } from './http/guard.js';
import type { HttpImageSource } from './http/resolve.js';
import { Secrets, redactingLogger } from './http/secrets.js';
import type { RetryPolicy } from './http/retry.js';
import type { HttpStack } from './http-stack.js';
import { OciLayoutSource } from './oci-layout.js';
import type { RegistryCache } from './cache/store.js';
import { type ImageContent, type ImageSource, type Resolution, fail, isFailure } from './source.js';
import { type RegistryUsage, UsageMeter } from './http/usage.js';

export interface ImageSourceOptions {
  settings: RegistrySettings;
  env: Record<string, string | undefined>;
  /** The action's `github-token` input; `GITHUB_TOKEN` from `env` is used when absent. */
  githubToken?: string;
  logger: Logger;
  /** Retry timing; tests and the benchmark shorten it. Defaults: 4 tries, 250 ms backoff doubling to 4 s. */
  retry?: Partial<RetryPolicy>;
  /**
   * Hosts and CIDRs that may be non-public (trusted side only: `--allow-private-registry`, the action input,
   * mirrors given on the command line). `ARCHCHECK_ALLOW_PRIVATE_REGISTRIES` in `env` is added.
   */
  allowPrivateRegistries?: readonly string[];
  /** DNS for the guard (default dns.lookup); tests map names to loopback with it. */
  resolver?: Resolver;
  /** Replaces the connection pool; tests pass a recording dispatcher that never dials. */
  dispatcher?: Dispatcher;
  /** Manifests, configs and tag hints kept across runs; none means every run reads everything again. */
  cache?: RegistryCache;
  /** The clock token lifetimes are measured with; tests move it. */
  now?: () => number;
}

/** The environment variable that widens the network guard, for CI setups and benchmarks. */
export const ALLOW_PRIVATE_ENV = 'ARCHCHECK_ALLOW_PRIVATE_REGISTRIES';

/** The allow list from the options and the environment; throws ConfigurationError naming the bad value. */
export function allowListOf(opts: Pick<ImageSourceOptions, 'allowPrivateRegistries' | 'env'>): AllowList {
  const fromOptions = parseAllowList(opts.allowPrivateRegistries ?? [], '--allow-private-registry');
  if ('error' in fromOptions) throw new ConfigurationError(fromOptions.error);
  const fromEnv = parseAllowList(splitAllowText(opts.env[ALLOW_PRIVATE_ENV]), ALLOW_PRIVATE_ENV);
  if ('error' in fromEnv) throw new ConfigurationError(fromEnv.error);
  return [...fromOptions, ...fromEnv];
}

/** The run's image source; `close` releases pooled connections so the process can exit promptly. */
export interface RunImageSource extends ImageSource {
  content(ref: ImageRef): ImageContent;
  /**
   * Announces references the run will resolve, before they are resolved: tokens are requested once per
   * registry for all repositories planned so far (those planned while a token is on its way share the next),
   * and pull quotas are compared with what the run may spend. May be called as references are found.
   */
  plan(refs: readonly ImageRef[]): Promise<void>;
  /** Requests spent so far, by kind, and the pull quotas registries announced. */
  usage(): RegistryUsage;
  close(): Promise<void>;
}

/**
 * One ImageSource for the whole run: routes each ref by registry host to its mirror (oci: -> OciLayoutSource,
 * https/http -> HTTP source at that endpoint/prefix) or to the registry itself over HTTPS (docker.io ->
 * registry-1.docker.io). De-duplicates in-flight resolves by canonical reference; bounded concurrency per run and
 * per registry (settings.concurrency); honours settings.timeoutMs per request and settings.deadlineMs overall.
 *
 * Mirror values that are not `oci:`, `https://` or `http://` throw ConfigurationError here, before any work,
 * as does a bad allow-list entry. Every request passes the NetworkGuard: non-public addresses are refused
 * unless allowed, whether a manifest, a mirror from the repository's config, a redirect or a token realm
 * names them.
 */
export function createImageSource(opts: ImageSourceOptions): RunImageSource {
  const mirrors = new Map<string, MirrorTarget>();
  for (const [host, spec] of Object.entries(opts.settings.mirrors)) {
    const target = parseMirror(host, spec);
    if ('error' in target) throw new ConfigurationError(target.error);
    mirrors.set(normalizeRegistryHost(host), target);
  }
  const secrets = new Secrets();
  const logger = redactingLogger(opts.logger, secrets);
  const allow = allowListOf(opts);
  const usage = new UsageMeter(logger);
  // Loaded on first use: see http-stack.ts.
  let http: Promise<HttpStack> | undefined;
  const httpStack = (): Promise<HttpStack> =>
    (http ??= import('./http-stack.js').then((m) =>
      m.buildHttpStack(opts, { allow, logger, secrets, usage }),
    ));
  const httpSources = new Set<ImageSource>();
  const isHttp = (source: ImageSource): source is HttpImageSource => httpSources.has(source);
  const sources = new Map<string, ImageSource>();
  const layouts = new Map<string, OciLayoutSource>();

  async function sourceFor(registry: string): Promise<ImageSource> {
    const host = normalizeRegistryHost(registry);
    let source = sources.get(host);
    if (source) return source;
    const mirror = mirrors.get(host);
    if (mirror?.kind === 'oci') {
      source = layouts.get(mirror.dir) ?? new OciLayoutSource(mirror.dir);
      layouts.set(mirror.dir, source as OciLayoutSource);
    } else {
      const stack = await httpStack();
      // Another caller may have made this host's source while the stack loaded: one client per registry.
      const made = sources.get(host);
      if (made) return made;
      source = stack.source(mirror?.endpoint ?? defaultEndpoint(host));
      httpSources.add(source);
    }
    logger.debug(
      `registry ${host}: ${mirror?.kind === 'oci' ? `oci:${mirror.dir}` : (mirror?.endpoint.origin ?? defaultEndpoint(host).origin)}`,
    );
    sources.set(host, source);
    return source;
  }

  const inflight = new Map<string, Promise<Resolution>>();
  // References already planned: a reference announced twice is expected to cost its pulls once.
  const planned = new Set<string>();
  let deadline: AbortController | undefined;
  const deadlineSignal = (): AbortSignal => {
    if (!deadline) {
      deadline = new AbortController();
      const controller = deadline;
      // Every queued request listens on the run's deadline; hundreds of images are normal, not a leak.
      setMaxListeners(0, controller.signal);
      setTimeout(() => controller.abort(), opts.settings.deadlineMs).unref();
    }
    return deadline.signal;
  };

  async function work(ref: ImageRef, key: string): Promise<Resolution> {
    let resolution: Resolution;
    try {
      resolution = await (await sourceFor(ref.registry)).resolve(ref, deadlineSignal());
    } catch (error) {
      resolution = fail('internal', `unexpected error resolving ${key}: ${errorMessage(error)}`);
    }
    switch (resolution.kind) {
      case 'index':
        logger.debug(`${key}: index ${resolution.digest}, ${resolution.platforms.length} platform(s)`);
        return resolution;
      case 'single':
        logger.debug(`${key}: single-platform ${resolution.digest}`);
        return resolution;
      case 'error':
        logger.debug(`${key}: ${resolution.cause}`);
        return { ...resolution, reason: secrets.redact(resolution.reason) };
      default: {
        const unreachable: never = resolution;
        return unreachable;
      }
    }
  }

  return {
    async plan(refs: readonly ImageRef[]): Promise<void> {
      const scopes = new Map<string, Set<string>>();
      const unique = new Map<string, ImageRef>();
      for (const ref of refs) {
        const key = canonicalImage(ref);
        if (!planned.has(key)) unique.set(key, ref);
        planned.add(key);
      }
      await Promise.all(
        [...unique.values()].map(async (ref) => {
          const source = await sourceFor(ref.registry);
          if (!isHttp(source)) return;
          const { origin } = source.client.endpoint;
          const pulls = await source.expectedPulls(ref);
          usage.expect(origin, pulls);
          const set = scopes.get(origin) ?? new Set<string>();
          set.add(source.client.scope(ref.repository));
          scopes.set(origin, set);
        }),
      );
      if (scopes.size === 0) return;
      const { auth } = await httpStack();
      for (const [origin, set] of scopes) auth.plan(origin, [...set]);
    },
    usage: () => usage.snapshot(),
    resolve(ref: ImageRef, signal?: AbortSignal): Promise<Resolution> {
      const key = canonicalImage(ref);
      let shared = inflight.get(key);
      if (!shared) {
        shared = work(ref, key);
        inflight.set(key, shared);
      }
      if (!signal) return shared;
      // The shared work runs on under the run's deadline; only this caller stops waiting.
      const cancelled = fail('cancelled', `resolving ${key} was cancelled`);
      if (signal.aborted) return Promise.resolve(cancelled);
      return new Promise((resolve) => {
        const onAbort = () => resolve(cancelled);
        signal.addEventListener('abort', onAbort, { once: true });
        void shared.then((r) => {
          signal.removeEventListener('abort', onAbort);
          resolve(r);
        });
      });
    },
    content(ref: ImageRef): ImageContent {
      const inner = sourceFor(ref.registry).then((source) => {
        const content = source.content?.(ref);
        if (!content) throw new Error(`no content reader for ${canonicalImage(ref)}`);
        return content;
      });
      // Rejections surface through the reads; a reader nobody reads from is not an unhandled rejection.
      inner.catch(() => undefined);
      return redactedContent(inner, (text) => secrets.redact(text));
    },
    close: async () => {
      if (http) await (await http).dispatcher.close();
    },
  };
}

/** Failure reasons from deep-mode reads pass the same redaction as resolutions' before anyone logs them. */
function redactedContent(inner: Promise<ImageContent>, redact: (text: string) => string): ImageContent {
  const clean = <T>(value: T): T =>
    isFailure(value) ? ({ ...value, reason: redact(value.reason) } as T) : value;
  return {
    manifest: async (digest, signal) => clean(await (await inner).manifest(digest, signal)),
    blob: async (digest, signal) => clean(await (await inner).blob(digest, signal)),
    openBlob: async function* (digest, maxBytes, signal) {
      for await (const item of (await inner).openBlob(digest, maxBytes, signal)) yield clean(item);
    },
  };
}
