import path from 'node:path';
import type { HelmChartConfig } from '../../config/types.js';
import { findOnPath } from '../exec.js';
import { posixRelative } from '../../paths.js';
import { releaseName } from '../../config/helm-entry.js';

export interface DiscoveredCharts {
  /** Releases to render with the chart's default values (its own values.yaml, which helm reads itself). */
  entries: HelmChartConfig[];
  /** One per chart that cannot be rendered here, saying how to get it checked. */
  notices: string[];
}

/**
 * Turns the charts discovery found into releases to render. A chart the config (or the helm input) already
 * lists is left to that entry, which overrides the default render. Without helm on PATH each chart gets one
 * notice instead of a finding: the user did not ask for it, and its templates were not read as manifests.
 */
export function discoveredCharts(
  found: readonly string[],
  configured: readonly HelmChartConfig[],
  env: Record<string, string | undefined>,
  cwd: string,
): DiscoveredCharts {
  const listed = new Set(configured.filter((c) => c.local).map((c) => path.resolve(c.chart)));
  const charts = found.filter((dir) => !listed.has(path.resolve(dir)));
  if (charts.length === 0) return { entries: [], notices: [] };
  const name = (dir: string) => posixRelative(cwd, dir) || '.';
  if (!findOnPath('helm', env))
    return {
      entries: [],
      notices: charts.map(
        (dir) =>
          `Helm chart ${name(dir)} was not checked: helm is not on PATH. Install helm (https://helm.sh/docs/intro/install/), or list the chart under \`helm:\` in .archcheck.yaml with the values you deploy.`,
      ),
    };
  return {
    entries: charts.map((dir) => ({
      chart: dir,
      local: true,
      // The directory name is what `helm install NAME ./dir` is most often given; it only names objects.
      release: releaseName(path.basename(dir)),
      values: [],
      set: [],
      declaredIn: path.join(dir, 'Chart.yaml'),
      position: { line: 1, column: 1 },
    })),
    notices: [],
  };
}
