import { formatPlatform } from '../../src/platforms/normalize.js';
import { parseManifestFile } from '../../src/documents/parse.js';
import { collectFacts } from '../../src/nodepools/collect.js';
import type { DeclaredPool } from '../../src/nodepools/declared-pool.js';

/** Pools a file's text declares, as compact rows: name, platform, labels asked about, taints, source line. */
export function poolsOf(text: string, file = 'pools.yaml') {
  const facts = collectFacts(parseManifestFile(file, text).objects);
  return { pools: [...facts.karpenter, ...facts.other], facts };
}

export function row(p: DeclaredPool, labelKeys: readonly string[] = []) {
  return {
    name: p.name,
    platform: formatPlatform(p.platform),
    ...(p.platform.osVersion ? { osVersion: p.platform.osVersion } : {}),
    labels: Object.fromEntries(labelKeys.filter((k) => k in p.labels).map((k) => [k, p.labels[k]])),
    taints: p.taints.map((t) => `${t.key}${t.value !== undefined ? `=${t.value}` : ''}:${t.effect}`),
    line: p.source.line,
  };
}
