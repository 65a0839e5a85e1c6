import { parseHelmInput } from '../config/helm-input.js';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/types.js';
import { DEFAULT_MAX_FILE_SIZE } from '../documents/read.js';
import type { DeepFacts } from '../deep/facts.js';
import { deepStage } from '../deep/stage.js';
import { loadPoolsFrom } from '../nodepools/clusters.js';
import { notePoolSources } from '../nodepools/pool-notes.js';
import type { RegistryUsage } from '../registry/http/usage.js';
import type { ImageSource } from '../registry/source.js';
import { type ImageStage, openImageStage } from '../registry/stage.js';
import { describeUsage } from '../reporters/usage.js';
import { runChecks } from '../rules/index.js';
import { DEFAULT_KUSTOMIZE_SETTINGS } from '../sources/kustomize/index.js';
import { linkStepActions } from '../workloads/step-actions.js';
import { readSources } from '../sources/stage.js';
import { isoDay, setAsideFindings } from './adopt.js';
import { buildReport } from './build-report.js';
import { ASSUMED_CLUSTER_NOTICE, assumedClusterNotice, chooseClusters, placeTree } from './clusters.js';
import { type EngineDeps, type EngineOptions, defaultDeepSettings } from './options.js';
import type { Report } from './report.js';

/**
 * The whole pipeline: sources -> documents -> workloads -> images -> resolutions -> findings -> report.
 * The stages do the I/O; images start resolving while the tree is still being read. Expected failures end up
 * as findings, never as throws. Throws `ConfigurationError` for bad config or paths.
 */
export async function runArchcheck(
  options: EngineOptions,
  deps: EngineDeps & { imageSource?: ImageSource },
): Promise<Report> {
  const { logger } = deps;
  const env = deps.env ?? process.env;
  const config = await loadConfig(options.cwd, options.configPath);
  const images = openImageStage({
    settings: config.registries,
    mirrors: options.registryMirrors,
    allowPrivateRegistries: options.allowPrivateRegistries,
    env,
    githubToken: options.githubToken,
    cacheDir: options.cacheDir,
    noCache: options.noCache,
    logger,
    imageSource: deps.imageSource,
  });
  let usage: RegistryUsage | undefined;
  let tree: Awaited<ReturnType<typeof readAndResolve>>;
  try {
    tree = await readAndResolve(options, { ...deps, env }, config, images);
  } finally {
    usage = await images.close();
  }
  const spent = describeUsage(usage);
  if (spent) logger.info(spent);
  const { read, clusters, placements, resolutions, notices } = tree;
  const workloads = read.units.flatMap((p) => p.workloads);

  const findings = await logger.group('Check', async () => {
    const result = runChecks(
      {
        parseProblems: [...read.problems, ...read.units.flatMap((p) => p.file.problems)],
        workloads,
        placements,
        resolutions,
        renderProblems: read.renderProblems,
        ...(tree.deep ? { deep: tree.deep } : {}),
      },
      config.rules,
    );
    logger.info(`${result.length} finding(s)`);
    return result;
  });
  const setAside = await setAsideFindings(notePoolSources(findings, clusters), {
    config,
    cwd: options.cwd,
    // Only files read as written: a rendered stream's comments sit at lines of no file a person edits.
    parsed: read.loose.map((p) => p.file),
    workloads,
    today: isoDay((deps.now ?? (() => new Date()))()),
    logger,
    ...(options.noIgnore ? { noIgnore: true } : {}),
    ...(options.baseline ? { baselineFile: options.baseline } : {}),
  });

  const report = buildReport({
    parsed: read.units.map((p) => p.file),
    workloads,
    placements,
    clusters,
    resolutions,
    findings: setAside.active,
    suppressed: setAside.suppressed,
    baseline: setAside.baseline,
    unmatchedFiles: tree.unmatchedFiles,
    // The no-clusters notice learns, once the tree is read, where the user's node pools are described.
    notices: [
      ...notices,
      ...setAside.warnings,
      ...read.units.flatMap((p) => (p.template ? [p.template] : [])),
    ].map((n) =>
      n === ASSUMED_CLUSTER_NOTICE
        ? assumedClusterNotice(read.units.filter((p) => p.describesPools).map((p) => p.source.file))
        : n,
    ),
  });
  return usage && spent ? { ...report, registry: usage } : report;
}

/** The tree read, its clusters and placements, its images resolved (and, opted in, verified deeply). */
async function readAndResolve(
  options: EngineOptions,
  deps: EngineDeps & { env: Record<string, string | undefined> },
  config: Config,
  images: ImageStage,
) {
  const { logger, env } = deps;
  // Input errors are configuration errors: found before any work is done.
  const helmCharts = [
    ...(config.helm ?? []),
    ...(options.helmInput
      ? parseHelmInput(options.helmInput.text, options.helmInput.declaredIn, options.cwd)
      : []),
  ];
  const globBase = config.baseDir ?? options.cwd;
  const chosen = chooseClusters(config, options.architectures);
  const notices = chosen.notices;
  const fromFiles = await loadPoolsFrom(chosen.clusters, globBase, options.cwd);

  const read = await readSources({
    discover: {
      cwd: options.cwd,
      paths: options.paths,
      include: config.include,
      exclude: config.exclude,
      skip: config.file ? [config.file] : [],
      globBase,
    },
    helm: helmCharts,
    kustomize: {
      ...(config.kustomize ?? DEFAULT_KUSTOMIZE_SETTINGS),
      ...(options.kustomizeLoadRestrictor ? { loadRestrictor: options.kustomizeLoadRestrictor } : {}),
    },
    maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    env,
    ...(deps.stdin ? { stdin: deps.stdin } : {}),
    logger,
    onUnits: (units) => images.add(units.flatMap((u) => u.workloads)),
  });
  notices.push(...read.notices);
  // Steps that run a StepAction of the tree run its image: known only now that every file is read.
  images.add(linkStepActions(read.units.flatMap((u) => u.workloads)));

  const placed = placeTree(read.units, fromFiles, notices, globBase, logger);

  const resolutions = await images.resolutions();
  let deep: DeepFacts | undefined;
  // Opt-in: without it nothing below runs and no blob beyond the resolution's is fetched.
  if (options.deep?.enabled || config.deep) {
    const verified = await deepStage(
      { placements: placed.placements, resolutions },
      {
        source: images.source,
        cacheRoot: images.cacheRoot,
        budgets: options.deep?.budgets ?? defaultDeepSettings().budgets,
        deadlineMs: config.registries.deadlineMs,
        logger,
      },
    );
    notices.push(verified.notice);
    deep = verified.facts;
  }
  await images.maintain();
  return { read, ...placed, resolutions, notices, ...(deep ? { deep } : {}) };
}
