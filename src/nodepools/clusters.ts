import { readFile, stat } from 'node:fs/promises';
import picomatch from 'picomatch';
import type { ClusterConfig } from '../clusters/cluster.js';
import { parseManifestFile } from '../documents/parse.js';
import { ConfigurationError } from '../errors.js';
import { discoverFiles } from '../sources/discover.js';
import { collectFacts, mergeFacts } from './collect.js';
import type { DeclaredFacts, DeclaredPool } from './declared-pool.js';
import { posixRelative } from '../paths.js';

/** Node-pool files are small; a bigger one is not a cluster description and is not read. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;

/**
 * Reads each cluster's `nodePools.from` files (globs under the config directory, never outside it: the config
 * comes from the scanned tree) and adds the pools they declare to the hand-written ones. A glob that matches no
 * file, or files that declare no pool, are configuration errors: the user named something that is not there.
 */
export async function loadPoolsFrom(
  clusters: readonly ClusterConfig[],
  baseDir: string,
  cwd: string,
): Promise<{ clusters: ClusterConfig[]; facts: DeclaredFacts }> {
  const wanted = clusters.filter((c) => (c.nodePoolsFrom?.length ?? 0) > 0);
  if (wanted.length === 0) return { clusters: [...clusters], facts: mergeFacts([]) };
  const globs = [...new Set(wanted.flatMap((c) => c.nodePoolsFrom ?? []))];
  const { files: candidates } = await discoverFiles({
    cwd,
    paths: [baseDir],
    include: globs,
    exclude: [],
    globBase: baseDir,
  });
  const rel = (abs: string) => posixRelative(baseDir, abs);
  const byFile = new Map<string, DeclaredFacts>();
  const all: DeclaredFacts[] = [];
  const result = [];
  for (const cluster of clusters) {
    const own = cluster.nodePoolsFrom ?? [];
    if (own.length === 0) {
      result.push(cluster);
      continue;
    }
    const pools: DeclaredPool[] = [];
    for (const glob of own) {
      const matches = picomatch(glob, { dot: true });
      const files = candidates.filter((f) => matches(rel(f.path)));
      if (files.length === 0)
        throw new ConfigurationError(`cluster "${cluster.name}": nodePools.from "${glob}" matches no file`);
      for (const file of files) {
        let facts = byFile.get(file.path);
        if (!facts) {
          facts = await readFacts(file.path, file.file);
          byFile.set(file.path, facts);
          all.push(facts);
        }
        pools.push(...facts.karpenter, ...facts.other);
      }
    }
    if (pools.length === 0)
      throw new ConfigurationError(
        `cluster "${cluster.name}": nodePools.from names no Karpenter NodePool/Provisioner, eksctl ClusterConfig or NodeList`,
      );
    result.push({ ...cluster, nodePools: [...cluster.nodePools, ...inCluster(pools, cluster.name)] });
  }
  return { clusters: result, facts: mergeFacts(all) };
}

async function readFacts(abs: string, reportName: string): Promise<DeclaredFacts> {
  const info = await stat(abs);
  if (info.size > MAX_FILE_BYTES) throw new ConfigurationError(`nodePools.from: ${reportName} is too large`);
  return collectFacts(parseManifestFile(reportName, await readFile(abs, 'utf8')).objects);
}

/** The cluster a tree of Karpenter pools describes when the config declares none, and a notice saying so. */
export function deriveCluster(facts: DeclaredFacts): { cluster: ClusterConfig; notice: string } | undefined {
  if (facts.karpenter.length === 0) return undefined;
  const files = [...new Set(facts.karpenter.map((p) => p.source.file))];
  const pools = inCluster(facts.karpenter, 'default');
  return {
    cluster: { name: 'default', paths: [], nodePools: pools, assumed: false },
    notice:
      `No clusters declared: using the Karpenter NodePools/Provisioners found in ${files.join(', ')} ` +
      `(pools ${pools.map((p) => p.name).join(', ')}). Declare clusters in .archcheck.yaml to check against others.`,
  };
}

function inCluster(pools: readonly DeclaredPool[], cluster: string): DeclaredPool[] {
  return pools.map((p) => ({ ...p, cluster }));
}
