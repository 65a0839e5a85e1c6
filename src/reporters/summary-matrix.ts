import type { CellVerdict, Report } from '../engine/report.js';
import type { CellTable } from './md-table.js';
import { markdownText as md } from './untrusted.js';

/** A cell as shown: the report's verdict, or `pending` when no pool of the cluster admits the image's pods. */
type ShownVerdict = CellVerdict | 'pending';

const VERDICT_LABEL: Record<ShownVerdict, string> = {
  runs: '✅ runs',
  'exec-format-error': '💥 exec format error',
  'not-scheduled': '⏸️ not scheduled',
  pending: '⛔ Pending',
  unknown: '❔ unknown',
};

const PROBLEMS = new Set<ShownVerdict>(['exec-format-error', 'unknown', 'pending']);

const MATRIX_LEGEND =
  '💥 pods placed there crash with `exec format error` · ⛔ no pool of the cluster admits the pod: it stays Pending · ' +
  '⏸️ the pod cannot be scheduled on that pool (others admit it) · ❔ the image could not be inspected · ' +
  '✅ the image has a build for the pool · empty: not deployed to that cluster';

export interface MatrixRows {
  table: CellTable;
  /** Images left out because every pool they can land on runs them. */
  healthy: number;
}

/**
 * The image x node-pool matrix, limited to images with a problem somewhere: a pool where the pod would crash,
 * an image that could not be inspected, or a cluster where the pod stays Pending. A cell is `not-scheduled`
 * only when no workload of that image is admitted by the pool (build-report keeps the best verdict), so an
 * image whose cells are all `not-scheduled` in a cluster has every one of its workloads Pending there: an error.
 */
export function matrixRows(report: Report): MatrixRows | undefined {
  if (report.matrix.length === 0) return undefined;
  const columns: { cluster: string; pool: string; platform: string }[] = [];
  for (const c of report.clusters)
    for (const p of c.nodePools) columns.push({ cluster: c.name, pool: p.name, platform: p.platform });
  // A cell for a pool the report does not list (should not happen) still gets a column rather than vanish.
  for (const cell of report.matrix) {
    if (!columns.some((c) => c.cluster === cell.cluster && c.pool === cell.nodePool)) {
      columns.push({ cluster: cell.cluster, pool: cell.nodePool, platform: '' });
    }
  }
  const verdicts = new Map(
    report.matrix.map((c) => [`${c.image}\u0000${c.cluster}\u0000${c.nodePool}`, c.verdict]),
  );
  const images = [...new Set(report.matrix.map((c) => c.image))];
  const rows: string[][] = [];
  for (const image of images) {
    const cells = columns.map((c) => verdicts.get(`${image}\u0000${c.cluster}\u0000${c.pool}`));
    const pendingIn = new Set(
      columns
        .map((c) => c.cluster)
        .filter((cluster) => {
          const inCluster = cells.filter((_, i) => columns[i]!.cluster === cluster && cells[i] !== undefined);
          return inCluster.length > 0 && inCluster.every((v) => v === 'not-scheduled');
        }),
    );
    const shown = cells.map((v, i): ShownVerdict | undefined =>
      v === 'not-scheduled' && pendingIn.has(columns[i]!.cluster) ? 'pending' : v,
    );
    if (!shown.some((v) => v !== undefined && PROBLEMS.has(v))) continue;
    rows.push([md(image), ...shown.map((v) => (v ? VERDICT_LABEL[v] : ''))]);
  }
  const table: CellTable = {
    columns: [
      { header: 'Image', name: 'Image', keep: true },
      ...columns.map((c) => ({
        header: `${md(c.cluster)} / ${md(c.pool)}${c.platform ? `<br>${md(c.platform)}` : ''}`,
        name: `${md(c.cluster)} / ${md(c.pool)}${c.platform ? ` (${md(c.platform)})` : ''}`,
      })),
    ],
    rows,
  };
  return { table, healthy: images.length - rows.length };
}

/** Under the matrix: the legend (when rows are shown) and how many healthy images were left out. */
export function matrixNote(healthy: number, anyShown: boolean): string {
  const left =
    healthy > 0
      ? `${healthy} image${healthy === 1 ? '' : 's'} that run${healthy === 1 ? 's' : ''} on every pool ${healthy === 1 ? 'its' : 'their'} pods can land on ${healthy === 1 ? 'is' : 'are'} not listed (the JSON report has the whole matrix).`
      : '';
  if (!anyShown) return `\n${left}\n`;
  return `\n${MATRIX_LEGEND}${left ? `<br>${left}` : ''}\n`;
}
