import type { HelmChartConfig, KustomizeConfig } from '../config/types.js';
import type { ParseProblem } from '../documents/parse.js';
import type { Logger } from '../logger.js';
import { mapLimit } from '../map-limit.js';
import type { RenderProblem } from '../workloads/workload.js';
import { type DiscoverOptions, discoverFiles } from './discover.js';
import { readSourceFile } from './files.js';
import { discoveredCharts } from './helm/discovered.js';
import type { HelmInput } from './helm/index.js';
import { renderKustomizations } from './kustomize/index.js';
import type { RenderOutcome, SourceUnit } from './unit.js';

export interface ReadSourcesOptions {
  discover: Omit<DiscoverOptions, 'fs'>;
  /** Helm releases the config and the action input declare; charts found in the tree are added. */
  helm: readonly HelmChartConfig[];
  kustomize: KustomizeConfig;
  /** Files larger than this are a finding, not parsed. */
  maxFileSize: number;
  env: Record<string, string | undefined>;
  /** What `-` reads: the CLI's standard input; absent where there is none (the action). */
  stdin?: AsyncIterable<Uint8Array>;
  logger: Logger;
  /** Hears of units as they are read, before the rest: later stages can start on them. */
  onUnits: (units: readonly SourceUnit[]) => void;
}

export interface SourcesRead {
  /** Loose files in discovery order, then rendered releases and kustomizations. */
  units: SourceUnit[];
  /** The loose files alone: read as written, so their comments sit at lines a person edits. */
  loose: SourceUnit[];
  /** Paths discovery could not read. */
  problems: ParseProblem[];
  renderProblems: RenderProblem[];
  /** For the report (already logged). */
  notices: string[];
}

/**
 * The "Discover manifests", "Render Helm charts and kustomizations" and "Parse manifests" stages: every source
 * as SourceUnits. Renders run side by side; loose files are read 16 at a time, minus those a render claimed.
 */
export async function readSources(opts: ReadSourcesOptions): Promise<SourcesRead> {
  const { logger, env, onUnits } = opts;
  const { cwd } = opts.discover;
  const discovery = await logger.group('Discover manifests', async () => {
    const found = await discoverFiles(opts.discover);
    logger.info(`${found.files.length} file(s) to read, ${found.charts.length} Helm chart(s)`);
    return found;
  });
  const files = discovery.files;
  const autoCharts = discoveredCharts(discovery.charts, opts.helm, env, cwd);
  const notices = [...discovery.notices, ...autoCharts.notices];
  for (const notice of notices) logger.info(notice);

  const rendered = await logger.group('Render Helm charts and kustomizations', async () => {
    const started = Date.now();
    // `<stdin>` names no file on disk: it must not make the working directory's kustomization build.
    const absolute = files.flatMap((f) => (f.stdin ? [] : [f.path]));
    const heard = (outcome: RenderOutcome) => {
      onUnits(outcome.units);
      return outcome;
    };
    const outcomes = await Promise.all([
      renderKustomizations({
        cwd,
        files: absolute,
        named: files.filter((f) => f.named).map((f) => f.path),
        settings: opts.kustomize,
        maxFileSize: opts.maxFileSize,
        env,
      }).then(heard),
      renderHelm({ cwd, charts: [...opts.helm, ...autoCharts.entries], files: absolute, env }).then(heard),
    ]);
    const merged: RenderOutcome = {
      units: outcomes.flatMap((o) => o.units),
      problems: outcomes.flatMap((o) => o.problems),
      claimed: new Set(outcomes.flatMap((o) => [...o.claimed])),
    };
    logger.info(
      `${merged.units.length} rendered, ${merged.problems.length} problem(s), ${merged.claimed.size} file(s) claimed in ${Date.now() - started} ms`,
    );
    return merged;
  });

  const loose = await logger.group('Parse manifests', async () => {
    const started = Date.now();
    // Files a kustomization or chart reads were checked through its render: reading them again would double findings.
    const unclaimed = files.filter((f) => !rendered.claimed.has(f.path));
    const units = await mapLimit(unclaimed, 16, async (f) => {
      const unit = await readSourceFile(f, opts.maxFileSize, opts.stdin);
      onUnits([unit]);
      return unit;
    });
    const count = units.length + rendered.units.length;
    const workloads = [...units, ...rendered.units].reduce((n, p) => n + p.workloads.length, 0);
    logger.info(`${count} file(s), ${workloads} workload(s) in ${Date.now() - started} ms`);
    const syntaxOnly = units.reduce((n, u) => n + (u.file.syntaxOnly ?? 0), 0);
    if (syntaxOnly > 0)
      logger.debug(`${syntaxOnly} document(s) can hold no container and were only syntax-checked`);
    return units;
  });
  return {
    units: [...loose, ...rendered.units],
    loose,
    problems: discovery.problems,
    renderProblems: rendered.problems,
    notices,
  };
}

/** Helm's source loads only when there is a chart to render (issue 14: start fast). */
async function renderHelm(input: HelmInput): Promise<RenderOutcome> {
  if (input.charts.length === 0) return { units: [], problems: [], claimed: new Set() };
  const { renderHelmCharts } = await import('./helm/index.js');
  return renderHelmCharts(input);
}
