import type { YAMLMap } from 'yaml';
import { asMap, asSeq, child, scalarString, type AstContext } from '../../documents/ast.js';
import type { ImageParam } from '../workload.js';
import { fillReferences, namedValues, type NamedValue } from './fill.js';

// Argo Workflows' parameters in images: `{{inputs.parameters.x}}` and `{{workflow.parameters.x}}`, filled the way
// the controller fills them (https://argo-workflows.readthedocs.io/en/latest/variables/). Every other `{{...}}`
// in a workflow's template is one of Argo's variables too (`{{item}}`, `{{steps.x.outputs.result}}`, `{{=expr}}`),
// set when the workflow runs: never a Helm template to render.

interface Entry extends NamedValue {
  /** Where the references in `text` are filled from: a caller's value names the caller's own inputs. */
  scope: ArgoScope;
}

/** What a template's parameters are filled from: its inputs, and the workflow's arguments (an analysis: its args). */
export interface ArgoScope {
  inputs: ReadonlyMap<string, Entry>;
  workflow: ReadonlyMap<string, Entry>;
  /** An Argo Rollouts analysis's `spec.args`; absent elsewhere, where `{{args.x}}` is just a variable. */
  args?: ReadonlyMap<string, Entry>;
}

/** One way a template runs: called by a step or DAG task of the workflow (`via`), else as it is declared. */
export interface ArgoCall {
  scope: ArgoScope;
  via?: string;
}

/** A simple tag naming a parameter (or an analysis's argument); spaces inside the braces are allowed, as Argo trims them. */
const REFERENCE = /\{\{\s*(inputs\.parameters|workflow\.parameters|args)\.([A-Za-z0-9_.-]+?)\s*\}\}/g;
/** Any tag left after filling: a variable only a run knows. */
const TAG = /\{\{[\s\S]*?\}\}/;
const LONG = 'parameters whose values make it longer than any image reference';
const MISSING = {
  'inputs.parameters': (name: string) =>
    `input parameter "${name}", which has no value or default here: the step or task that calls the template ` +
    'passes it, so the image is not known until then; give the input a default (inputs.parameters[].default) ' +
    'to have that image checked',
  'workflow.parameters': (name: string) =>
    `workflow parameter "${name}", which has no value in spec.arguments.parameters: it is set when the workflow ` +
    'is submitted; give it a value there to have that image checked',
  args: (name: string) =>
    `analysis argument "${name}", which has no value in spec.args: the Rollout or AnalysisRun that uses the ` +
    'template passes it, so the image is not known until then; give it a value there to have that image checked',
};

/**
 * The workflow's templates, and for each the ways it runs. An input's `value` is what the template gets whatever
 * a caller passes; else each step or DAG task calling it (`template: <name>`) passes its arguments, filled in the
 * caller's own scope; an input a caller does not pass takes its `default`. The entrypoint also runs as submitted,
 * its inputs filled from the workflow's arguments of the same name. A template no step of this workflow calls
 * (one another workflow calls through `templateRef`) runs as declared: its values and defaults.
 */
export function argoCalls(ctx: AstContext, workflow: YAMLMap | undefined): Map<YAMLMap, ArgoCall[]> {
  const args = parameters(ctx, asMap(ctx, child(ctx, workflow, 'arguments')), 'value');
  const entrypoint = scalarString(ctx, child(ctx, workflow, 'entrypoint'));
  const templates = (asSeq(ctx, child(ctx, workflow, 'templates'))?.items ?? []).flatMap((item) => {
    const map = asMap(ctx, item);
    return map ? [map] : [];
  });
  const byName = new Map<string, YAMLMap>();
  for (const t of templates) {
    const name = scalarString(ctx, child(ctx, t, 'name'));
    if (name !== undefined && !byName.has(name)) byName.set(name, t);
  }
  const declared = new Map(templates.map((t) => [t, declaredScope(ctx, t, args, undefined)]));
  const calls = new Map<YAMLMap, ArgoCall[]>(templates.map((t) => [t, []]));
  for (const caller of templates) {
    const callerName = scalarString(ctx, child(ctx, caller, 'name')) ?? '?';
    for (const { site, via } of callSites(ctx, caller, callerName)) {
      const target = scalarString(ctx, child(ctx, site, 'template'));
      const callee = target === undefined ? undefined : byName.get(target);
      const outer = declared.get(caller);
      if (!callee || !outer) continue;
      const passed = parameters(ctx, asMap(ctx, child(ctx, site, 'arguments')), 'value', outer);
      calls.get(callee)?.push({ scope: declaredScope(ctx, callee, args, passed), via });
    }
  }
  for (const t of templates) {
    const entry = entrypoint !== undefined && scalarString(ctx, child(ctx, t, 'name')) === entrypoint;
    const own = calls.get(t) ?? [];
    if (entry) own.unshift({ scope: declaredScope(ctx, t, args, args) });
    else if (own.length === 0) own.push({ scope: declared.get(t) ?? { inputs: new Map(), workflow: args } });
  }
  return calls;
}

/** An Argo Rollouts analysis's scope: the string `value`s of its `spec.args`, which name no parameter. */
export function analysisScope(ctx: AstContext, spec: YAMLMap | undefined): ArgoScope {
  const none: ArgoScope = { inputs: new Map(), workflow: new Map() };
  return { ...none, args: parameters(ctx, spec, 'value', none, 'args') };
}

/** The steps (`steps`: a list of parallel groups) and DAG tasks of a template, each named for messages. */
function callSites(ctx: AstContext, template: YAMLMap, name: string): { site: YAMLMap; via: string }[] {
  const label = (site: YAMLMap, index: number) =>
    scalarString(ctx, child(ctx, site, 'name')) ?? String(index);
  const steps = (asSeq(ctx, child(ctx, template, 'steps'))?.items ?? []).flatMap((group) =>
    (asSeq(ctx, group)?.items ?? []).flatMap((item, index) => {
      const site = asMap(ctx, item);
      return site ? [{ site, via: `templates[${name}].steps[${label(site, index)}]` }] : [];
    }),
  );
  const tasks = asSeq(ctx, child(ctx, asMap(ctx, child(ctx, template, 'dag')), 'tasks'));
  return [
    ...steps,
    ...(tasks?.items ?? []).flatMap((item, index) => {
      const site = asMap(ctx, item);
      return site ? [{ site, via: `templates[${name}].dag.tasks[${label(site, index)}]` }] : [];
    }),
  ];
}

/** A template's inputs: its `value`s, then what `passed` gives, then its `default`s. */
function declaredScope(
  ctx: AstContext,
  template: YAMLMap,
  args: ReadonlyMap<string, Entry>,
  passed: ReadonlyMap<string, Entry> | undefined,
): ArgoScope {
  const inputs = asMap(ctx, child(ctx, template, 'inputs'));
  // A template's own values and defaults name the workflow's arguments, not its inputs.
  const own: ArgoScope = { inputs: new Map(), workflow: args };
  const filled = parameters(ctx, inputs, 'value', own);
  for (const [name, entry] of passed ?? []) if (!filled.has(name)) filled.set(name, entry);
  for (const [name, entry] of parameters(ctx, inputs, 'default', own))
    if (!filled.has(name)) filled.set(name, entry);
  return { inputs: filled, workflow: args };
}

/**
 * The string `value` (or `default`) of each of `holder.parameters` (or another `list`), its references to be filled
 * in `scope`; without one, these are the workflow's arguments, whose values name each other.
 */
function parameters(
  ctx: AstContext,
  holder: YAMLMap | undefined,
  field: 'value' | 'default',
  scope?: ArgoScope,
  list = 'parameters',
): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  const where = scope ?? { inputs: new Map(), workflow: entries };
  for (const [name, value] of namedValues(ctx, holder, list, field))
    entries.set(name, { ...value, scope: where });
  return entries;
}

export interface ArgoFilled {
  text: string;
  /** Every parameter value that went in, in order of use. */
  params: ImageParam[];
  /** Why the image is still not known: a parameter without a value here, or a variable a run sets. */
  unknown?: string;
}

/** `image` with its parameters filled from `scope`; `unknown` says what is left to the run. */
export function fillArgoImage(image: string, scope: ArgoScope): ArgoFilled {
  const filled = fillReferences(image, scope, REFERENCE, ([where, name = ''], within) => {
    const table =
      where === 'inputs.parameters' ? within.inputs : where === 'args' ? within.args : within.workflow;
    // `{{args.x}}` outside an analysis is no parameter of ours: left for the check on other variables below.
    if (!table) return undefined;
    const entry = table.get(name);
    return { label: MISSING[where as keyof typeof MISSING](name), value: entry, within: entry?.scope };
  });
  const unknown = filled.missing[0] ?? (filled.tooLong ? LONG : undefined);
  if (unknown) return { text: image, params: [], unknown };
  const tag = TAG.exec(filled.text)?.[0];
  if (tag)
    return {
      text: image,
      params: [],
      unknown: `the Argo variable ${tag}, which is set when the workflow runs`,
    };
  return { text: filled.text, params: filled.params };
}
