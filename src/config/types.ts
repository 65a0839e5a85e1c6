import type { RuleLevel } from '../rules/finding.js';
import type { NodePool } from '../clusters/node-pool.js';

/** The validated, resolved `.archcheck.yaml`: relative paths already made absolute against the config's directory. */
export interface Config {
  /** Absolute path of the file read, or undefined when none was found. */
  file?: string;
  clusters: ClusterConfig[];
  /** Globs (relative to the config directory) added to / removed from what the paths scan. */
  include: string[];
  exclude: string[];
  registries: RegistrySettings;
  rules: Record<string, RuleLevel>;
}

export interface ClusterConfig {
  name: string;
  /** Globs selecting the manifests deployed to this cluster; empty = every file. Relative to the config directory. */
  paths: string[];
  nodePools: NodePool[];
  /** True when archcheck assumed this cluster (nothing declared). */
  assumed: boolean;
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
