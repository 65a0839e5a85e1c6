import { LineCounter, isMap, isSeq, parseAllDocuments, type Node } from 'yaml';
import { asMap, child, deref, locate, scalarString, type AstContext } from '../../documents/ast.js';
import type { SourceLocation } from '../../documents/location.js';
import type { Kustomization } from './kustomization.js';
import { inlinePosition, type PatchEntry, type PatchTarget } from './patch-entries.js';

/** The rendered workload a patch may have changed: its kind, and its names (as rendered, and in its source file). */
export interface PatchedWorkload {
  kind: string;
  names: readonly string[];
}

/** A parsed patch: its documents, and how a position in its text becomes one in the file a person edits. */
interface ParsedPatch {
  docs: AstContext[];
  place: (ctx: AstContext, node: Node) => SourceLocation;
}

/**
 * Finds the line where a kustomize patch sets an image: the `value` of a JSON6902 `add`/`replace` op (a string
 * at a path ending in `/image`, or an `image:` inside an added container), or an `image:` of a strategic-merge
 * patch. Each patch file (read with its kustomization) is parsed once per run, however many roots use it.
 */
export class PatchImages {
  readonly #files = new Map<string, ParsedPatch>();
  readonly #inline = new WeakMap<PatchEntry, ParsedPatch>();

  constructor(private readonly reportName: (abs: string) => string) {}

  /**
   * Where `image` is set for `workload` by the last patch that sets it: `kustomizations` are the levels of the
   * build outermost first (the last to apply), and each one's patches are searched from its last.
   */
  locate(
    image: string,
    workload: PatchedWorkload,
    kustomizations: readonly Kustomization[],
  ): SourceLocation | undefined {
    for (const k of kustomizations) {
      for (const entry of [...k.patches].reverse()) {
        const patch = this.#parse(entry);
        if (!patch) continue;
        for (const ctx of [...patch.docs].reverse()) {
          const node = imageIn(ctx, image, workload, entry.target);
          if (node) return patch.place(ctx, node);
        }
      }
    }
    return undefined;
  }

  #parse(entry: PatchEntry): ParsedPatch | undefined {
    const { inline, file, text } = entry;
    if (inline) {
      let parsed = this.#inline.get(entry);
      if (!parsed) {
        parsed = {
          docs: parseDocs(inline.text, inline.start.file),
          place: (ctx, node) => inlinePosition(inline, locate(ctx, node)),
        };
        this.#inline.set(entry, parsed);
      }
      return parsed;
    }
    if (!file || text === undefined) return undefined;
    let parsed = this.#files.get(file);
    if (!parsed) {
      parsed = { docs: parseDocs(text, this.reportName(file)), place: (ctx, node) => locate(ctx, node) };
      this.#files.set(file, parsed);
    }
    return parsed;
  }
}

function parseDocs(text: string, file: string): AstContext[] {
  const lines = new LineCounter();
  // uniqueKeys off: the library's duplicate-key check is quadratic, and kustomize already accepted the patch.
  const docs = parseAllDocuments(text, { lineCounter: lines, uniqueKeys: false });
  return (Array.isArray(docs) ? docs : []).map((doc) => ({ file, doc, lines }));
}

/** The node setting `image` in one patch document, when the patch applies to `workload`. */
function imageIn(
  ctx: AstContext,
  image: string,
  workload: PatchedWorkload,
  target: PatchTarget | undefined,
): Node | undefined {
  const root = deref(ctx, ctx.doc.contents);
  // One for the whole document: ops whose values alias one node search it once.
  const seen = new Set<Node>();
  if (isSeq(root)) {
    // JSON6902: a list of operations, applied in order, so the last that sets the image wins.
    if (!applies(target, workload)) return undefined;
    for (const item of [...root.items].reverse()) {
      const op = asMap(ctx, item);
      const verb = scalarString(ctx, child(ctx, op, 'op'));
      if (verb !== 'add' && verb !== 'replace') continue;
      const value = deref(ctx, child(ctx, op, 'value'));
      const at = scalarString(ctx, child(ctx, op, 'path')) ?? '';
      if (isMap(value) || isSeq(value)) {
        const found = imageUnder(ctx, value, image, 0, seen);
        if (found) return found;
      } else if (at.endsWith('/image') && scalarString(ctx, value) === image) return value;
    }
    return undefined;
  }
  if (!isMap(root)) return undefined;
  // Strategic merge: without a target, the patch names the object it merges into.
  const metadata = asMap(ctx, child(ctx, root, 'metadata'));
  const own: PatchTarget = {
    ...optional('kind', scalarString(ctx, child(ctx, root, 'kind'))),
    ...optional('name', scalarString(ctx, child(ctx, metadata, 'name'))),
  };
  return applies(target ?? own, workload) ? imageUnder(ctx, root, image, 0, seen) : undefined;
}

const optional = <K extends string>(key: K, value: string | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, string>>;

/** Deep enough for any pod template; a deeper (hostile) document is not searched further. */
const MAX_DEPTH = 32;

/**
 * The last `image: <image>` value at or under `node`. Each node is visited once: aliases can make a small
 * document a tree of billions of paths.
 */
function imageUnder(
  ctx: AstContext,
  node: Node | undefined,
  image: string,
  depth: number,
  seen: Set<Node>,
): Node | undefined {
  const n = deref(ctx, node);
  if (!n || depth > MAX_DEPTH || seen.has(n)) return undefined;
  seen.add(n);
  const children: Node[] = [];
  if (isMap(n)) {
    for (const pair of n.items) {
      const value = deref(ctx, pair.value);
      if (scalarString(ctx, pair.key) === 'image' && scalarString(ctx, value) === image && value)
        return value;
      if (value) children.push(value);
    }
  } else if (isSeq(n)) {
    for (const item of n.items) {
      const value = deref(ctx, item);
      if (value) children.push(value);
    }
  }
  for (const c of children.reverse()) {
    const found = imageUnder(ctx, c, image, depth + 1, seen);
    if (found) return found;
  }
  return undefined;
}

/**
 * Whether a patch's target can be the workload. kustomize reads `name` as an anchored regular expression; a name
 * written with regex characters is not evaluated here (a pattern from the tree could backtrack for minutes), so it
 * is taken to match: the image value still has to be the one rendered.
 */
function applies(target: PatchTarget | undefined, workload: PatchedWorkload): boolean {
  if (!target) return true;
  if (target.kind && target.kind !== workload.kind) return false;
  const literal = target.name !== undefined && !/[\\^$*+?()[\]{}|]/.test(target.name);
  return !literal || workload.names.includes(target.name as string);
}
