import type { YAMLMap } from 'yaml';
import { child, scalarString, type AstContext } from '../../documents/ast.js';
import type { ContainerUse, ParamScope, ParamTable } from '../workload.js';
import { fillReferences, namedValues, type Filled } from './fill.js';
import { withImage } from './source.js';

/**
 * `$(params.name)`, `$(params["name"])` and `$(params['name'])`, also as `$(inputs.params.name)` (v1alpha1's form,
 * which Tekton long kept as an alias of `params`). Array and object forms (`$(params.list[*])`)
 * are not strings and stay unresolved. https://tekton.dev/docs/pipelines/variables/
 */
const REFERENCE = /\$\((?:inputs\.)?params(?:\.([A-Za-z0-9_-]+)|\[\s*(["'])([^"'\]]+)\2\s*\])\)/g;

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
  const isString = (param: YAMLMap | undefined) =>
    (scalarString(ctx, child(ctx, param, 'type')) ?? 'string') === 'string';
  return { entries: namedValues(ctx, holder, 'params', field, isString), outer };
}

/**
 * `text` with each `$(params...)` replaced by its value from `scope` (the innermost table that has the name),
 * itself filled from that table's `outer`; unknown ones are left as written and listed in `missing`.
 */
export function substituteParams(text: string, scope: ParamScope): Filled {
  return fillReferences(text, scope, REFERENCE, ([dotted, , quoted], tables) => {
    const name = dotted ?? quoted ?? '';
    const table = tables.find((t) => t.entries.has(name));
    return { label: name, value: table?.entries.get(name), within: table?.outer };
  });
}

/**
 * `use` running its image with `$(params...)` filled from `scope`. When a param has no value here, the image is
 * left as written: a parameter each run sets, which the image-unresolved rule reports as a notice.
 */
export function fillParams(use: ContainerUse, scope: ParamScope): ContainerUse {
  if (!use.image.includes('$(')) return use;
  const filled = substituteParams(use.image, scope);
  // Values longer than any image: left as written, a parameter like any other.
  if (filled.tooLong) return use;
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
