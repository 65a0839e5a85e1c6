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
import type { ImageParam } from '../workload.js';

// Images written with parameters, for the kinds that fill them at run time (Tekton's `$(params.x)`, Argo's
// `{{inputs.parameters.x}}`): the named values a level declares or passes, and one bounded substitution for both
// syntaxes (tekton-params.ts, argo-params.ts).

/** Longer than any image reference (a name of 255 and a tag of 128): a longer text is not an image. */
export const MAX_LENGTH = 1024;
/** Values naming values (a run's value fills a task's, a caller's input a template's): followed this deep. */
const MAX_DEPTH = 4;

/** A value a reference may name: its text, and where it is written. */
export interface NamedValue {
  text: string;
  param: ImageParam;
}

/**
 * The string `field` of each item of `holder[list]`, by the item's `name`; the first accepted item of a name
 * wins. Only values written as strings: `default: 1.10` is the number 1.1 to YAML, not the tag a person meant.
 */
export function namedValues(
  ctx: AstContext,
  holder: YAMLMap | undefined,
  list: string,
  field: 'value' | 'default',
  accept: (item: YAMLMap | undefined) => boolean = () => true,
): Map<string, NamedValue> {
  const values = new Map<string, NamedValue>();
  for (const entry of asSeq(ctx, child(ctx, holder, list))?.items ?? []) {
    const item = asMap(ctx, entry);
    const name = scalarString(ctx, child(ctx, item, 'name'));
    const node = child(ctx, item, field);
    const text = stringValue(ctx, node);
    if (name === undefined || text === undefined || values.has(name) || !accept(item)) continue;
    values.set(name, { text, param: { name, from: field, location: locate(ctx, node as Node) } });
  }
  return values;
}

export interface Filled {
  text: string;
  /** Each value that went in, once, in order of first use. */
  params: ImageParam[];
  /** The labels of references nothing here fills, once each. */
  missing: string[];
  /** A value, or the result, longer than any image: the text is then left as written. */
  tooLong: boolean;
}

/**
 * What a reference (the match's groups) names in `scope`: its label for messages, and the value with the scope
 * its own references are filled in, when there is one. Undefined: the match is no parameter here, left as written.
 */
export type Lookup<S> = (
  groups: string[],
  scope: S,
) => { label: string; value?: NamedValue; within?: S } | undefined;

/**
 * `text` with each match of `reference` replaced by the value `lookup` finds, itself filled in its own scope.
 * Each value is filled once per text, and every value and result is bounded in length, so values naming values
 * many times over cost neither time nor memory.
 */
export function fillReferences<S>(text: string, scope: S, reference: RegExp, lookup: Lookup<S>): Filled {
  return once(fill(text, scope, { reference, lookup, done: new Map() }, 0));
}

interface Run<S> {
  reference: RegExp;
  lookup: Lookup<S>;
  done: Map<ImageParam, Filled>;
}

function fill<S>(text: string, scope: S, run: Run<S>, depth: number): Filled {
  if (text.length > MAX_LENGTH) return { text, params: [], missing: [], tooLong: true };
  const params: ImageParam[] = [];
  const missing: string[] = [];
  let tooLong = false;
  const result = text.replace(run.reference, (whole, ...groups: string[]) => {
    const found = run.lookup(groups, scope);
    if (!found) return whole;
    const { label, value, within } = found;
    if (!value || within === undefined || depth >= MAX_DEPTH) {
      missing.push(label);
      return whole;
    }
    let inner = run.done.get(value.param);
    if (!inner) {
      inner = once(fill(value.text, within, run, depth + 1));
      run.done.set(value.param, inner);
    }
    if (inner.tooLong || inner.text.length > MAX_LENGTH) {
      tooLong = true;
      return whole;
    }
    params.push(value.param, ...inner.params);
    missing.push(...inner.missing);
    return inner.text;
  });
  if (tooLong || result.length > MAX_LENGTH) return { text, params: [], missing: [], tooLong: true };
  return { text: result, params, missing, tooLong: false };
}

/** Each value and label once: a value used many times over is listed once. */
function once(filled: Filled): Filled {
  return { ...filled, params: [...new Set(filled.params)], missing: [...new Set(filled.missing)] };
}
