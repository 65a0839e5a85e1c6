import type { SourceLocation } from '../documents/location.js';
import type { Platform } from '../platforms/platform.js';
import {
  declaredPool,
  isRecord,
  readLabels,
  readTaints,
  strings,
  type DeclaredPool,
  type LabelChoice,
} from './declared-pool.js';

/** What Karpenter's AWS provider can launch when a NodePool does not restrict `kubernetes.io/arch`. */
export const KARPENTER_ARCHITECTURES = ['amd64', 'arm64'] as const;

const ARCH = 'kubernetes.io/arch';
const OS = 'kubernetes.io/os';
const WINDOWS_BUILD = 'node.kubernetes.io/windows-build';

interface Requirement {
  key: string;
  operator: string;
  values: string[];
}

/**
 * Pools of a Karpenter `NodePool` (karpenter.sh/v1, v1beta1: `spec.template.metadata.labels`,
 * `spec.template.spec.{requirements,taints}`) or `Provisioner` (karpenter.sh/v1alpha5: `spec.{labels,
 * requirements,taints}`): one per architecture the `kubernetes.io/arch` requirement allows, named after the
 * object (`name/arch` when it allows several). A Provisioner without an arch requirement launched amd64 only:
 * the v1alpha5 AWS provider defaulted `kubernetes.io/arch In [amd64]`; NodePools have no such default.
 * https://karpenter.sh/docs/concepts/nodepools/ ; https://karpenter.sh/v0.31/concepts/provisioners/
 * Startup taints are left out: Karpenter removes them before pods schedule.
 */
export function karpenterPools(
  kind: 'NodePool' | 'Provisioner',
  name: string,
  object: Record<string, unknown>,
  source: SourceLocation,
): DeclaredPool[] {
  const spec = isRecord(object.spec) ? object.spec : {};
  const template = kind === 'NodePool' && isRecord(spec.template) ? spec.template : undefined;
  const podSpec = template ? (isRecord(template.spec) ? template.spec : {}) : spec;
  const metadata = template ? (isRecord(template.metadata) ? template.metadata : {}) : spec;
  const labels = readLabels(metadata.labels);
  labels[kind === 'NodePool' ? 'karpenter.sh/nodepool' : 'karpenter.sh/provisioner-name'] = name;
  const taints = readTaints(podSpec.taints);
  const requirements = readRequirements(podSpec.requirements);

  const choices: Record<string, LabelChoice> = {};
  let archs: string[] = kind === 'Provisioner' ? ['amd64'] : [...KARPENTER_ARCHITECTURES];
  let os = 'linux';
  let build: string | undefined;
  for (const r of requirements) {
    if (r.key === ARCH) archs = allowed(r, archs, KARPENTER_ARCHITECTURES);
    else if (r.key === OS) os = allowed(r, [os], ['linux', 'windows'])[0] ?? os;
    else if (r.key === WINDOWS_BUILD && r.operator === 'In' && r.values.length === 1) build = r.values[0];
    else addRequirement(labels, choices, r);
  }
  if (build) labels[WINDOWS_BUILD] = build;
  return archs.map((architecture) => {
    const platform: Platform = { os, architecture };
    if (build) platform.osVersion = build;
    const poolName = archs.length > 1 ? `${name}/${architecture}` : name;
    return declaredPool(poolName, platform, source, labels, taints, choices);
  });
}

/** Values of a well-known key a requirement leaves: `In` narrows, `NotIn` removes, other operators keep all. */
function allowed(r: Requirement, current: readonly string[], all: readonly string[]): string[] {
  if (r.operator === 'In') return r.values;
  if (r.operator === 'NotIn') return [...all].filter((v) => !r.values.includes(v));
  return [...current];
}

/** A single-valued `In` is a label every node has; anything looser is a value chosen per pod at launch. */
function addRequirement(
  labels: Record<string, string>,
  choices: Record<string, LabelChoice>,
  r: Requirement,
): void {
  if (r.operator === 'In' && r.values.length === 1 && r.values[0] !== undefined) labels[r.key] = r.values[0];
  else if (r.operator === 'In') choices[r.key] = { in: r.values };
  else if (r.operator === 'NotIn') choices[r.key] = { notIn: r.values };
  // Exists, Gt, Lt: some value exists that a pod may ask for; DoesNotExist: the label is never set.
  else if (r.operator !== 'DoesNotExist') choices[r.key] = {};
}

function readRequirements(value: unknown): Requirement[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((r): Requirement[] =>
    isRecord(r) && typeof r.key === 'string' && typeof r.operator === 'string'
      ? [{ key: r.key, operator: r.operator, values: strings(r.values) }]
      : [],
  );
}
