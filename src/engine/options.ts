import type { Logger } from '../logger.js';

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
  /** `--registry-mirror HOST=URL`, merged over the config's `registries.mirrors`. */
  registryMirrors?: Record<string, string>;
  /** Helm releases from the action's `helm` input (YAML list shaped like the config's `helm:`), added to the config's. */
  helmInput?: { text: string; declaredIn: string };
  /** Files larger than this many bytes are a finding, not parsed (`--max-file-size`; trusted side only). */
  maxFileSize?: number;
  /** Token used for ghcr.io when no other credentials apply (the action's `github-token`). */
  githubToken?: string;
}

export interface EngineDeps {
  logger: Logger;
  /** Environment for credentials and proxies (defaults to process.env). */
  env?: Record<string, string | undefined>;
}
