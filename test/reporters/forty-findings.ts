import type { MatrixCell, Report } from '../../src/engine/report.js';
import type { Finding } from '../../src/rules/finding.js';
import { archMismatch, deprecatedLabel, mutableTag, pending, reportOf } from './reports.js';

/**
 * A repository with 40 findings, shaped like the 33-finding one a reviewer met: one image failing in 12
 * workloads across 6 files, a missing image used 5 times, Pending workloads, per-workload warnings, and
 * notices on a few images used many times. Listed notices first, so order comes from the reporter.
 */
const at = (f: Finding, file: string, line: number, name: string, extra: Partial<Finding> = {}): Finding => ({
  ...f,
  location: { file, line, column: f.location.column },
  workload: { kind: 'Deployment', name, namespace: 'shop' },
  ...extra,
});

const API = 'ghcr.io/acme/api:1.4.0';
const MISSING = 'ghcr.io/acme/gone:2.0.0';
const mismatch = (image: string, name: string) =>
  `Deployment shop/${name}, container "app": image ${image} has no linux/arm64 build (it has linux/amd64), but the pod can be scheduled on pool graviton (linux/arm64) of cluster prod, where it will fail with "exec format error". Fix: add nodeSelector kubernetes.io/arch: amd64.`;

const notices = [
  ...[
    'busybox',
    'busybox',
    'busybox',
    'busybox',
    'busybox',
    'busybox',
    'nginx',
    'nginx',
    'nginx',
    'redis',
  ].map((image, i) =>
    at(mutableTag, `deploy/jobs/job-${i}.yaml`, 20, `job-${i}`, {
      image,
      container: 'main',
      message: `container "main": image ${image} has no tag (latest is implied); what it runs (and for which platforms) can change without a change here.`,
    }),
  ),
];
const warnings = Array.from({ length: 6 }, (_, i) =>
  at(deprecatedLabel, `deploy/legacy/app-${i}.yaml`, 15, `legacy-${i}`, {
    message: `Deployment shop/legacy-${i} selects on beta.kubernetes.io/arch, which is deprecated: use kubernetes.io/arch.`,
  }),
);
const errors = [
  ...Array.from({ length: 12 }, (_, i) =>
    at(archMismatch, `deploy/services/svc-${Math.floor(i / 2)}.yaml`, 22 + (i % 2) * 40, `api-${i}`, {
      image: API,
      container: 'app',
      message: mismatch(API, `api-${i}`),
    }),
  ),
  ...['ghcr.io/acme/worker:3.1', 'ghcr.io/acme/cron:0.9', 'ghcr.io/acme/gateway:5.2'].map((image, i) =>
    at(archMismatch, `deploy/apps/app-${i}.yaml`, 30, `app-${i}`, {
      image,
      container: 'app',
      message: mismatch(image, `app-${i}`),
    }),
  ),
  ...Array.from({ length: 4 }, (_, i) =>
    at(pending, `deploy/pending/p-${i}.yaml`, 16, `stuck-${i}`, {
      message: `Deployment shop/stuck-${i} cannot be scheduled on any node pool of cluster prod, so its pods stay Pending: nodeSelector excludes general (has kubernetes.io/arch=amd64), graviton (has kubernetes.io/arch=arm64).`,
    }),
  ),
  ...Array.from({ length: 5 }, (_, i) =>
    at(archMismatch, `deploy/gone/g-${i}.yaml`, 18, `gone-${i}`, {
      rule: 'image-not-found',
      image: MISSING,
      container: 'app',
      message: `image not found: ${MISSING} (container "app"): tag "2.0.0" is not in mirror/acme/gone/index.json (its tags: 1.0.0)`,
    }),
  ),
];

export const FORTY_FINDINGS: Finding[] = [...notices, ...warnings, ...errors];

const cells = (
  image: string,
  general: MatrixCell['verdict'],
  graviton: MatrixCell['verdict'],
): MatrixCell[] => [
  { image, cluster: 'prod', nodePool: 'general', verdict: general },
  { image, cluster: 'prod', nodePool: 'graviton', verdict: graviton },
];

/** The problem images, and 20 healthy ones the matrix should leave out. */
export const FORTY_MATRIX: MatrixCell[] = [
  ...Array.from({ length: 20 }, (_, i) => cells(`ghcr.io/acme/fine-${i}:1.0`, 'runs', 'runs')).flat(),
  ...[API, 'ghcr.io/acme/worker:3.1', 'ghcr.io/acme/cron:0.9', 'ghcr.io/acme/gateway:5.2'].flatMap((image) =>
    cells(image, 'runs', 'exec-format-error'),
  ),
  ...cells('ghcr.io/acme/stuck:1.0', 'not-scheduled', 'not-scheduled'),
  ...cells(MISSING, 'unknown', 'unknown'),
  // Kept off graviton by its nodeSelector: not a problem.
  ...cells('ghcr.io/acme/amd64-only:1.0', 'runs', 'not-scheduled'),
];

export function fortyFindingReport(): Report {
  return reportOf(FORTY_FINDINGS, { matrix: FORTY_MATRIX });
}
