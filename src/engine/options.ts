import { DEFAULT_DEEP_BUDGETS, type DeepBudgets } from '../deep/budget.js';
import type { Logger } from '../logger.js';

/** Deep verification's trusted-side settings (CLI flags, action inputs, environment; never .archcheck.yaml). */
export interface DeepSettings {
  /** `--deep` / the `deep` input; the config's `deep: true` turns it on as well. */
  enabled: boolean;
  budgets: DeepBudgets;
}

/** The settings when only the config asks for deep mode: the default budgets. */
export function defaultDeepSettings(): Omit<DeepSettings, 'enabled'> {
  return { budgets: DEFAULT_DEEP_BUDGETS };
}

/** Everything a run needs, read once by the shell (CLI flags or action inputs). */
export interface EngineOptions {
  /** Directory that relative paths and reported `file`s are relative to. */
  cwd: string;
  /** Files or directories to scan (default `['.']`). */
  paths: string[];
  /** Explicit config file; otherwise `.archcheck.yaml`, `.archcheck.yml`, `.github/archcheck.yaml` in cwd. */
  configPath?: string;
  /** `--arch amd64,arm64`: one cluster with one plain pool per architecture (overrides config clusters). */
  architectures?: string[];
  /**
   * `--registry-mirror HOST=URL`, merged over the config's `registries.mirrors`. Trusted: an HTTP mirror's
   * host given here may be a private address (mirrors from `.archcheck.yaml` may not).
   */
  registryMirrors?: Record<string, string>;
  /**
   * `--allow-private-registry` / the `allow-private-registries` input: hosts (`registry.corp`, `localhost:5000`)
   * and CIDRs (`10.0.0.0/8`) that may be non-public. `ARCHCHECK_ALLOW_PRIVATE_REGISTRIES` in the environment adds to it.
   */
  allowPrivateRegistries?: string[];
  /** Helm releases from the action's `helm` input (YAML list shaped like the config's `helm:`), added to the config's. */
  helmInput?: { text: string; declaredIn: string };
  /**
   * `--kustomize-load-restrictor` / the `kustomize-load-restrictor` input: the trusted side's choice, the only
   * way to build with `none` (the config file may not ask for it).
   */
  kustomizeLoadRestrictor?: 'rootOnly' | 'none';
  /** Files larger than this many bytes are a finding, not parsed (`--max-file-size`; trusted side only). */
  maxFileSize?: number;
  /** Token used for ghcr.io when no other credentials apply (the action's `github-token`). */
  githubToken?: string;
  /** `--no-ignore`: report suppressed findings as if no suppression existed (an audit). */
  noIgnore?: boolean;
  /** `--baseline FILE`: an earlier JSON report; findings it has are marked and do not count. */
  baseline?: string;
  /** Deep verification's settings; when absent (or not enabled), only the config's `deep: true` turns it on. */
  deep?: DeepSettings;
  /**
   * `--cache-dir` / the `cache-dir` input: archcheck's cache root (default `ARCHCHECK_CACHE_DIR`, then
   * `$XDG_CACHE_HOME/archcheck`, then `~/.cache/archcheck`). Trusted side only, never from the config file.
   */
  cacheDir?: string;
  /** `--no-cache` / `cache: false`: read every manifest and config from the registry, keep nothing. */
  noCache?: boolean;
}

export interface EngineDeps {
  logger: Logger;
  /** Environment for credentials and proxies (defaults to process.env). */
  env?: Record<string, string | undefined>;
  /** The clock `ignore:` expiry dates are compared with (defaults to now). */
  now?: () => Date;
  /** What the path `-` reads (the CLI's standard input); without it, `-` is a finding. */
  stdin?: AsyncIterable<Uint8Array>;
}
