import type { Report } from '../../src/engine/report.js';
import type { Finding, Severity } from '../../src/rules/finding.js';

/** Hand-made reports, shaped like the engine's, named by scenario. */

const CLUSTERS: Report['clusters'] = [
  {
    name: 'prod',
    assumed: false,
    nodePools: [
      { name: 'general', platform: 'linux/amd64' },
      { name: 'graviton', platform: 'linux/arm64' },
    ],
  },
];

export const archMismatch: Finding = {
  rule: 'image-arch-mismatch',
  severity: 'error',
  message:
    'Deployment shop/payments, container "api": image ghcr.io/acme/payments-api:2.4.1 has no linux/arm64 build (it has linux/amd64), but the pod can be scheduled on pool graviton (linux/arm64) of cluster prod, where it will fail with "exec format error". Fix: add nodeSelector kubernetes.io/arch: amd64.',
  location: { file: 'deploy/payments.yaml', line: 22, column: 18, endLine: 22, endColumn: 50 },
  cluster: 'prod',
  workload: { kind: 'Deployment', name: 'payments', namespace: 'shop' },
  container: 'api',
  image: 'ghcr.io/acme/payments-api:2.4.1',
  nodePools: ['graviton'],
  platforms: ['linux/arm64'],
};

export const pending: Finding = {
  rule: 'no-eligible-nodes',
  severity: 'error',
  message:
    'Deployment monitoring/legacy-exporter cannot be scheduled on any node pool of cluster prod | nodeSelector excludes <all>.',
  location: { file: 'deploy/exporter.yaml', line: 16, column: 9 },
  cluster: 'prod',
  workload: { kind: 'Deployment', name: 'legacy-exporter', namespace: 'monitoring' },
};

export const deprecatedLabel: Finding = {
  rule: 'deprecated-arch-label',
  severity: 'warning',
  message:
    'Job shop/db-migrate selects on beta.kubernetes.io/arch,\nwhich is deprecated: use kubernetes.io/arch.',
  location: { file: 'deploy/migrate.yaml', line: 15, column: 28 },
  workload: { kind: 'Job', name: 'db-migrate', namespace: 'shop' },
};

export const mutableTag: Finding = {
  rule: 'mutable-image-tag',
  severity: 'notice',
  message: 'Job shop/db-migrate, container "migrate": image busybox has no tag and no digest.',
  location: { file: 'deploy/migrate.yaml', line: 20, column: 18 },
  workload: { kind: 'Job', name: 'db-migrate', namespace: 'shop' },
  container: 'migrate',
  image: 'busybox',
};

export const parseError: Finding = {
  rule: 'yaml-parse-error',
  severity: 'error',
  message: 'Implicit map keys need to be followed by map values',
  location: { file: 'deploy/broken dir/bad.yaml', line: 3, column: 1 },
};

export function reportOf(findings: Finding[], extra: Partial<Report> = {}): Report {
  const counts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[f.severity]++;
  return {
    version: 1,
    findings,
    images: [
      {
        reference: 'ghcr.io/acme/payments-api:2.4.1',
        canonical: 'ghcr.io/acme/payments-api:2.4.1',
        platforms: ['linux/amd64'],
      },
      {
        reference: 'nginx:1.27',
        canonical: 'docker.io/library/nginx:1.27',
        platforms: ['linux/amd64', 'linux/arm/v7', 'linux/arm64'],
      },
    ],
    workloads: [],
    clusters: CLUSTERS,
    matrix: [
      { image: 'ghcr.io/acme/payments-api:2.4.1', cluster: 'prod', nodePool: 'general', verdict: 'runs' },
      {
        image: 'ghcr.io/acme/payments-api:2.4.1',
        cluster: 'prod',
        nodePool: 'graviton',
        verdict: 'exec-format-error',
      },
      { image: 'docker.io/library/nginx:1.27', cluster: 'prod', nodePool: 'general', verdict: 'runs' },
      { image: 'docker.io/library/nginx:1.27', cluster: 'prod', nodePool: 'graviton', verdict: 'runs' },
      {
        image: 'ghcr.io/acme/legacy-exporter:0.3',
        cluster: 'prod',
        nodePool: 'general',
        verdict: 'not-scheduled',
      },
      {
        image: 'ghcr.io/acme/legacy-exporter:0.3',
        cluster: 'prod',
        nodePool: 'graviton',
        verdict: 'not-scheduled',
      },
      { image: 'ghcr.io/acme/private:1', cluster: 'prod', nodePool: 'general', verdict: 'unknown' },
    ],
    unmatchedFiles: [],
    notices: [],
    unreachableRegistries: [],
    stats: {
      files: 5,
      documents: 5,
      skippedDocuments: 0,
      workloads: 5,
      containers: 6,
      images: 4,
      findings: counts,
    },
    ...extra,
  };
}

/** The same finding moved to another line, as when lines are added above it. */
export function movedDown(f: Finding, lines: number): Finding {
  return {
    ...f,
    location: {
      ...f.location,
      line: f.location.line + lines,
      endLine: f.location.endLine && f.location.endLine + lines,
    },
  };
}
