import path from 'node:path';
import { makePool } from '../clusters/pools.js';
import type { Taint } from '../clusters/node-pool.js';
import { ConfigurationError } from '../errors.js';
import { ambiguousPlatformNote, poolPlatform } from '../platforms/node.js';
import type { RuleLevel } from '../rules/finding.js';
import { DEFAULT_KUSTOMIZE_CONFIG, DEFAULT_REGISTRY_SETTINGS } from './defaults.js';
import { helmEntry, type RawHelmEntry } from './helm-entry.js';
import { nodeOffset, type ConfigLocator } from './locate.js';
import type {
  AdmissionSettings,
  ClusterConfig,
  Config,
  HelmChartConfig,
  IgnoreEntry,
  KustomizeConfig,
} from './types.js';

interface RawPool {
  name: string;
  arch: string;
  os?: string;
  variant?: string;
  osVersion?: string;
  aarch32?: boolean;
  labels?: Record<string, string>;
  taints?: Taint[];
}

/** The config as schema/archcheck.schema.json accepts it: what {@link normalizeConfig} may rely on. */
export interface RawConfig {
  clusters?: {
    name: string;
    paths?: string[];
    nodePools: RawPool[] | { from: string[]; pools?: RawPool[] };
    admission?: AdmissionSettings;
  }[];
  ignore?: Omit<IgnoreEntry, 'position'>[];
  include?: string[];
  exclude?: string[];
  registries?: {
    mirrors?: Record<string, string>;
    credentials?: Config['registries']['credentials'];
    concurrency?: number;
    timeoutSeconds?: number;
    deadlineSeconds?: number;
  };
  rules?: Record<string, RuleLevel>;
  helm?: RawHelmEntry[];
  kustomize?: Partial<KustomizeConfig>;
  deep?: boolean;
}

/**
 * A validated config as the engine uses it: defaults filled in, paths absolute (relative to `dir`), platforms
 * normalized, entries carrying their positions. Throws ConfigurationError for what the schema cannot check
 * (an unknown platform, a helm entry naming a cluster that does not exist, a glob leaving the directory).
 */
export function normalizeConfig(config: RawConfig, at: ConfigLocator, dir: string): Config {
  const notices: string[] = [];
  const clusters: ClusterConfig[] = (config.clusters ?? []).map((c, ci) => ({
    name: c.name,
    paths: c.paths ?? [],
    assumed: false,
    ...(Array.isArray(c.nodePools)
      ? {}
      : {
          nodePoolsFrom: poolGlobs(
            c.nodePools.from,
            `${at.whereIn(['clusters', ci, 'nodePools', 'from'])}: clusters[${ci}]`,
          ),
        }),
    ...(c.admission ? { admission: c.admission } : {}),
    nodePools: (Array.isArray(c.nodePools) ? c.nodePools : (c.nodePools.pools ?? [])).map((p, pi) => {
      const platform = poolPlatform(p);
      const inList = Array.isArray(c.nodePools) ? [pi] : ['pools', pi];
      const arch = at.where(nodeOffset(at.doc.getIn(['clusters', ci, 'nodePools', ...inList, 'arch'], true)));
      const note = ambiguousPlatformNote(p.arch, `${arch}: clusters[${ci}].nodePools[${pi}].arch`);
      if (note) notices.push(note);
      if ('error' in platform) {
        throw new ConfigurationError(`${arch}: clusters[${ci}].nodePools[${pi}].arch: ${platform.error}`);
      }
      return makePool(c.name, p.name, platform, p.labels ?? {}, p.taints ?? []);
    }),
  }));
  const mirrors: Record<string, string> = {};
  for (const [host, target] of Object.entries(config.registries?.mirrors ?? {})) {
    mirrors[host] = target.startsWith('oci:')
      ? `oci:${path.resolve(dir, target.slice('oci:'.length))}`
      : target;
  }
  const r = config.registries;
  const helm = (config.helm ?? []).map((h, i): HelmChartConfig => {
    if (h.cluster && clusters.length > 0 && !clusters.some((c) => c.name === h.cluster)) {
      throw new ConfigurationError(
        `${at.whereIn(['helm', i, 'cluster'])}: helm[${i}].cluster: no cluster named "${h.cluster}"`,
      );
    }
    return helmEntry(h, dir, at.file, at.position(['helm', i]), (key) =>
      at.position(['helm', i, 'set', key]),
    );
  });
  const kustomize: KustomizeConfig = {
    ...DEFAULT_KUSTOMIZE_CONFIG,
    ...config.kustomize,
    roots: (config.kustomize?.roots ?? []).map((root) => path.resolve(dir, root)),
  };
  return {
    file: at.file,
    baseDir: dir,
    clusters,
    include: config.include ?? [],
    exclude: config.exclude ?? [],
    registries: {
      mirrors,
      credentials: r?.credentials ?? {},
      concurrency: r?.concurrency ?? DEFAULT_REGISTRY_SETTINGS.concurrency,
      // Whole milliseconds: AbortSignal.timeout and setTimeout take integers (the schema caps them at 2^31-1).
      timeoutMs: r?.timeoutSeconds ? Math.ceil(r.timeoutSeconds * 1000) : DEFAULT_REGISTRY_SETTINGS.timeoutMs,
      deadlineMs: r?.deadlineSeconds
        ? Math.ceil(r.deadlineSeconds * 1000)
        : DEFAULT_REGISTRY_SETTINGS.deadlineMs,
    },
    ...(notices.length > 0 ? { notices } : {}),
    rules: config.rules ?? {},
    helm,
    kustomize,
    ignore: (config.ignore ?? []).map((entry, i) => ({ ...entry, position: at.position(['ignore', i]) })),
    ...(config.deep !== undefined ? { deep: config.deep } : {}),
  };
}

/**
 * `nodePools.from` globs stay inside the config's directory: the config comes from the scanned tree, and a
 * glob reaching elsewhere on the runner is refused rather than read.
 */
function poolGlobs(globs: string[], at: string): string[] {
  for (const glob of globs) {
    if (path.isAbsolute(glob) || glob.split(/[\\/]/).includes('..'))
      throw new ConfigurationError(
        `${at}.nodePools.from: "${glob}" must be relative and inside the config's directory`,
      );
  }
  return globs;
}
