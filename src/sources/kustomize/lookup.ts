import { stat } from 'node:fs/promises';
import path from 'node:path';

// Finding kustomizations, without the code that reads and builds them: every directory scan asks, few trees have
// one, so this stays in the main bundle and the rest of kustomize/ loads only when something is found.

/** The file names kustomize looks for in a directory, in its order (api/konfig/general.go `RecognizedKustomizationFileNames`). */
export const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

/** The kustomization file of `dir`, if it has one. */
export async function kustomizationFile(dir: string): Promise<string | undefined> {
  for (const name of KUSTOMIZATION_NAMES) {
    const file = path.join(dir, name);
    if ((await stat(file).catch(() => undefined))?.isFile()) return file;
  }
  return undefined;
}

/** Each directory's kustomization file, all asked at once: a repo of many directories holds few kustomizations. */
export type KustomizationLookups = ReadonlyMap<string, Promise<string | undefined>>;

export function lookupKustomizations(dirs: readonly string[]): KustomizationLookups {
  return new Map(dirs.map((dir) => [dir, kustomizationFile(dir)]));
}

/**
 * The directories that may hold a kustomization: those of the scanned files (a `Kustomization` file without
 * extension is not a manifest discovery lists, so every directory is asked for the three names).
 */
export function candidateDirs(files: readonly string[]): string[] {
  return [...new Set(files.map((f) => path.dirname(f)))].sort();
}
