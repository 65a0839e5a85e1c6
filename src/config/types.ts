import type { RuleLevel } from '../rules/finding.js';
import type { ClusterConfig } from '../clusters/cluster.js';

// Declared with the node pools, which rules and placement use without the config file's other settings.
export type { AdmissionSettings, ClusterConfig } from '../clusters/cluster.js';

/** The validated, resolved `.archcheck.yaml`: relative paths already made absolute against the config's directory. */
export interface Config {
  /** Absolute path of the file read, or undefined when none was found. */
  file?: string;
  /** What relative paths in the config resolve against: its directory (the repository root for `.github/archcheck.yaml`). */
  baseDir?: string;
  clusters: ClusterConfig[];
  /** What the config says that is valid but probably not meant (`arch: x86`), for the run's notices. */
  notices?: string[];
  /** Globs (relative to `baseDir`) added to / removed from what the paths scan. */
  include: string[];
  exclude: string[];
  registries: RegistrySettings;
  rules: Record<string, RuleLevel>;
  /** Helm releases to render with `helm template` and check (`helm:`). */
  helm?: HelmChartConfig[];
  /** How kustomizations are found and built (`kustomize:`); absent means the defaults. */
  kustomize?: KustomizeConfig;
  /** `ignore:` entries that suppress findings. */
  ignore?: IgnoreEntry[];
  /** `deep: true`: read inside images (deep verification). Budgets and the cache stay trusted-side settings. */
  deep?: boolean;
}

/** One `ignore:` entry: a finding matching every field given is suppressed until `expires`. */
export interface IgnoreEntry {
  rule: string;
  /** Glob over `Kind/namespace/name` (namespace empty when the manifest sets none). */
  workload?: string;
  /** Glob over the image as written or its canonical form. */
  image?: string;
  /** Globs over the finding's file, relative to the config directory. */
  paths?: string[];
  reason?: string;
  /** `YYYY-MM-DD`: the last day the entry suppresses. */
  expires?: string;
  /** Where the entry is written, for warnings about it. */
  position: ConfigPosition;
}

/** A position in the config file, for findings about what one of its entries produced. */
export interface ConfigPosition {
  line: number;
  column: number;
}

/** One `helm:` entry: `helm template <release> <chart> -n <namespace> -f <values>... --set <k>=<v>...`. */
export interface HelmChartConfig {
  /** An absolute chart directory, or a reference helm resolves itself (`repo/name`, `oci://...`). */
  chart: string;
  /** True when `chart` is a directory on disk. */
  local: boolean;
  release: string;
  namespace?: string;
  /** `--version`, for charts from a repository. */
  version?: string;
  /** Absolute paths of values files, in precedence order (later wins). */
  values: string[];
  /** `--set` values; `string` ones are passed with `--set-string` so `1.10` stays a string, not the number 1.1. */
  set: { key: string; value: string; string: boolean; position: ConfigPosition }[];
  /** The cluster (by name) the release deploys to; otherwise the clusters whose `paths` match the chart. */
  cluster?: string;
  /** Absolute path of the file that declares the entry (the config file, or the workflow for the action input). */
  declaredIn: string;
  position: ConfigPosition;
}

export interface KustomizeConfig {
  /** Build kustomizations (default true); false reads their files as loose manifests. */
  enabled: boolean;
  /** Absolute directories to build; empty: the roots found among the scanned files. */
  roots: string[];
  /** `none` builds as `--load-restrictor LoadRestrictionsNone` does: only from the workflow, never the config file. */
  loadRestrictor: 'rootOnly' | 'none';
  /** Which binary: `auto` prefers `kustomize`, then `kubectl kustomize`. */
  command: 'auto' | 'kustomize' | 'kubectl';
}

/** Registry access settings shared by every image source. */
export interface RegistrySettings {
  /**
   * Registry host -> where to read it instead: `oci:/abs/dir` (OCI layouts), `https://host[:port][/prefix]`,
   * or `http://host[:port][/prefix]` (plain-HTTP registry).
   */
  mirrors: Record<string, string>;
  /** Registry host -> names of environment variables holding credentials (never the values). */
  credentials: Record<string, RegistryCredentialEnv>;
  /** Concurrent requests per run and per registry (default 8). */
  concurrency: number;
  /** Per-request timeout in milliseconds (default 30000). */
  timeoutMs: number;
  /** Overall deadline for resolving all images, in milliseconds (default 300000). */
  deadlineMs: number;
}

export interface RegistryCredentialEnv {
  usernameEnv?: string;
  passwordEnv?: string;
  /** A bearer/identity token in one variable (e.g. GHCR_TOKEN). */
  tokenEnv?: string;
}
