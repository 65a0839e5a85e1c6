import { DEFAULT_KUSTOMIZE_CONFIG } from '../../config/defaults.js';
import type { KustomizeConfig } from '../../config/types.js';
import type { RenderOutcome } from '../unit.js';
import { candidateDirs, lookupKustomizations, type KustomizationLookups } from './lookup.js';

/** What runs when the config says nothing about kustomize. */
export const DEFAULT_KUSTOMIZE_SETTINGS: Readonly<KustomizeConfig> = DEFAULT_KUSTOMIZE_CONFIG;

export interface KustomizeInput {
  cwd: string;
  /** Absolute paths of the files discovery found. */
  files: readonly string[];
  /**
   * Those of `files` the user named on their own (discovery's `named`): checked as loose manifests, so their
   * directories are not searched for a kustomization to build.
   */
  named?: readonly string[];
  settings: KustomizeConfig;
  env: Record<string, string | undefined>;
  /** Per build (default 120 s). */
  timeoutMs?: number;
  /** Kustomization, resource and patch files larger than this are not read (default: the CLI's 16 MiB). */
  maxFileSize?: number;
}

/** Where to look for kustomizations, and what was found there, for the code that reads them (render.ts). */
export interface FoundKustomizations {
  /** The directories of the scanned files, minus those only named on their own. */
  dirs: string[];
  /** The configured roots, when there are any. */
  explicit: readonly string[] | undefined;
  lookups: KustomizationLookups;
}

/**
 * The Kustomize source (render.ts). Most trees hold no kustomization: the code that reads and builds them loads
 * only for a tree that has one, or when roots are configured (issue 14: start fast).
 */
export async function renderKustomizations(input: KustomizeInput): Promise<RenderOutcome> {
  const none: RenderOutcome = { units: [], problems: [], claimed: new Set() };
  if (!input.settings.enabled) return none;
  const explicit = input.settings.roots.length > 0 ? input.settings.roots : undefined;
  const named = new Set(input.named);
  const dirs = candidateDirs(input.files.filter((f) => !named.has(f)));
  const lookups = lookupKustomizations([...dirs, ...(explicit ?? [])]);
  if (!explicit && (await Promise.all(lookups.values())).every((file) => file === undefined)) return none;
  const { renderKustomizeTree } = await import('./render.js');
  return renderKustomizeTree(input, { dirs, explicit, lookups });
}
