import type { Config, KustomizeConfig } from './types.js';

export const DEFAULT_REGISTRY_SETTINGS = { concurrency: 8, timeoutMs: 30_000, deadlineMs: 300_000 } as const;

/** Kustomize defaults: build what is found, as kustomize itself would (root-only file loading, either binary). */
export const DEFAULT_KUSTOMIZE_CONFIG: Readonly<KustomizeConfig> = {
  enabled: true,
  roots: [],
  loadRestrictor: 'rootOnly',
  command: 'auto',
};

/** The config of a repository without a config file. */
export function emptyConfig(): Config {
  return {
    clusters: [],
    include: [],
    exclude: [],
    registries: { mirrors: {}, credentials: {}, ...DEFAULT_REGISTRY_SETTINGS },
    rules: {},
    helm: [],
    kustomize: { ...DEFAULT_KUSTOMIZE_CONFIG },
  };
}
