/**
 * Where built-in workload kinds keep their pod spec. Data, not code: a new kind is one row.
 * Keyed by API group (`''` is the core group) and kind; versions do not move the pod spec.
 * https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/
 */
export const BUILTIN_POD_SPEC_PATHS: Record<string, readonly string[]> = {
  '/Pod': ['spec'],
  '/PodTemplate': ['template', 'spec'],
  '/ReplicationController': ['spec', 'template', 'spec'],
  'apps/Deployment': ['spec', 'template', 'spec'],
  'apps/StatefulSet': ['spec', 'template', 'spec'],
  'apps/DaemonSet': ['spec', 'template', 'spec'],
  'apps/ReplicaSet': ['spec', 'template', 'spec'],
  // extensions/v1beta1 served these until 1.16; old repos still carry them.
  'extensions/Deployment': ['spec', 'template', 'spec'],
  'extensions/DaemonSet': ['spec', 'template', 'spec'],
  'extensions/ReplicaSet': ['spec', 'template', 'spec'],
  'batch/Job': ['spec', 'template', 'spec'],
  'batch/CronJob': ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** The API group of an apiVersion: `apps/v1` -> `apps`, `v1` -> ``. */
export function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

export function builtinPodSpecPath(apiVersion: string, kind: string): readonly string[] | undefined {
  return BUILTIN_POD_SPEC_PATHS[`${apiGroup(apiVersion)}/${kind}`];
}
