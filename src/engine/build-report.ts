import type { ClusterConfig } from '../clusters/cluster.js';
import type { ParsedFile } from '../documents/parse.js';
import { canonicalImage } from '../images/reference.js';
import { formatPlatform } from '../platforms/normalize.js';
import type { Resolution } from '../registry/source.js';
import type { Finding } from '../rules/finding.js';
import { platformsOf } from '../rules/resolution-findings.js';
import type { WorkloadPlacement } from '../rules/rule.js';
import { poolVerdict } from '../rules/verdict.js';
import type { Workload } from '../workloads/workload.js';
import type { CellVerdict, ImageEntry, MatrixCell, Report, UnreachableRegistry } from './report.js';

export interface ReportInput {
  parsed: readonly ParsedFile[];
  workloads: readonly Workload[];
  placements: readonly WorkloadPlacement[];
  clusters: readonly ClusterConfig[];
  resolutions: ReadonlyMap<string, Resolution>;
  findings: Finding[];
  /** Findings set aside: silenced by a suppression, or already in the baseline report. */
  suppressed?: Finding[];
  baseline?: Finding[];
  unmatchedFiles: string[];
  notices: string[];
}

/** Assembles the report value from the stages' results (pure). */
export function buildReport(input: ReportInput): Report {
  const { workloads, findings } = input;
  const images = imageEntries(workloads, input.resolutions);
  return {
    version: 1,
    findings,
    ...(input.suppressed?.length ? { suppressed: input.suppressed } : {}),
    ...(input.baseline?.length ? { baseline: input.baseline } : {}),
    images,
    workloads: workloads.map((w) => ({
      kind: w.kind,
      name: w.name,
      ...(w.namespace ? { namespace: w.namespace } : {}),
      ...(w.part ? { part: w.part } : {}),
      file: w.location.file,
      line: w.location.line,
      ...(w.template ? { template: w.template } : {}),
      ...(w.inferred ? { inferred: true } : {}),
      containers: w.containers.map((c) => ({
        name: c.name,
        type: c.type,
        image: c.image,
        ...(c.written ? { written: c.written.image } : {}),
        ...(c.location.file !== w.location.file ? { file: c.location.file } : {}),
        line: c.location.line,
        column: c.location.column,
      })),
    })),
    clusters: input.clusters.map((c) => ({
      name: c.name,
      assumed: c.assumed,
      nodePools: c.nodePools.map((p) => ({
        name: p.name,
        platform: formatPlatform(p.platform),
        // Pools read from Karpenter, eksctl or node-list files say where.
        ...('source' in p && isLocation(p.source) ? { declaredIn: `${p.source.file}:${p.source.line}` } : {}),
      })),
    })),
    matrix: withDeepFindings(matrix(input.placements, input.resolutions), findings, workloads),
    unmatchedFiles: input.unmatchedFiles,
    notices: input.notices,
    unreachableRegistries: unreachableRegistries(input.resolutions),
    stats: {
      files: input.parsed.length,
      documents: input.parsed.reduce((n, p) => n + p.documents, 0),
      skippedDocuments: input.parsed.reduce((n, p) => n + p.skipped, 0),
      ...syntaxOnly(input.parsed),
      workloads: workloads.length,
      containers: workloads.reduce((n, w) => n + w.containers.length, 0),
      // Distinct references, valid or not: the same list as `images`.
      images: images.length,
      findings: {
        error: findings.filter((f) => f.severity === 'error').length,
        warning: findings.filter((f) => f.severity === 'warning').length,
        notice: findings.filter((f) => f.severity === 'notice').length,
      },
      ...(input.suppressed?.length ? { suppressed: input.suppressed.length } : {}),
      ...(input.baseline?.length ? { baseline: input.baseline.length } : {}),
    },
  };
}

function syntaxOnly(parsed: readonly ParsedFile[]): { syntaxOnlyDocuments?: number } {
  const n = parsed.reduce((sum, p) => sum + (p.syntaxOnly ?? 0), 0);
  return n > 0 ? { syntaxOnlyDocuments: n } : {};
}

function isLocation(value: unknown): value is { file: string; line: number } {
  return typeof value === 'object' && value !== null && 'file' in value && 'line' in value;
}

function imageEntries(
  workloads: readonly Workload[],
  resolutions: ReadonlyMap<string, Resolution>,
): ImageEntry[] {
  const entries = new Map<string, ImageEntry>();
  for (const c of workloads.flatMap((w) => w.containers)) {
    if (!c.ref) {
      if (c.image && !entries.has(c.image))
        entries.set(c.image, {
          reference: c.image,
          platforms: [],
          error: c.parseError?.reason ?? 'invalid reference',
        });
      continue;
    }
    const canonical = canonicalImage(c.ref);
    if (entries.has(canonical)) continue;
    const r = resolutions.get(canonical);
    const entry: ImageEntry = {
      reference: c.image,
      canonical,
      platforms: (platformsOf(r) ?? []).map(formatPlatform).sort(),
    };
    if (r && r.kind !== 'error') entry.digest = r.digest;
    if (r?.kind === 'error') entry.error = r.reason;
    entries.set(canonical, entry);
  }
  return [...entries.values()];
}

/** Images whose registry host a circuit breaker cut off, grouped by that host. */
function unreachableRegistries(resolutions: ReadonlyMap<string, Resolution>): UnreachableRegistry[] {
  const byHost = new Map<string, UnreachableRegistry>();
  for (const [image, r] of resolutions) {
    if (r.kind !== 'error' || !r.outage) continue;
    const { registry, kind, reason } = r.outage;
    let entry = byHost.get(registry);
    if (!entry) {
      entry = { registry, kind, reason, images: [] };
      byHost.set(registry, entry);
    }
    entry.images.push(image);
  }
  const entries = [...byHost.values()].sort((a, b) => a.registry.localeCompare(b.registry));
  for (const entry of entries) entry.images.sort();
  return entries;
}

const VERDICT_RANK: Record<CellVerdict, number> = {
  'not-scheduled': 0,
  runs: 1,
  unknown: 2,
  'exec-format-error': 3,
};

/** Deep mode's findings that a build will not run on a pool (a wrong binary, a mislabeled build). */
const DEEP_FAILURES = new Set(['binary-arch-mismatch', 'image-platform-mislabeled']);

/**
 * Cells deep verification found failing, although the index says the image runs there: the matrix agrees with
 * the findings. Findings name the image as written; cells by canonical reference.
 */
function withDeepFindings(
  cells: MatrixCell[],
  findings: readonly Finding[],
  workloads: readonly Workload[],
): MatrixCell[] {
  const failing = findings.filter((f) => DEEP_FAILURES.has(f.rule));
  if (failing.length === 0) return cells;
  const canonical = new Map<string, string>();
  for (const w of workloads)
    for (const c of w.containers) if (c.ref) canonical.set(c.image, canonicalImage(c.ref));
  const keys = new Set(
    failing.flatMap((f) =>
      (f.nodePools ?? []).map(
        (pool) => `${canonical.get(f.image ?? '') ?? ''}\u0000${f.cluster ?? ''}\u0000${pool}`,
      ),
    ),
  );
  return cells.map((cell) =>
    keys.has(`${cell.image}\u0000${cell.cluster}\u0000${cell.nodePool}`)
      ? { ...cell, verdict: 'exec-format-error' }
      : cell,
  );
}

/** Image x pool verdicts: the worst outcome among the workloads that use the image and can land on the pool. */
function matrix(
  placements: readonly WorkloadPlacement[],
  resolutions: ReadonlyMap<string, Resolution>,
): MatrixCell[] {
  const cells = new Map<string, MatrixCell>();
  for (const { workload, cluster, pools } of placements) {
    for (const c of workload.containers) {
      if (!c.ref) continue;
      const image = canonicalImage(c.ref);
      const platforms = platformsOf(resolutions.get(image));
      for (const placement of pools) {
        const { pool } = placement;
        const verdict = poolVerdict(placement, platforms);
        const key = `${image}\u0000${cluster.name}\u0000${pool.name}`;
        const current = cells.get(key);
        if (!current || VERDICT_RANK[verdict] > VERDICT_RANK[current.verdict]) {
          cells.set(key, { image, cluster: cluster.name, nodePool: pool.name, verdict });
        }
      }
    }
  }
  return [...cells.values()];
}
