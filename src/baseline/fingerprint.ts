import { createHash } from 'node:crypto';
import { parseImageReference } from '../images/reference.js';

/** The fields of a finding a fingerprint reads: those of the JSON report, so earlier reports can be read back. */
export interface FingerprintFields {
  rule: string;
  file?: string;
  cluster?: string;
  workload?: { kind: string; name: string; namespace?: string };
  container?: string;
  image?: string;
  platforms?: string[];
}

/**
 * A finding's identity across commits: rule, cluster, workload kind/namespace/name, container, image repository
 * (not the tag or digest: a version bump keeps it) and the platforms at issue. Lines are left out, so moved
 * lines keep it, and so is the file when there is a workload, so renamed files do too; a finding about no
 * workload (a parse error) has nothing else that names it, so its file is kept.
 */
export function fingerprint(f: FingerprintFields): string {
  const identity = [
    f.rule,
    f.cluster ?? '',
    f.workload
      ? `${f.workload.kind}/${f.workload.namespace ?? ''}/${f.workload.name}`
      : `file:${f.file ?? ''}`,
    f.container ?? '',
    f.image ? repository(f.image) : '',
    [...(f.platforms ?? [])].sort().join(','),
  ];
  return createHash('sha256').update(JSON.stringify(identity)).digest('hex').slice(0, 32);
}

function repository(image: string): string {
  const parsed = parseImageReference(image);
  return parsed.ok ? `${parsed.ref.registry}/${parsed.ref.repository}` : image;
}
