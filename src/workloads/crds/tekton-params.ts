import type { Node, YAMLMap } from 'yaml';
import {
  asMap,
  asSeq,
  child,
  locate,
  scalarString,
  stringValue,
  type AstContext,
} from '../../documents/ast.js';
import type { ContainerUse, ImageParam, ParamScope, ParamTable } from '../workload.js';
import { withImage } from './source.js';

/**
 * `$(params.name)`, `$(params["name"])` and `$(params['name'])`, also as `$(inputs.params.name)` (v1alpha1's form,
 * which Tekton long kept as an alias of `params`). Array and object forms (`$(params.list[*])`)
 * are not strings and stay unresolved. https://tekton.dev/docs/pipelines/variables/
 */
const REFERENCE = /\$\((?:inputs\.)?params(?:\.([A-Za-z0-9_-]+)|\[\s*(["'])([^"'\]]+)\2\s*\])\)/g;

/** Values naming values: a pipeline run's value fills a pipeline task's, which fills the task's. */
const MAX_DEPTH = 4;
/** Longer than any image reference (a name of 255 and a tag of 128): a longer result is not an image. */
const MAX_LENGTH = 1024;

/** The string `default`s of `spec.params` (`type: string` or untyped; arrays and objects cannot be images). */
export function paramDefaults(ctx: AstContext, spec: YAMLMap | undefined): ParamTable {
  return tableOf(ctx, spec, 'default', []);
}

/** The string `value`s a run or a pipeline task passes in its `params`, resolved against `outer`. */
export function paramValues(ctx: AstContext, holder: YAMLMap | undefined, outer: ParamScope): ParamTable {
  return tableOf(ctx, holder, 'value', outer);
}

function tableOf(
  ctx: AstContext,
  holder: YAMLMap | undefined,
  field: 'default' | 'value',
  outer: ParamScope,
): ParamTable {
  const entries = new Map<string, { text: string; param: ImageParam }>();
  for (const item of asSeq(ctx, child(ctx, holder, 'params'))?.items ?? []) {
    const param = asMap(ctx, item);
    const name = scalarString(ctx, child(ctx, param, 'name'));
    const type = scalarString(ctx, child(ctx, param, 'type')) ?? 'string';
    const node = child(ctx, param, field);
    // Written as a string: `default: 1.10` is the number 1.1 to YAML, not the tag a person meant.
    const text = stringValue(ctx, node);
    if (name === undefined || type !== 'string' || text === undefined || entries.has(name)) continue;
    entries.set(name, { text, param: { name, from: field, location: locate(ctx, node as Node) } });
  }
  return { entries, outer };
}

export interface Substituted {
  text: string;
  /** Each param value that went in, once, in order of first use. */
  params: ImageParam[];
  /** Names referenced that no table gives a string for, once each. */
  missing: string[];
}

type Entry = ParamTable['entries'] extends ReadonlyMap<string, infer E> ? E : never;

/**
 * `text` with each `$(params...)` replaced by its value from `scope`; unknown ones are left as written. Each value
 * is filled once per text (values naming values many times over cost neither time nor memory), and every value
 * and result is bounded in length.
 */
export function substituteParams(text: string, scope: ParamScope): Substituted {
  const filled = substitute(text, scope, new Map(), 0);
  return { text: filled.text, params: [...new Set(filled.params)], missing: [...new Set(filled.missing)] };
}

function substitute(
  text: string,
  scope: ParamScope,
  done: Map<Entry, Substituted>,
  depth: number,
): Substituted {
  // Not an image, and each reference could grow it by a whole value: left as written, unsubstituted.
  if (text.length > MAX_LENGTH) return { text, params: [], missing: [] };
  const params: ImageParam[] = [];
  const missing: string[] = [];
  const result = text.replace(REFERENCE, (whole, dotted?: string, _quote?: string, quoted?: string) => {
    const name = dotted ?? quoted ?? '';
    const table = scope.find((t) => t.entries.has(name));
    const entry = table?.entries.get(name);
    if (!entry || !table || depth >= MAX_DEPTH) {
      missing.push(name);
      return whole;
    }
    let inner = done.get(entry);
    if (!inner) {
      inner = substitute(entry.text, table.outer, done, depth + 1);
      // Kept once per value: a value used many times adds its params once.
      inner = { ...inner, params: [...new Set(inner.params)], missing: [...new Set(inner.missing)] };
      done.set(entry, inner);
    }
    if (inner.text.length > MAX_LENGTH) {
      missing.push(name);
      return whole;
    }
    params.push(entry.param, ...inner.params);
    missing.push(...inner.missing);
    return inner.text;
  });
  return result.length > MAX_LENGTH ? { text, params: [], missing: [] } : { text: result, params, missing };
}

/**
 * `use` running its image with `$(params...)` filled from `scope`. When a param has no value here, the image is
 * left as written: a parameter each run sets, which the image-unresolved rule reports as a notice.
 */
export function fillParams(use: ContainerUse, scope: ParamScope): ContainerUse {
  if (!use.image.includes('$(')) return use;
  const filled = substituteParams(use.image, scope);
  if (filled.missing.length > 0) {
    const names = filled.missing.map((n) => `"${n}"`).join(', ');
    const reason =
      `${use.image} uses Tekton param ${names}, which has no default here: each run sets it, so the image is ` +
      'not known until then; give the param a default (spec.params[].default) to have that image checked';
    return { ...use, parseError: { ok: false, kind: 'parameter', reason } };
  }
  if (filled.params.length === 0) return use;
  return { ...withImage(use, filled.text), written: { image: use.image, params: filled.params } };
}
