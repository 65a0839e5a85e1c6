import type { Node, YAMLMap } from 'yaml';
import { asMap, child, keyNode, locate, scalarString, type AstContext } from '../../documents/ast.js';
import type { KubeObject } from '../../documents/parse.js';
import { readScheduling } from '../pod-spec.js';
import type { ContainerUse, Workload } from '../workload.js';
import { expandPath, imageUse, workloadOf, type CrdPath, type PodSource } from './source.js';

/** Flux helm-controller v2 HelmRelease: the `image` values it passes its chart. */
export const FLUX_CRDS: Readonly<Record<string, readonly PodSource[]>> = {
  'helm.toolkit.fluxcd.io/HelmRelease': [{ from: 'helmValues', path: ['spec', 'values'] }],
};

/** The images in the values at `path`, as one workload (`values`) scheduled by the values' own nodeSelector. */
export function readHelmValues(obj: KubeObject, path: CrdPath): Workload[] {
  const { ctx } = obj;
  return expandPath(ctx, obj.map, path).flatMap(({ node }) => {
    const values = asMap(ctx, node);
    const containers = values ? valuesImages(ctx, values, 'values') : [];
    return containers.length > 0
      ? [workloadOf(obj, { part: 'values' }, containers, readScheduling(ctx, values))]
      : [];
  });
}

/**
 * `image` values of a Helm release: plain strings, and `{registry, repository, tag, digest}` objects. An object
 * without tag or digest takes the chart's appVersion, which we cannot see, so it is not guessed.
 */
function valuesImages(
  ctx: AstContext,
  map: YAMLMap,
  path: string,
  depth = 0,
  seen = new Set<YAMLMap>(),
): ContainerUse[] {
  // Each map is read once, however many aliases name it: an alias bomb in values must not expand.
  if (depth > 32 || seen.has(map)) return [];
  seen.add(map);
  return map.items.flatMap((pair) => {
    const key = scalarString(ctx, pair.key);
    if (key === undefined) return [];
    const here = `${path}.${key}`;
    const value = asMap(ctx, pair.value);
    if (key === 'image') {
      const text = scalarString(ctx, pair.value);
      if (text !== undefined) return [imageUse(here, text, locate(ctx, pair.value as Node))];
      const get = (k: string) => scalarString(ctx, child(ctx, value, k));
      const repository = get('repository');
      const tag = get('tag');
      const digest = get('digest');
      if (value && repository && (tag || digest)) {
        const registry = get('registry');
        const image = `${registry ? `${registry}/` : ''}${repository}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
        const at = child(ctx, value, digest ? 'digest' : 'tag') ?? keyNode(ctx, value, 'repository');
        return [imageUse(here, image, locate(ctx, at))];
      }
    }
    return value ? valuesImages(ctx, value, here, depth + 1, seen) : [];
  });
}
