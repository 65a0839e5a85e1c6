import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { SourceLocation } from '../../documents/location.js';
import type { KubeObject } from '../../documents/parse.js';
import { mapLimit } from '../../map-limit.js';
import type { RenderProblem, Workload } from '../../workloads/workload.js';
import type { RenderOutcome, SourceUnit } from '../unit.js';
import { nameTemplate } from '../helm/source-comment.js';
import { findKustomizeTool } from './build.js';
import { buildRoot } from './build-root.js';
import { SourceFiles } from './source-files.js';
import { attributeImage } from './images.js';
import { PatchImages } from './patch-images.js';
import type { ImageOverride, Kustomization } from './kustomization.js';
import { findSourceObject, relocateWorkload, relocator, scalarOf } from './relocate.js';
import { imageChain, loadKustomizeTree, type ChainLevel, type KustomizeTree } from './tree.js';
import { posixRelative } from '../../paths.js';
import type { FoundKustomizations, KustomizeInput } from './index.js';

/**
 * The Kustomize source: finds kustomization roots among the scanned files (or takes the configured ones), builds
 * each (with origin annotations only where needed: see buildRoot), and maps every rendered workload back to the
 * file and line it was written at; images an `images:` entry or a patch set point at that entry or patch. Build failures and entries that match nothing are
 * problems, and every file a kustomization reads is claimed so it is not also checked as a loose manifest.
 */
export async function renderKustomizeTree(
  input: KustomizeInput,
  found: FoundKustomizations,
): Promise<RenderOutcome> {
  const { cwd, settings } = input;
  const outcome: RenderOutcome = { units: [], problems: [], claimed: new Set() };
  const reportName = (abs: string) => posixRelative(cwd, abs);
  const named = new Set(input.named);
  const tree = await loadKustomizeTree(
    found.dirs,
    found.explicit,
    reportName,
    input.maxFileSize,
    found.lookups,
  );
  // A named file is read as written even when a configured root also reads it.
  for (const f of named) tree.claimed.delete(f);
  outcome.claimed = tree.claimed;
  for (const e of tree.errors) outcome.problems.push({ cause: 'invalid', ...e });
  if (tree.roots.length === 0) return outcome;

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
  const sources = new SourceFiles(reportName, input.maxFileSize);
  const patches = new PatchImages(reportName);
  const results = await mapLimit(tree.roots, kustomizeParallelism(), async (root) => {
    const rootName = reportName(root) || '.';
    const rootFile = tree.nodes.get(root)?.file ?? path.join(root, 'kustomization.yaml');
    const result = await buildRoot(tool, root, tree, sources, {
      loadRestrictor: settings.loadRestrictor,
      env: input.env,
      timeoutMs: input.timeoutMs ?? 120_000,
      rootName,
      rootFileName: reportName(rootFile),
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
    const parsed = result.parsed;
    const workloads: Workload[] = [];
    for (const { obj, workloads: found, file } of result.objects) {
      workloads.push(
        ...(await mapObject(obj, found, file, { tree, root, rootFile, sources, used, patches, reportName })),
      );
    }
    markBuilt(tree, root, built);
    const unit: SourceUnit = {
      source: { path: rootFile, file: reportName(rootFile) },
      file: parsed,
      workloads,
    };
    return { root, unit };
  });
  for (const r of results) {
    if (r.unit) outcome.units.push(r.unit);
    if (r.problem) outcome.problems.push(r.problem);
  }
  outcome.problems.push(...unusedEntries(tree, built, used, reportName));
  return outcome;
}

/** Builds at once: kustomize is CPU-bound, so more than the cores only adds contention. */
export function kustomizeParallelism(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

interface MapContext {
  tree: KustomizeTree;
  root: string;
  rootFile: string;
  sources: SourceFiles;
  used: Set<ImageOverride>;
  patches: PatchImages;
  reportName: (abs: string) => string;
}

/**
 * Points a rendered object's workloads at its source object in `file` (where it was written, when known), and
 * images at the `images:` entry or patch that set them.
 */
async function mapObject(
  obj: KubeObject,
  workloads: Workload[],
  file: string | undefined,
  m: MapContext,
): Promise<Workload[]> {
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
      // A Tekton image filled from params is written as `$(params.x)`: compare with what the manifest says.
      if (scalarOf(at) !== (c.written?.image ?? c.image))
        patchedAt.push({ workload: moved.length, container: i, image: c.image });
      return c;
    });
    moved.push({ ...workload, containers });
  }
  const levels = chain ? patchLevels(m.tree, chain) : [];
  for (const p of patchedAt) {
    const w = moved[p.workload];
    if (!w) continue;
    const names = source ? [w.name, source.name] : [w.name];
    const line = m.patches.locate(p.image, { kind: w.kind, names }, levels);
    if (line)
      moved[p.workload] = {
        ...w,
        containers: w.containers.map((c, i) => (i === p.container ? { ...c, location: line } : c)),
      };
  }
  return source ? nameTemplate(source, moved) : moved;
}

/**
 * The kustomizations whose patches may have set an image, outermost (applied last) first: each level of the
 * chain, after its own patches those of its components (they apply before the level's own).
 */
function patchLevels(tree: KustomizeTree, chain: readonly ChainLevel[]): Kustomization[] {
  return [...chain]
    .reverse()
    .flatMap(({ kustomization: k }) => [
      k,
      ...[...k.components].reverse().flatMap((dir) => tree.nodes.get(dir) ?? []),
    ]);
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
