import type { ClusterConfig } from '../clusters/cluster.js';
import type { Finding } from '../rules/finding.js';
import type { DeclaredPool } from './declared-pool.js';

/** Findings about pools read from files name where each pool is declared, so the reader can check it. */
export function notePoolSources(findings: readonly Finding[], clusters: readonly ClusterConfig[]): Finding[] {
  const sources = new Map<string, string>();
  for (const c of clusters) {
    for (const p of c.nodePools as Partial<DeclaredPool>[]) {
      if (p.source) sources.set(`${c.name}\u0000${p.name}`, `${p.source.file}:${p.source.line}`);
    }
  }
  if (sources.size === 0) return [...findings];
  return findings.map((f) => {
    const named = (f.nodePools ?? []).flatMap((name) => {
      const at = sources.get(`${f.cluster ?? ''}\u0000${name}`);
      return at ? [`${name} (${at})`] : [];
    });
    return named.length > 0
      ? { ...f, message: `${f.message} Node pools declared in: ${named.join(', ')}.` }
      : f;
  });
}
