import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { KUSTOMIZE_ENV } from '../../subprocess-env.js';
import { MESSAGE_LIMIT, cap } from '../../reporters/untrusted.js';
import { execText, findOnPath } from '../exec.js';
import { posixRelative } from '../../paths.js';

/** How to run kustomize: the standalone binary (`kustomize build`) or the one built into kubectl (`kubectl kustomize`). */
export interface KustomizeTool {
  command: string;
  subcommand: 'build' | 'kustomize';
}

export type ToolChoice = 'auto' | 'kustomize' | 'kubectl';
export type LoadRestrictor = 'rootOnly' | 'none';

/** `kustomize` when present (it is usually newer), else `kubectl`; or the one the config names. */
export function findKustomizeTool(
  choice: ToolChoice,
  env: Record<string, string | undefined>,
): KustomizeTool | undefined {
  if (choice !== 'kubectl') {
    const command = findOnPath('kustomize', env);
    if (command) return { command, subcommand: 'build' };
  }
  if (choice !== 'kustomize') {
    const command = findOnPath('kubectl', env);
    if (command) return { command, subcommand: 'kustomize' };
  }
  return undefined;
}

/** A build's output; with origins, `origin` turns an origin annotation's path into the file it names. */
export type BuildResult =
  { ok: true; stdout: string; origin?: (originPath: string) => string } | { ok: false; message: string };

export interface BuildOptions {
  loadRestrictor: LoadRestrictor;
  env: Record<string, string | undefined>;
  timeoutMs: number;
  /** How the root directory is named in messages (relative to `cwd`). */
  rootName: string;
  cwd: string;
  /** Annotate each object with the file it came from (slower: 1.3-4x the build time on the corpus). */
  origins: boolean;
}

/**
 * Builds one kustomization, as is or with origin annotations, without touching the user's files. kustomize has no
 * flag for origins, so a wrapper kustomization in a temporary directory includes the root (by a relative path:
 * kustomize refuses absolute ones) and sets `buildMetadata: [originAnnotations]`. Each object then carries
 * `config.kubernetes.io/origin: {path}` relative to the wrapper (https://kubectl.docs.kubernetes.io/references/kustomize/kustomization/buildmetadata/).
 */
export async function buildKustomization(
  tool: KustomizeTool,
  root: string,
  options: BuildOptions,
): Promise<BuildResult> {
  if (!options.origins) return run(tool, root, root, (text) => text, options);
  const wrapper = await mkdtemp(path.join(tmpdir(), 'archcheck-kustomize-'));
  try {
    const relative = posixRelative(wrapper, root);
    if (path.isAbsolute(relative)) {
      return {
        ok: false,
        message: `cannot build ${options.rootName}: it is on another drive than the temporary directory`,
      };
    }
    await writeFile(
      path.join(wrapper, 'kustomization.yaml'),
      `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ${JSON.stringify(relative)}\nbuildMetadata: [originAnnotations]\n`,
    );
    // Name the root as the user knows it, not through the wrapper.
    const rename = (text: string) => text.split(relative).join(options.rootName);
    const result = await run(tool, wrapper, wrapper, rename, options);
    return result.ok ? { ...result, origin: (p) => path.resolve(wrapper, p) } : result;
  } finally {
    await rm(wrapper, { recursive: true, force: true });
  }
}

/** Runs kustomize on `dir`; `rename` rewrites paths in its error that the user would not know. */
async function run(
  tool: KustomizeTool,
  dir: string,
  cwd: string,
  rename: (text: string) => string,
  options: BuildOptions,
): Promise<BuildResult> {
  const args = [tool.subcommand, dir];
  if (options.loadRestrictor === 'none') args.push('--load-restrictor', 'LoadRestrictionsNone');
  const result = await execText(tool.command, args, {
    cwd,
    env: options.env,
    allow: KUSTOMIZE_ENV,
    timeoutMs: options.timeoutMs,
  });
  if (result.ok) return { ok: true, stdout: result.stdout };
  // Say paths the way the user knows them, relative to the working directory.
  const detail = rename(kustomizeError(result.stderr || result.error))
    .split(`${options.cwd}${path.sep}`)
    .join('');
  return {
    ok: false,
    // kustomize quotes what it failed on (a file's lines, a value): capped like any scanned text.
    message: `${path.basename(tool.command)} ${tool.subcommand} failed for ${options.rootName}: ${cap(detail, MESSAGE_LIMIT)}`,
  };
}

/**
 * kubectl wraps the error in klog's structured form: `E... "command failed" err="..."` on one line, or, when
 * the error has several lines, `err=<` followed by tab-indented lines and a closing ` >` (klog's multi-line
 * value). kustomize alone prints `Error: ...`. Keep the error itself, every line of it: the cause (a remote
 * base that cannot be fetched) is often on the last one.
 */
export function kustomizeError(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('# Warning:'));
  const text = lines.join('\n');
  const quoted = /err="((?:[^"\\]|\\.)*)"/.exec(text);
  if (quoted?.[1]) return quoted[1].replace(/\\"/g, '"').replace(/\\\\/g, '\\');
  const open = lines.findIndex((l) => /\berr=<$/.test(l));
  if (open >= 0) {
    const body: string[] = [];
    for (const line of lines.slice(open + 1)) {
      if (line.trim() === '>') break;
      body.push(line.replace(/^\t/, '').trim());
    }
    const joined = body
      .filter((l) => l !== ':' && l !== '')
      .join(' ')
      .replace(/\s+:\s+/g, ': ');
    if (joined) return joined;
  }
  const error = lines.find((l) => l.startsWith('Error:'));
  return (error ?? lines[lines.length - 1] ?? 'no error output').replace(/^Error:\s*/, '');
}
