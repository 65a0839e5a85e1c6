import { asMap, pathGet } from '../documents/ast.js';
import type { KubeObject } from '../documents/parse.js';
import { readIgnoreAnnotation } from '../suppressions/annotations.js';
import { WORKLOAD_CRDS, extractCustomWorkloads } from './crds/index.js';
import { apiGroup, builtinPodSpecPath } from './kinds.js';
import { readContainers, readScheduling } from './pod-spec.js';
import type { Workload } from './workload.js';

/**
 * Finds the workloads of one object: its pod template(s) with containers and scheduling constraints.
 * Built-in kinds by one table lookup, workload CRDs by another (crds/), other custom resources by a generic
 * search for pod specs; Kubernetes' own other kinds return [] cheaply. `image` keys elsewhere (CRD schemas,
 * ConfigMaps) are never read as containers.
 */
export function extractWorkloads(obj: KubeObject): Workload[] {
  const workloads = extractFrom(obj);
  const ignore = workloads.length > 0 ? readIgnoreAnnotation(obj) : undefined;
  if (ignore) for (const w of workloads) w.ignore = ignore;
  return workloads;
}

/**
 * Kinds whose workloads are found without a key naming `image`: built-in workloads (reported even with no
 * container) and the workload CRDs' table (an Argo `container:` or Tekton step with no image is still one).
 * Every other kind yields a workload only through a key naming `image` (the generic pass looks for
 * `containers[].image`, Helm values for `image`, Argo CD for `images`), so the parser skips composing documents
 * of other kinds that have none. Extraction that ever finds a workload otherwise must widen this test.
 */
export function podKind(apiVersion: string, kind: string): boolean {
  return (
    builtinPodSpecPath(apiVersion, kind) !== undefined ||
    WORKLOAD_CRDS[`${apiGroup(apiVersion)}/${kind}`] !== undefined
  );
}

/** CustomResourceDefinitions: their schemas name `image` and `containers` as properties, never read (crds.ts). */
export function podlessKind(apiVersion: string, kind: string): boolean {
  return kind === 'CustomResourceDefinition' && apiGroup(apiVersion) === 'apiextensions.k8s.io';
}

function extractFrom(obj: KubeObject): Workload[] {
  const specPath = builtinPodSpecPath(obj.apiVersion, obj.kind);
  if (!specPath) return extractCustomWorkloads(obj);
  const podSpec = asMap(obj.ctx, pathGet(obj.ctx, obj.map, specPath));
  const workload: Workload = {
    kind: obj.kind,
    apiVersion: obj.apiVersion,
    name: obj.name,
    location: obj.location,
    containers: podSpec ? readContainers(obj.ctx, podSpec) : [],
    scheduling: readScheduling(obj.ctx, podSpec),
  };
  if (obj.namespace) workload.namespace = obj.namespace;
  return [workload];
}
