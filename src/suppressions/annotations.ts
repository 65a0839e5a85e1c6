import { asMap, child, locate, scalarString } from '../documents/ast.js';
import type { SourceLocation } from '../documents/location.js';
import type { KubeObject } from '../documents/parse.js';

export const IGNORE_ANNOTATION = 'archcheck.io/ignore';
export const IGNORE_REASON_ANNOTATION = 'archcheck.io/ignore-reason';

/** A workload's `archcheck.io/ignore: "rule-a,rule-b"` and `archcheck.io/ignore-reason` annotations. */
export interface AnnotationIgnore {
  rules: string[];
  reason?: string;
  location: SourceLocation;
}

/** Reads the suppression annotations of an object's own metadata (as kube-linter reads its ignore annotations). */
export function readIgnoreAnnotation(obj: KubeObject): AnnotationIgnore | undefined {
  const annotations = asMap(
    obj.ctx,
    child(obj.ctx, asMap(obj.ctx, child(obj.ctx, obj.map, 'metadata')), 'annotations'),
  );
  const node = child(obj.ctx, annotations, IGNORE_ANNOTATION);
  const value = scalarString(obj.ctx, node);
  if (value === undefined) return undefined;
  const ignore: AnnotationIgnore = {
    rules: value.split(/[\s,]+/).filter(Boolean),
    location: locate(obj.ctx, node),
  };
  const reason = scalarString(obj.ctx, child(obj.ctx, annotations, IGNORE_REASON_ANNOTATION))?.trim();
  if (reason) ignore.reason = reason;
  return ignore;
}
