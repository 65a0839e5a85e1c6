import { statSync } from 'node:fs';
import path from 'node:path';
import type { ConfigPosition, HelmChartConfig } from './types.js';

/** A `helm:` entry as the schema accepts it. */
export interface RawHelmEntry {
  chart: string;
  release?: string;
  namespace?: string;
  version?: string;
  values?: string[];
  set?: Record<string, string | number | boolean>;
  cluster?: string;
}

/** A `helm:` entry with paths made absolute; a chart that is not on disk is a reference for helm to resolve. */
export function helmEntry(
  h: RawHelmEntry,
  dir: string,
  declaredIn: string,
  position: ConfigPosition,
  setPosition: (key: string) => ConfigPosition,
): HelmChartConfig {
  const onDisk = statSync(path.resolve(dir, h.chart), { throwIfNoEntry: false });
  const chart = onDisk ? path.resolve(dir, h.chart) : h.chart;
  const entry: HelmChartConfig = {
    chart,
    local: onDisk?.isDirectory() ?? false,
    // helm wants a DNS-1123 release name; the chart's directory name usually is one.
    release: h.release ?? releaseName(path.basename(chart)),
    values: (h.values ?? []).map((v) => path.resolve(dir, v)),
    set: Object.entries(h.set ?? {}).map(([key, value]) => ({
      key,
      value: String(value),
      string: typeof value === 'string',
      position: setPosition(key),
    })),
    declaredIn,
    position,
  };
  if (h.namespace) entry.namespace = h.namespace;
  if (h.version) entry.version = h.version;
  if (h.cluster) entry.cluster = h.cluster;
  return entry;
}

/** A DNS-1123 release name from a directory name; never starts with `-`, so helm cannot read it as an option. */
export function releaseName(base: string): string {
  const name = base
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')
    .replace(/^-+|-+$/g, '');
  return name || 'release';
}
