import { isNode } from 'yaml';
import type { KubeObject } from '../../documents/parse.js';
import type { Workload } from '../../workloads/workload.js';

/**
 * `# Source: <chart>/templates/<file>` as helm writes it above each rendered document (pkg/releaseutil/manifest.go).
 * A path, never a URL: loose manifests often cite their upstream as `# Source: https://...`.
 */
const SOURCE = /^\s*Source:\s*([^\s:]+)\s*$/gm;

/**
 * The chart template a rendered object came from, from the `# Source:` comment helm writes above each document
 * (`helm template`, `helm install --dry-run`, committed renders). The `yaml` package keeps a comment that
 * directly precedes the first key on the document's contents rather than on the document, so both are read.
 */
export function helmTemplateOf(obj: KubeObject): string | undefined {
  const contents: unknown = obj.ctx.doc.contents;
  const comments = [
    obj.comment,
    obj.ctx.doc.commentBefore,
    isNode(contents) ? contents.commentBefore : undefined,
  ];
  for (const comment of comments) {
    if (!comment) continue;
    const matches = [...comment.matchAll(SOURCE)];
    const last = matches[matches.length - 1]?.[1];
    if (last) return last;
  }
  return undefined;
}

/** Names the template on each workload of a Helm-rendered object, so findings say which template to open. */
export function nameTemplate(obj: KubeObject, workloads: Workload[]): Workload[] {
  if (workloads.length === 0) return workloads;
  const template = helmTemplateOf(obj);
  if (!template) return workloads;
  return workloads.map((w) => ({
    ...w,
    template,
    part: w.part ? `${w.part}, from ${template}` : `from ${template}`,
  }));
}
