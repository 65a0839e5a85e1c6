import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { child, asMap, scalarString } from '../../documents/ast.js';
import type { SourceLocation } from '../../documents/location.js';
import { parseManifestFile, type KubeObject, type ParsedFile } from '../../documents/parse.js';
import { mapLimit } from '../../engine/map-limit.js';
import { extractWorkloads } from '../../workloads/extract.js';
import type { RenderProblem, Workload } from '../../workloads/workload.js';
import type { RenderOutcome, SourceUnit } from '../unit.js';
import { nameTemplate } from '../helm/source-comment.js';
import { DEFAULT_KUSTOMIZE_CONFIG } from '../../config/defaults.js';
import type { KustomizeConfig } from '../../config/types.js';
import { attributeImage, patchedImageLine } from './images.js';
import type { ImageOverride, Kustomization } from './kustomization.js';
import { findSourceObject, relocateWorkload, relocator, scalarOf } from './relocate.js';
import { candidateDirs, imageChain, loadKustomizeTree, type KustomizeTree } from './tree.js';
import { posixRelative } from '../../paths.js';

/** What runs when the config says nothing about kustomize. */
export const DEFAULT_KUSTOMIZE_SETTINGS: Readonly<KustomizeConfig> = DEFAULT_KUSTOMIZE_CONFIG;

export interface KustomizeInput {
  cwd: string;
  /** Absolute paths of the files discovery found. */
  files: readonly string[];
  settings: KustomizeConfig;
  env: Record<string, string | undefined>;
  /** Per build (default 120 s). */
  timeoutMs?: number;
}

const ORIGIN = 'config.kubernetes.io/origin';

/**
 * The Kustomize source: finds kustomization roots among the scanned files (or takes the configured ones), builds
 * each with origin annotations, and maps every rendered workload back to the file and line it was written at;
 * images an `images:` entry rewrote point at that entry. Build failures and entries that match nothing are
 * problems, and every file a kustomization reads is claimed so it is not also checked as a loose manifest.
 */
export async function renderKustomizations(input: KustomizeInput): Promise<RenderOutcome> {
  const { cwd, settings } = input;
  const outcome: RenderOutcome = { units: [], problems: [], claimed: new Set() };
  if (!settings.enabled) return outcome;
  const reportName = (abs: string) => posixRelative(cwd, abs);
  const explicit = settings.roots.length > 0 ? settings.roots : undefined;
  const tree = await loadKustomizeTree(candidateDirs(input.files), explicit, reportName);
  outcome.claimed = tree.claimed;
  for (const e of tree.errors) outcome.problems.push({ cause: 'invalid', ...e });
  if (tree.roots.length === 0) return outcome;

  // The build machinery loads only for a tree that has kustomizations (issue 14: start fast).
  const { buildWithOrigins, findKustomizeTool } = await import('./build.js');
  const tool = findKustomizeTool(settings.command, input.env);
  if (!tool) {
    const missing =
      settings.command === 'auto' ? 'neither kustomize nor kubectl is' : `${settings.command} is not`;
    const why = `${missing} on PATH; install kubectl (it includes kustomize) or kustomize.`;
    for (const root of tree.roots) {
      outcome.problems.push(
        rootProblem(
          tree,
          root,
          reportName,
          'tool-missing',
          `${reportName(root) || '.'} was not built or checked: ${why}`,
        ),
      );
    }
    return outcome;
  }

  const used = new Set<ImageOverride>();
  const built = new Set<string>();
  const sources = new SourceFiles(reportName);
  // kustomize is CPU-bound: more builds at once than cores only adds contention.
  const results = await mapLimit(
    tree.roots,
    Math.max(1, Math.min(4, availableParallelism())),
    async (root) => {
      const rootName = reportName(root) || '.';
      const result = await buildWithOrigins(tool, root, {
        loadRestrictor: settings.loadRestrictor,
        env: input.env,
        timeoutMs: input.timeoutMs ?? 120_000,
        rootName,
        cwd,
      });
      if (!result.ok) {
        const hint = /is not in or below/.test(result.message)
          ? ' (if you build it with --load-restrictor LoadRestrictionsNone, set the action input kustomize-load-restrictor: none or the CLI flag --kustomize-load-restrictor none in the workflow)'
          : '';
        return {
          root,
          problem: rootProblem(tree, root, reportName, 'build-failed', `${result.message}${hint}`),
        };
      }
      const rootFile = tree.nodes.get(root)?.file ?? path.join(root, 'kustomization.yaml');
      const parsed = parseManifestFile(reportName(rootFile), result.stdout);
      // The build output is in no file: a YAML error in it (a plugin's output) belongs to the kustomization.
      for (const p of parsed.problems) p.location = { file: reportName(rootFile), line: 1, column: 1 };
      const workloads: Workload[] = [];
      for (const obj of parsed.objects) {
        const found = extractWorkloads(obj);
        if (found.length === 0) continue;
        workloads.push(
          ...(await mapObject(obj, found, {
            tree,
            root,
            rootFile,
            sources,
            used,
            reportName,
            resolveOrigin: result.resolveOrigin,
          })),
        );
      }
      markBuilt(tree, root, built);
      const unit: SourceUnit = {
        source: { path: rootFile, file: reportName(rootFile) },
        file: parsed,
        workloads,
      };
      return { root, unit };
    },
  );
  for (const r of results) {
    if (r.unit) outcome.units.push(r.unit);
    if (r.problem) outcome.problems.push(r.problem);
  }
  outcome.problems.push(...unusedEntries(tree, built, used, reportName));
  return outcome;
}

interface MapContext {
  tree: KustomizeTree;
  root: string;
  rootFile: string;
  sources: SourceFiles;
  used: Set<ImageOverride>;
  reportName: (abs: string) => string;
  resolveOrigin: (p: string) => string;
}

/** Points a rendered object's workloads at its source object, and images at the `images:` entry that set them. */
async function mapObject(obj: KubeObject, workloads: Workload[], m: MapContext): Promise<Workload[]> {
  const originPath = originOf(obj);
  const file = originPath ? m.resolveOrigin(originPath) : undefined;
  const parsedSource = file ? await m.sources.get(file) : undefined;
  const source = parsedSource ? findSourceObject(obj, parsedSource.objects) : undefined;
  const fallback: SourceLocation = {
    file: m.reportName(file && parsedSource ? file : m.rootFile),
    line: 1,
    column: 1,
  };
  const relocate = relocator(obj, source, fallback);
  const chain = file ? imageChain(m.tree, m.root, file) : undefined;
  const moved: Workload[] = [];
  const patchedAt: { workload: number; container: number; image: string }[] = [];
  for (const w of workloads) {
    const { workload, images } = relocateWorkload(w, relocate);
    const containers = workload.containers.map((c, i) => {
      const at = images.get(i);
      if (!c.image || !at || !chain) return c;
      const attribution = attributeImage(scalarOf(at), c.image, chain);
      for (const e of attribution.used) m.used.add(e);
      if (attribution.location) return { ...c, location: attribution.location };
      if (scalarOf(at) !== c.image) patchedAt.push({ workload: moved.length, container: i, image: c.image });
      return c;
    });
    moved.push({ ...workload, containers });
  }
  for (const p of patchedAt) {
    const line = patchedImageLine(p.image, await m.sources.texts(chain?.map((l) => l.kustomization) ?? []));
    const w = moved[p.workload];
    if (line && w)
      moved[p.workload] = {
        ...w,
        containers: w.containers.map((c, i) => (i === p.container ? { ...c, location: line } : c)),
      };
  }
  return source ? nameTemplate(source, moved) : moved;
}

/** The `path` of an object's origin annotation (local files only: `repo` origins were fetched by kustomize). */
function originOf(obj: KubeObject): string | undefined {
  const annotations = asMap(
    obj.ctx,
    child(obj.ctx, asMap(obj.ctx, child(obj.ctx, obj.map, 'metadata')), 'annotations'),
  );
  const text = scalarString(obj.ctx, child(obj.ctx, annotations, ORIGIN));
  if (!text) return undefined;
  try {
    const origin = parseYaml(text) as { path?: unknown; repo?: unknown } | null;
    return origin && typeof origin.path === 'string' && origin.repo === undefined ? origin.path : undefined;
  } catch {
    return undefined;
  }
}

/** Source files read once per run, however many roots include them. */
class SourceFiles {
  readonly #cache = new Map<string, Promise<ParsedFile | undefined>>();
  readonly #texts = new Map<string, Promise<string | undefined>>();

  /** The kustomization files and the patch files they read, for finding the line a patch sets an image at. */
  async texts(kustomizations: readonly Kustomization[]): Promise<{ file: string; text: string }[]> {
    const files = kustomizations.flatMap((k) => [
      k.file,
      ...k.otherFiles.filter((f) => /\.(ya?ml|json)$/i.test(f)),
    ]);
    const read = await Promise.all(
      files.map((f) => {
        let text = this.#texts.get(f);
        if (!text) this.#texts.set(f, (text = readFile(f, 'utf8').catch(() => undefined)));
        return text.then((t) => (t === undefined ? [] : [{ file: this.reportName(f), text: t }]));
      }),
    );
    return read.flat();
  }
  constructor(private readonly reportName: (abs: string) => string) {}
  get(file: string): Promise<ParsedFile | undefined> {
    let entry = this.#cache.get(file);
    if (!entry) {
      entry = readFile(file, 'utf8').then(
        (text) => parseManifestFile(this.reportName(file), text),
        () => undefined,
      );
      this.#cache.set(file, entry);
    }
    return entry;
  }
}

function rootProblem(
  tree: KustomizeTree,
  root: string,
  reportName: (abs: string) => string,
  cause: RenderProblem['cause'],
  message: string,
): RenderProblem {
  const file = tree.nodes.get(root)?.file ?? path.join(root, 'kustomization.yaml');
  return { cause, message, location: { file: reportName(file), line: 1, column: 1 } };
}

/** Every kustomization a successful build of `root` went through. */
function markBuilt(tree: KustomizeTree, dir: string, built: Set<string>): void {
  if (built.has(dir)) return;
  const k = tree.nodes.get(dir);
  if (!k) return;
  built.add(dir);
  for (const d of [...k.children, ...k.components]) markBuilt(tree, d, built);
}

/** `images:` entries of built kustomizations that no image matched in any build. */
function unusedEntries(
  tree: KustomizeTree,
  built: Set<string>,
  used: Set<ImageOverride>,
  reportName: (abs: string) => string,
): RenderProblem[] {
  return [...built].flatMap((dir) => {
    const k = tree.nodes.get(dir);
    return (k?.images ?? [])
      .filter((e) => !used.has(e))
      .map((e) => ({
        cause: 'image-entry-unused' as const,
        message:
          `images entry "${e.name}" in ${reportName(k?.file ?? dir)} matches no container image of what it builds, so it changes nothing; ` +
          'the name must be the image as the resources write it, without tag or digest.',
        location: e.location,
      }));
  });
}
