import { stat } from 'node:fs/promises';
import path from 'node:path';
import { isScalar, type Node, type YAMLMap } from 'yaml';
import { parseYamlDocument } from '../../documents/problems.js';
import { asMap, asSeq, child, keyNode, locate, scalarString, type AstContext } from '../../documents/ast.js';
import type { SourceLocation } from '../../documents/location.js';
import { DEFAULT_MAX_FILE_SIZE, readManifest } from '../../documents/read.js';
import { readPatchEntries, type PatchEntry } from './patch-entries.js';

export type ImageField = 'newName' | 'newTag' | 'digest' | 'tagSuffix';

/** One `images:` entry: an override of an image's name, tag or digest, with where each of its fields is written. */
export interface ImageOverride {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
  tagSuffix?: string;
  /** The `name:` value of the entry. */
  location: SourceLocation;
  fields: Partial<Record<ImageField, SourceLocation>>;
}

/** What archcheck needs of one kustomization: what it includes, what files it reads, how it rewrites images. */
export interface Kustomization {
  dir: string;
  /** Absolute path of the kustomization file. */
  file: string;
  kind: 'Kustomization' | 'Component';
  /** Local directories included through `resources`/`bases` (other kustomizations), in order. */
  children: string[];
  /** Local directories of `components`, in order. */
  components: string[];
  /** Local files listed in `resources`/`bases`: the manifests it deploys. */
  resourceFiles: string[];
  /** Every other local file it reads: patches, configurations, CRDs, generator inputs, replacements. */
  otherFiles: string[];
  images: ImageOverride[];
  /** Its patches in the order kustomize applies them: to find the line a patch sets an image at. */
  patches: PatchEntry[];
  /**
   * Its build may hold objects from elsewhere than the local files it lists (remote resources or components, Helm
   * charts, generator or transformer plugins): only origin annotations say where those came from.
   */
  external: boolean;
  /**
   * A patch or replacement may rename objects (it touches `metadata/name`, or a patch file cannot be read):
   * a rendered name then no longer tells which file the object was written in.
   */
  renames: boolean;
}

export type KustomizationRead =
  { ok: true; value: Kustomization } | { ok: false; file: string; message: string; location: SourceLocation };

/** Remote resources (git, http) are fetched by kustomize itself; archcheck neither follows nor claims them. */
function isRemote(ref: string): boolean {
  return (
    /^[a-z][a-z0-9+.-]*:\/\//i.test(ref) || /^(git@|github\.com\/|gitlab\.com\/|bitbucket\.org\/)/.test(ref)
  );
}

/**
 * Reads a kustomization file: the references it follows (kustomize v5 api/types/kustomization.go) resolved
 * against its directory, and its `images:` entries with positions. `file` is the name findings use.
 */
export async function readKustomization(
  file: string,
  reportName: string,
  maxBytes = DEFAULT_MAX_FILE_SIZE,
): Promise<KustomizationRead> {
  const dir = path.dirname(file);
  const read = await readManifest(file, reportName, maxBytes);
  const at = (line = 1, column = 1): SourceLocation => ({ file: reportName, line, column });
  if (!read.ok) return { ok: false, file, message: `${reportName}: ${read.problem.message}`, location: at() };
  const { text } = read;
  const { doc, lines, problem } = parseYamlDocument(text);
  if (problem) {
    return {
      ok: false,
      file,
      message: `${reportName} is not valid YAML: ${problem.message}`,
      location: at(problem.location.line, problem.location.column),
    };
  }
  const ctx: AstContext = { file: reportName, doc, lines };
  const root = asMap(ctx, doc.contents);
  const strings = (node: Node | undefined): string[] =>
    (asSeq(ctx, node)?.items ?? []).flatMap((item) => {
      const s = scalarString(ctx, item);
      return s === undefined ? [] : [s];
    });
  const field = (map: YAMLMap | undefined, key: string) => scalarString(ctx, child(ctx, map, key));
  const local = (refs: string[]) =>
    refs.filter((r) => r.trim() !== '' && !isRemote(r)).map((r) => path.resolve(dir, r));

  const children: string[] = [];
  const resourceFiles: string[] = [];
  for (const ref of local([
    ...strings(child(ctx, root, 'resources')),
    ...strings(child(ctx, root, 'bases')),
  ])) {
    if ((await stat(ref).catch(() => undefined))?.isDirectory()) children.push(ref);
    else resourceFiles.push(ref);
  }
  const listOfMaps = (key: string) =>
    (asSeq(ctx, child(ctx, root, key))?.items ?? []).flatMap((i) => asMap(ctx, i) ?? []);
  const other = [
    ...strings(child(ctx, root, 'crds')),
    ...strings(child(ctx, root, 'configurations')),
    ...strings(child(ctx, root, 'generators')),
    ...strings(child(ctx, root, 'transformers')),
    ...strings(child(ctx, root, 'validators')),
    // patchesStrategicMerge also takes inline patches: only single-line strings are paths.
    ...strings(child(ctx, root, 'patchesStrategicMerge')).filter((s) => !s.includes('\n')),
    ...['patches', 'patchesJson6902', 'replacements'].flatMap((k) =>
      listOfMaps(k).flatMap((m) => field(m, 'path') ?? []),
    ),
    ...['configMapGenerator', 'secretGenerator'].flatMap((k) =>
      listOfMaps(k).flatMap((m) =>
        [...strings(child(ctx, m, 'files')), ...strings(child(ctx, m, 'envs')), field(m, 'env') ?? ''].map(
          (s) => s.slice(s.indexOf('=') + 1),
        ),
      ),
    ),
    field(asMap(ctx, child(ctx, root, 'openapi')), 'path') ?? '',
  ];

  const kind = field(root, 'kind') === 'Component' ? 'Component' : 'Kustomization';
  const refs = ['resources', 'bases', 'components'].flatMap((k) => strings(child(ctx, root, k)));
  const plugins = ['helmCharts', 'helmChartInflationGenerator', 'generators', 'transformers'];
  const listed = (key: string) => (asSeq(ctx, child(ctx, root, key))?.items.length ?? 0) > 0;
  const external = refs.some(isRemote) || plugins.some(listed);
  // Patch files are read here, once: whether they rename objects decides how the root is built (buildRoot).
  const patches = await Promise.all(
    readPatchEntries(ctx, root, dir, text).map(async (p) => {
      const read = p.file ? await readManifest(p.file, p.file, maxBytes) : undefined;
      return read?.ok ? { ...p, text: read.text } : p;
    }),
  );
  const renames =
    listed('replacements') ||
    patches.some((p) => {
      const patch = p.inline?.text ?? p.text;
      return patch === undefined || METADATA_NAME.test(patch);
    });
  return {
    ok: true,
    value: {
      dir,
      file,
      kind,
      children,
      components: local(strings(child(ctx, root, 'components'))),
      resourceFiles,
      otherFiles: local(other),
      images: readImages(ctx, asSeq(ctx, child(ctx, root, 'images'))?.items ?? []),
      patches,
      external,
      renames,
    },
  };
}

/** A JSON6902 op path (JSON or YAML form) that sets an object's name. */
const METADATA_NAME = /\/metadata\/name\b/;

const IMAGE_FIELDS: readonly ImageField[] = ['newName', 'newTag', 'digest', 'tagSuffix'];

function readImages(ctx: AstContext, items: unknown[]): ImageOverride[] {
  return items.flatMap((item) => {
    const map = asMap(ctx, item);
    const name = scalarString(ctx, child(ctx, map, 'name'));
    if (!map || !name) return [];
    const entry: ImageOverride = {
      name,
      location: locate(ctx, child(ctx, map, 'name'), keyNode(ctx, map, 'name')),
      fields: {},
    };
    for (const f of IMAGE_FIELDS) {
      const node = child(ctx, map, f);
      // kustomize reads these as strings: `newTag: 1.10` is the tag "1.10", not the number 1.1.
      const value = isScalar(node) && typeof node.source === 'string' ? node.source : scalarString(ctx, node);
      if (value === undefined || value === '') continue;
      entry[f] = value;
      entry.fields[f] = locate(ctx, node);
    }
    return [entry];
  });
}
