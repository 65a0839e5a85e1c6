import { parse as parseYaml } from 'yaml';
import { asMap, child, scalarString } from '../../documents/ast.js';
import { parseManifestFile, type KubeObject, type ParsedFile } from '../../documents/parse.js';
import { extractWorkloads } from '../../workloads/extract.js';
import { apiGroup } from '../../workloads/kinds.js';
import type { Workload } from '../../workloads/workload.js';
import { buildKustomization, type BuildOptions, type KustomizeTool } from './build.js';
import type { SourceFiles } from './source-files.js';
import type { KustomizeTree } from './tree.js';

const ORIGIN = 'config.kubernetes.io/origin';

/** A workload object of a build, and the local file it was written in when that is known. */
export interface RenderedObject {
  obj: KubeObject;
  workloads: Workload[];
  file?: string;
}

export type RootBuild =
  | { ok: true; parsed: ParsedFile; objects: RenderedObject[]; origins: boolean }
  | { ok: false; message: string };

/**
 * Builds one root and finds the file each rendered workload was written in. Origin annotations say it, but cost
 * 1.3-4x the build (issue 14: redis-ha 1223 ms against 266 ms), so the root is first built as is and each workload
 * matched by kind and name among the resource files of the root's kustomizations. Only when a match is not unique
 * (the same name in two files, a name no file has), or when objects can come from elsewhere (a remote base, a Helm
 * chart, a plugin) or be renamed (a patch or replacement setting `metadata/name`), is it built again with origins. A failed build fails the same way either way.
 */
export async function buildRoot(
  tool: KustomizeTool,
  root: string,
  tree: KustomizeTree,
  sources: SourceFiles,
  options: Omit<BuildOptions, 'origins'> & { rootFileName: string },
): Promise<RootBuild> {
  const { files, external } = closure(tree, root);
  if (!external) {
    const plain = await buildKustomization(tool, root, { ...options, origins: false });
    if (!plain.ok) return plain;
    const parsed = parseOutput(plain.stdout, options.rootFileName);
    const objects = rendered(parsed);
    const sourceFiles = await matchFiles(
      objects.map((o) => o.obj),
      files,
      sources,
    );
    if (sourceFiles) {
      return {
        ok: true,
        parsed,
        objects: objects.map((o, i) => ({ ...o, file: sourceFiles[i] })),
        origins: false,
      };
    }
  }
  const built = await buildKustomization(tool, root, { ...options, origins: true });
  if (!built.ok) return built;
  const parsed = parseOutput(built.stdout, options.rootFileName);
  const objects = rendered(parsed).map((o) => {
    const origin = originOf(o.obj);
    return origin && built.origin ? { ...o, file: built.origin(origin) } : o;
  });
  return { ok: true, parsed, objects, origins: true };
}

function parseOutput(stdout: string, rootFileName: string): ParsedFile {
  const parsed = parseManifestFile(rootFileName, stdout);
  // The build output is in no file: a YAML error in it (a plugin's output) belongs to the kustomization.
  for (const p of parsed.problems) p.location = { file: rootFileName, line: 1, column: 1 };
  return parsed;
}

function rendered(parsed: ParsedFile): RenderedObject[] {
  return parsed.objects.flatMap((obj) => {
    const workloads = extractWorkloads(obj);
    return workloads.length > 0 ? [{ obj, workloads }] : [];
  });
}

/** The resource files of every kustomization a build of `root` goes through, and whether any fetches or plugs in. */
function closure(tree: KustomizeTree, root: string): { files: string[]; external: boolean } {
  const files = new Set<string>();
  let external = false;
  const seen = new Set<string>();
  const pending = [root];
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    if (seen.has(dir)) continue;
    seen.add(dir);
    const k = tree.nodes.get(dir);
    // A kustomization archcheck could not read is built by kustomize all the same: only origins tell.
    if (!k) return { files: [], external: true };
    external ||= k.external || k.renames;
    for (const f of k.resourceFiles) files.add(f);
    pending.push(...k.children, ...k.components);
  }
  return { files: [...files], external };
}

/**
 * The file each rendered object was written in, found without origins: the file holding an object of the same
 * kind and API group whose name the rendered name contains (namePrefix and nameSuffix only add to it), the longest
 * such name winning. Undefined as soon as one object has no such file or two files tie.
 */
async function matchFiles(
  objects: readonly KubeObject[],
  files: readonly string[],
  sources: SourceFiles,
): Promise<string[] | undefined> {
  const parsed = await Promise.all(files.map(async (file) => ({ file, parsed: await sources.get(file) })));
  const found: string[] = [];
  for (const obj of objects) {
    const group = apiGroup(obj.apiVersion);
    let best = -1;
    let at: string[] = [];
    for (const { file, parsed: p } of parsed) {
      const score = (p?.objects ?? []).reduce(
        (n, c) =>
          c.kind === obj.kind && apiGroup(c.apiVersion) === group && obj.name.includes(c.name)
            ? Math.max(n, c.name.length)
            : n,
        -1,
      );
      if (score > best) [best, at] = [score, [file]];
      else if (score === best && score >= 0) at.push(file);
    }
    if (best < 0 || at.length !== 1 || !at[0]) return undefined;
    found.push(at[0]);
  }
  return found;
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
