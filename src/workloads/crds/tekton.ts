import type { Node, YAMLMap } from 'yaml';
import {
  asMap,
  asSeq,
  child,
  keyNode,
  locate,
  scalarString,
  stringValue,
  writtenChild,
  type AstContext,
} from '../../documents/ast.js';
import type { KubeObject } from '../../documents/parse.js';
import { readContainer, readScheduling } from '../pod-spec.js';
import type { ContainerUse, ParamScope, StepActionUse, Workload } from '../workload.js';
import { expandPath, firstMap, withImage, workloadOf, type PodSource, type TektonLayout } from './source.js';
import { fillParams, paramDefaults, paramValues } from './tekton-params.js';

const tekton = (layout: TektonLayout): readonly PodSource[] => [{ from: 'tekton', layout }];

/**
 * Tekton Pipelines v1 (and v1beta1, v1alpha1 for StepAction): every task spec is one pod of steps and sidecars.
 * https://tekton.dev/docs/pipelines/tasks/ and https://tekton.dev/docs/pipelines/stepactions/
 */
export const TEKTON_CRDS: Readonly<Record<string, readonly PodSource[]>> = {
  'tekton.dev/Task': tekton('task'),
  'tekton.dev/ClusterTask': tekton('task'),
  'tekton.dev/TaskRun': tekton('taskRun'),
  'tekton.dev/Pipeline': tekton('pipeline'),
  'tekton.dev/PipelineRun': tekton('pipelineRun'),
  'tekton.dev/StepAction': tekton('stepAction'),
};

/**
 * The workloads of a Tekton object, images filled from params the way a run fills them: a run's `value`, else
 * the task's `default`, else (in a pipeline) the value the pipeline task passes or the pipeline's own default.
 */
export function readTekton(obj: KubeObject, layout: TektonLayout): Workload[] {
  const { ctx } = obj;
  const spec = asMap(ctx, child(ctx, obj.map, 'spec'));
  if (!spec) return [];
  switch (layout) {
    case 'task':
      return taskWorkloads(obj, spec, '', [paramDefaults(ctx, spec)], undefined);
    case 'taskRun': {
      const taskSpec = asMap(ctx, child(ctx, spec, 'taskSpec'));
      if (!taskSpec) return [];
      const scope = [paramValues(ctx, spec, []), paramDefaults(ctx, taskSpec)];
      return taskWorkloads(obj, taskSpec, '', scope, asMap(ctx, child(ctx, spec, 'podTemplate')));
    }
    case 'pipeline':
      return pipelineWorkloads(obj, spec, [], undefined);
    case 'pipelineRun': {
      const pipelineSpec = asMap(ctx, child(ctx, spec, 'pipelineSpec'));
      // v1 moved the pod template under taskRunTemplate; v1beta1 has it at spec.podTemplate.
      const podTemplate = firstMap(ctx, spec, [['taskRunTemplate', 'podTemplate'], ['podTemplate']]);
      const run = [paramValues(ctx, spec, [])];
      return pipelineSpec ? pipelineWorkloads(obj, pipelineSpec, run, podTemplate) : [];
    }
    case 'stepAction': {
      // A StepAction's spec is one step: its image, command, args and params. On its own it runs with its
      // defaults; each step that runs it fills the image again with the params it passes (step-actions.ts).
      const defaults = paramDefaults(ctx, spec);
      const written = readContainer(ctx, spec, 'container', obj.name);
      const workload = workloadOf(obj, {}, [fillParams(written, [defaults])], readScheduling(ctx, undefined));
      workload.stepAction = { container: written, defaults };
      return [workload];
    }
    default: {
      const never: never = layout;
      return never;
    }
  }
}

/**
 * One workload per pipeline task with an embedded `taskSpec` (a `taskRef` names a Task checked where it is).
 * Tekton propagates a pipeline's params into embedded task specs, so those are looked up last.
 */
function pipelineWorkloads(
  obj: KubeObject,
  pipelineSpec: YAMLMap,
  run: ParamScope,
  podTemplate: YAMLMap | undefined,
): Workload[] {
  const { ctx } = obj;
  const pipeline = [...run, paramDefaults(ctx, pipelineSpec)];
  return ['tasks', 'finally'].flatMap((list) =>
    expandPath(ctx, pipelineSpec, [list, '*']).flatMap(({ node, part }) => {
      const task = asMap(ctx, node);
      const taskSpec = asMap(ctx, child(ctx, task, 'taskSpec'));
      if (!taskSpec) return [];
      const scope = [paramValues(ctx, task, pipeline), paramDefaults(ctx, taskSpec), ...pipeline];
      return taskWorkloads(obj, taskSpec, part, scope, podTemplate);
    }),
  );
}

function taskWorkloads(
  obj: KubeObject,
  taskSpec: YAMLMap,
  part: string,
  scope: ParamScope,
  podTemplate: YAMLMap | undefined,
): Workload[] {
  const { ctx } = obj;
  // A step without an image takes the stepTemplate's (https://tekton.dev/docs/pipelines/tasks/#specifying-a-step-template).
  const templateImage = writtenChild(ctx, asMap(ctx, child(ctx, taskSpec, 'stepTemplate')), 'image');
  const containers: ContainerUse[] = [];
  const stepActions: StepActionUse[] = [];
  (asSeq(ctx, child(ctx, taskSpec, 'steps'))?.items ?? []).forEach((item, index) => {
    const step = asMap(ctx, item);
    if (!step) return;
    const ref = asMap(ctx, child(ctx, step, 'ref'));
    if (ref) stepActions.push(stepActionUse(ctx, step, ref, `steps[${index}]`, scope));
    else containers.push(tektonContainer(ctx, step, `steps[${index}]`, scope, templateImage));
  });
  (asSeq(ctx, child(ctx, taskSpec, 'sidecars'))?.items ?? []).forEach((item, index) => {
    const sidecar = asMap(ctx, item);
    if (sidecar) containers.push(tektonContainer(ctx, sidecar, `sidecars[${index}]`, scope, undefined));
  });
  if (containers.length === 0 && stepActions.length === 0) return [];
  const workload = workloadOf(obj, { part }, containers, readScheduling(ctx, podTemplate));
  if (stepActions.length > 0) workload.stepActions = stepActions;
  return [workload];
}

/**
 * A step that runs a StepAction: Tekton rejects one that also sets `image`, so it has no image of its own. The
 * values it passes in `params` are filled from the task's scope.
 */
function stepActionUse(
  ctx: AstContext,
  step: YAMLMap,
  ref: YAMLMap,
  fallback: string,
  scope: ParamScope,
): StepActionUse {
  const use: StepActionUse = {
    step: scalarString(ctx, child(ctx, step, 'name')) ?? fallback,
    location: locate(ctx, keyNode(ctx, step, 'ref') ?? step),
    params: paramValues(ctx, step, scope),
  };
  const name = scalarString(ctx, child(ctx, ref, 'name'));
  const resolver = scalarString(ctx, child(ctx, ref, 'resolver'));
  if (name) use.name = name;
  if (resolver) use.resolver = resolver;
  return use;
}

/**
 * A step or sidecar, its image (or the inherited `stepTemplate` image, at that line) with `$(params...)` filled
 * from `scope`.
 */
function tektonContainer(
  ctx: AstContext,
  map: YAMLMap,
  fallback: string,
  scope: ParamScope,
  inherited: Node | undefined,
): ContainerUse {
  const own = readContainer(ctx, map, 'container', fallback);
  const inheritedImage = writtenChild(ctx, map, 'image') ? undefined : stringValue(ctx, inherited);
  const base =
    inheritedImage === undefined
      ? own
      : { ...withImage(own, inheritedImage), location: locate(ctx, inherited) };
  return fillParams(base, scope);
}
