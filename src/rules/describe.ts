import type { WorkloadId } from './finding.js';
import type { ContainerUse, ImageParam, Workload } from '../workloads/workload.js';

function workloadId(w: Workload): WorkloadId {
  return {
    kind: w.kind,
    name: w.name,
    ...(w.namespace ? { namespace: w.namespace } : {}),
    ...(w.part ? { part: w.part } : {}),
  };
}

/**
 * The fields that tie a finding to its workload: its id, and the Helm template it was rendered from (when it
 * was), so JSON consumers need not read the template out of the message.
 */
export function workloadFields(w: Workload): { workload: WorkloadId; template?: string } {
  return w.template ? { workload: workloadId(w), template: w.template } : { workload: workloadId(w) };
}

/** The fields of a finding about one container: at its `image:`, naming its workload, the container and the image. */
export function containerFields(w: Workload, c: ContainerUse) {
  return { location: c.location, ...workloadFields(w), container: c.name, image: c.image };
}

export function workloadLabel(w: Workload): string {
  return `${w.kind} ${w.namespace ? `${w.namespace}/` : ''}${w.name}${w.part ? ` (${w.part})` : ''}`;
}

/**
 * The image a finding names: as it runs, and, when params filled it in, as written and where each value came
 * from (`gcr.io/x:1.2 ($(params.image): the default of param "image" at line 12)`).
 */
export function imageLabel(c: ContainerUse): string {
  return `${c.image}${imageOrigin(c)}`;
}

/** ` ($(params.image): the default of param "image" at line 12)` for an image params filled in, else ''. */
export function imageOrigin(c: ContainerUse): string {
  if (!c.written) return '';
  // A value written in another file (a step's param for a StepAction's image) is named with its file.
  const at = (p: ImageParam) =>
    p.location.file === c.location.file ? `line ${p.location.line}` : `${p.location.file}:${p.location.line}`;
  const sources = c.written.params.map(
    (p) => `${p.from === 'default' ? 'the default' : 'the value'} of param "${p.name}" at ${at(p)}`,
  );
  return ` (${c.written.image}: ${sources.join(', ')})`;
}
