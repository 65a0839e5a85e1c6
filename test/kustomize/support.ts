import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runArchcheck } from '../../src/engine/run.js';
import type { Report } from '../../src/engine/report.js';
import { canonicalImage } from '../../src/images/reference.js';
import { RecordingLogger } from '../../src/logger.js';
import { parsePlatform } from '../../src/platforms/normalize.js';
import type { Platform } from '../../src/platforms/platform.js';
import type { ImageSource } from '../../src/registry/source.js';

export { CORPUS } from '../support/corpus.js';
export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/**
 * An image source answering from a table of canonical reference -> platforms; anything else publishes
 * linux/amd64 only, so every arm64 pool yields a finding at the image's line.
 */
export function tableSource(table: Record<string, string[]> = {}, otherwise = ['linux/amd64']): ImageSource {
  const platforms = (specs: string[]): Platform[] =>
    specs.map((s) => {
      const p = parsePlatform(s);
      if ('error' in p) throw new Error(p.error);
      return p;
    });
  return {
    resolve: async (ref) => ({
      kind: 'index',
      digest: `sha256:${'0'.repeat(64)}`,
      platforms: platforms(table[canonicalImage(ref)] ?? otherwise),
    }),
  };
}

export interface RunOptions {
  /** Config text, written to a temporary file (so paths in it must be absolute). */
  config?: string;
  env?: Record<string, string | undefined>;
  architectures?: string[];
  source?: ImageSource;
  /** The action's `helm` input. */
  helmInput?: { text: string; declaredIn: string };
  /** The trusted side's `--kustomize-load-restrictor`. */
  kustomizeLoadRestrictor?: 'rootOnly' | 'none';
}

/** runArchcheck on `paths` under `cwd`, with the table image source and a recording logger. */
export async function check(
  cwd: string,
  paths: string[],
  options: RunOptions = {},
): Promise<{ report: Report; logger: RecordingLogger }> {
  let configPath: string | undefined;
  if (options.config !== undefined) {
    configPath = path.join(await mkdtemp(path.join(tmpdir(), 'archcheck-config-')), '.archcheck.yaml');
    await writeFile(configPath, options.config);
  }
  const logger = new RecordingLogger();
  const report = await runArchcheck(
    {
      cwd,
      paths,
      configPath,
      architectures: options.architectures ?? (options.config ? undefined : ['amd64', 'arm64']),
      ...(options.helmInput ? { helmInput: options.helmInput } : {}),
      ...(options.kustomizeLoadRestrictor
        ? { kustomizeLoadRestrictor: options.kustomizeLoadRestrictor }
        : {}),
    },
    { logger, env: options.env ?? process.env, imageSource: options.source ?? tableSource() },
  );
  return { report, logger };
}

/** `file:line:column` of a finding or location, for compact assertions. */
export const where = (l: { file: string; line: number; column: number }) => `${l.file}:${l.line}:${l.column}`;

/** The kustomize fixture trees. */
export const K = path.join(FIXTURES, 'kustomize');

/** `file:line:column` of `needle` in a fixture file, relative to test/fixtures/kustomize. */
export function at(file: string, needle: string): string {
  const lines = readFileSync(path.join(K, file), 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  if (line < 0) throw new Error(`${needle} not in ${file}`);
  return `${file}:${line + 1}:${(lines[line]?.indexOf(needle) ?? 0) + 1}`;
}
