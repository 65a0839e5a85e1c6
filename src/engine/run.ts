import { readFile } from 'node:fs/promises';
import { knownLabelKeys } from '../clusters/pools.js';
import { placePod } from '../clusters/scheduling.js';
import { loadConfig, parseHelmInput } from '../config/load.js';
import type { ParsedFile } from '../documents/parse.js';
import { parseManifestFile } from '../documents/parse.js';
import { canonicalImage } from '../images/reference.js';
import type { ImageRef } from '../images/reference.js';
import { createImageSource, type RunImageSource } from '../registry/router.js';
import type { ImageSource, Resolution } from '../registry/source.js';
import { runChecks } from '../rules/index.js';
import type { WorkloadPlacement } from '../rules/rule.js';
import { discoverFiles, type SourceFile } from '../sources/discover.js';
import { discoveredCharts } from '../sources/helm/discovered.js';
import { renderHelmCharts } from '../sources/helm/index.js';
import { nameTemplate } from '../sources/helm/source-comment.js';
import { DEFAULT_KUSTOMIZE_SETTINGS, renderKustomizations } from '../sources/kustomize/index.js';
import { extractWorkloads } from '../workloads/extract.js';
import type { RenderOutcome, Workload } from '../workloads/workload.js';
import {
  ASSUMED_CLUSTER_NOTICE,
  assumedClusterNotice,
  chooseClusters,
  clusterMatcher,
  describesNodes,
} from './clusters.js';
import { mapLimit } from './pool.js';
import type { EngineDeps, EngineOptions } from './options.js';
import type { Report } from './report.js';
import { buildReport } from './summarize.js';

/**
 * The whole pipeline: sources -> documents -> workloads -> images -> resolutions -> findings -> report.
 * Only this function and the image source do I/O; expected failures end up as findings, never as throws.
 * Throws `ConfigurationError` for bad config or paths.
 */
export async function runArchcheck(
  options: EngineOptions,
  deps: EngineDeps & { imageSource?: ImageSource },
): Promise<Report> {
  const { logger } = deps;
  const config = await loadConfig(options.cwd, options.configPath);
  // Input errors are configuration errors: found before any work is done.
  const helmCharts = [
    ...(config.helm ?? []),
    ...(options.helmInput
      ? parseHelmInput(options.helmInput.text, options.helmInput.declaredIn, options.cwd)
      : []),
  ];
  const globBase = config.baseDir ?? options.cwd;
  const { clusters, notices } = chooseClusters(config, options.architectures);
  for (const notice of notices) logger.info(notice);

  const discovery = await logger.group('Discover manifests', async () => {
    const found = await discoverFiles({
      cwd: options.cwd,
      paths: options.paths,
      include: config.include,
      exclude: config.exclude,
      skip: config.file ? [config.file] : [],
      globBase,
    });
    logger.info(`${found.files.length} file(s) to read, ${found.charts.length} Helm chart(s)`);
    return found;
  });
  const files = discovery.files;
  const autoCharts = discoveredCharts(discovery.charts, helmCharts, deps.env ?? process.env, options.cwd);
  notices.push(...discovery.notices, ...autoCharts.notices);
  for (const notice of [...discovery.notices, ...autoCharts.notices]) logger.info(notice);

  const rendered = await logger.group('Render Helm charts and kustomizations', async () => {
    const started = Date.now();
    const absolute = files.map((f) => f.path);
    const env = deps.env ?? process.env;
    const outcomes = await Promise.all([
      renderKustomizations({
        cwd: options.cwd,
        files: absolute,
        settings: config.kustomize ?? DEFAULT_KUSTOMIZE_SETTINGS,
        env,
      }),
      renderHelmCharts({
        cwd: options.cwd,
        charts: [...helmCharts, ...autoCharts.entries],
        files: absolute,
        env,
      }),
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

  const parsed = await logger.group('Parse manifests', async () => {
    const started = Date.now();
    // Files a kustomization or chart reads were checked through its render: reading them again would double findings.
    const loose = files.filter((f) => !rendered.claimed.has(f.path));
    const result: FileResult[] = [...(await mapLimit(loose, 16, readAndParse)), ...rendered.units];
    const workloads = result.reduce((n, p) => n + p.workloads.length, 0);
    logger.info(`${result.length} file(s), ${workloads} workload(s) in ${Date.now() - started} ms`);
    return result;
  });

  const clustersOf = clusterMatcher(clusters, globBase);
  const placements: WorkloadPlacement[] = [];
  const unmatchedFiles: string[] = [];
  for (const { source, workloads, clusters: named } of parsed) {
    if (workloads.length === 0) continue;
    // A Helm entry's `cluster:` names its cluster; --arch replaces the config's clusters, so fall back to paths.
    const byName = named ? clusters.filter((c) => named.includes(c.name)) : [];
    const targets = byName.length > 0 ? byName : clustersOf(source.path);
    if (targets.length === 0) unmatchedFiles.push(source.file);
    for (const cluster of targets) {
      const keys = knownLabelKeys(cluster.nodePools);
      for (const workload of workloads) {
        placements.push({ workload, cluster, pools: placePod(workload.scheduling, cluster.nodePools, keys) });
      }
    }
  }

  const workloads = parsed.flatMap((p) => p.workloads);
  const refs = uniqueRefs(workloads);
  const resolutions = await logger.group('Resolve images', async () => {
    const started = Date.now();
    let owned: RunImageSource | undefined;
    const source: ImageSource =
      deps.imageSource ??
      (owned = createImageSource({
        settings: mergeMirrors(config.registries, options.registryMirrors),
        env: deps.env ?? process.env,
        githubToken: options.githubToken,
        logger,
      }));
    const map = new Map<string, Resolution>();
    let done = 0;
    const step = Math.max(1, Math.ceil(refs.size / 10));
    try {
      await mapLimit([...refs], config.registries.concurrency, async ([key, ref]) => {
        map.set(key, await resolveSafely(source, ref));
        done++;
        // Progress only where resolving takes a while to watch; the total is logged below either way.
        if (refs.size >= 20 && (done % step === 0 || done === refs.size))
          logger.info(`resolved ${done}/${refs.size} image(s)`);
      });
    } finally {
      // Pooled registry connections would otherwise keep the process alive after the report is written.
      await owned?.close();
    }
    logger.info(`${refs.size} unique image(s) in ${Date.now() - started} ms`);
    return map;
  });

  const findings = await logger.group('Check', async () => {
    const result = runChecks(
      {
        parseProblems: [...discovery.problems, ...parsed.flatMap((p) => p.file.problems)],
        workloads,
        placements,
        resolutions,
        renderProblems: rendered.problems,
      },
      config.rules,
    );
    logger.info(`${result.length} finding(s)`);
    return result;
  });

  return buildReport({
    parsed: parsed.map((p) => p.file),
    workloads,
    placements,
    clusters,
    resolutions,
    findings,
    unmatchedFiles,
    // The no-clusters notice learns, once the tree is read, where the user's node pools are described.
    notices: [...notices, ...parsed.flatMap((p) => (p.template ? [p.template] : []))].map((n) =>
      n === ASSUMED_CLUSTER_NOTICE
        ? assumedClusterNotice(parsed.filter((p) => p.describesPools).map((p) => p.source.file))
        : n,
    ),
  });
}

interface FileResult {
  source: SourceFile;
  file: ParsedFile;
  workloads: Workload[];
  /** Cluster names the source deploys to, when its config says (Helm `cluster:`). */
  clusters?: string[];
  /** A notice when the file is a Go template rather than YAML. */
  template?: string;
  /** The file holds node pools or nodes (see `describesNodes`). */
  describesPools?: boolean;
}

async function readAndParse(source: SourceFile): Promise<FileResult> {
  let text: string;
  try {
    text = await readFile(source.path, 'utf8');
  } catch (error) {
    const message = `cannot read file: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
    const file: ParsedFile = {
      file: source.file,
      objects: [],
      documents: 0,
      skipped: 0,
      problems: [{ message, location: { file: source.file, line: 1, column: 1 } }],
    };
    return { source, file, workloads: [] };
  }
  const file = parseManifestFile(source.file, text);
  // A Go template kept beside the manifests (`{{ ... }}` makes it invalid YAML) is not a broken manifest: one
  // notice for the file instead of its parse errors.
  if (file.problems.length > 0 && /\{\{[-\s]*[.$a-zA-Z]/.test(text)) {
    const template = `${source.file} is a Go template, not YAML: not checked. Render it and scan the output, or exclude it.`;
    return { source, file: { ...file, objects: [], problems: [] }, workloads: [], template };
  }
  const workloads = file.objects.flatMap((o) => nameTemplate(o, extractWorkloads(o)));
  // Workloads hold plain values and positions: dropping the ASTs here keeps memory flat on large repos.
  const describesPools = file.objects.some((o) => describesNodes(o.apiVersion, o.kind));
  return { source, file: { ...file, objects: [] }, workloads, describesPools };
}

function uniqueRefs(workloads: readonly Workload[]): Map<string, ImageRef> {
  const refs = new Map<string, ImageRef>();
  for (const w of workloads) for (const c of w.containers) if (c.ref) refs.set(canonicalImage(c.ref), c.ref);
  return refs;
}

/** An image source that throws is a bug there, but it must not cost the user the rest of the run. */
async function resolveSafely(source: ImageSource, ref: ImageRef): Promise<Resolution> {
  try {
    return await source.resolve(ref);
  } catch (error) {
    return {
      kind: 'error',
      rule: 'image-unresolved',
      reason: `internal error while resolving: ${String(error)}`,
    };
  }
}

function mergeMirrors<T extends { mirrors: Record<string, string> }>(
  settings: T,
  extra: Record<string, string> | undefined,
): T {
  return extra ? { ...settings, mirrors: { ...settings.mirrors, ...extra } } : settings;
}
