import { parseHelmInput } from '../config/helm-input.js';
import { loadConfig } from '../config/load.js';
import { DEFAULT_MAX_FILE_SIZE } from '../documents/read.js';
import { canonicalImage } from '../images/reference.js';
import type { ImageRef } from '../images/reference.js';
import { cacheRoot } from '../registry/cache/dir.js';
import { DEFAULT_CACHE_BYTES, DiskCache } from '../registry/cache/store.js';
import type { RegistryUsage } from '../registry/http/usage.js';
import { allowListOf, createImageSource, type RunImageSource } from '../registry/router.js';
import type { ImageSource, Resolution } from '../registry/source.js';
import { describeUsage } from '../reporters/usage.js';
import { runChecks } from '../rules/index.js';
import { discoverFiles } from '../sources/discover.js';
import { discoveredCharts } from '../sources/helm/discovered.js';
import { renderHelmCharts } from '../sources/helm/index.js';
import { DEFAULT_KUSTOMIZE_SETTINGS, renderKustomizations } from '../sources/kustomize/index.js';
import { mergeFacts } from '../nodepools/collect.js';
import { deriveCluster, loadPoolsFrom } from '../nodepools/clusters.js';
import { placeUnits } from '../nodepools/place-units.js';
import { notePoolSources } from '../nodepools/pool-notes.js';
import { formatBytes } from '../byte-size.js';
import { FileDeepCache, NO_DEEP_CACHE } from '../deep/cache.js';
import type { DeepFacts } from '../deep/facts.js';
import { verifyDeep } from '../deep/verify.js';
import type { Workload } from '../workloads/workload.js';
import { readSourceFile } from '../sources/files.js';
import { type RenderOutcome, type SourceUnit, unitFacts } from '../sources/unit.js';
import { isoDay, setAsideFindings } from './adopt.js';
import { ASSUMED_CLUSTER_NOTICE, assumedClusterNotice, chooseClusters, clusterMatcher } from './clusters.js';
import { mapLimit } from './map-limit.js';
import { type EngineDeps, type EngineOptions, defaultDeepSettings } from './options.js';
import type { Report } from './report.js';
import { buildReport } from './build-report.js';

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
  const allowPrivateRegistries = [
    ...(options.allowPrivateRegistries ?? []),
    ...trustedMirrorHosts(options.registryMirrors),
  ];
  // A bad allow-list entry (flag, input or environment) is a configuration error, found before any work.
  if (!deps.imageSource) allowListOf({ allowPrivateRegistries, env: deps.env ?? process.env });
  // Input errors are configuration errors: found before any work is done.
  const helmCharts = [
    ...(config.helm ?? []),
    ...(options.helmInput
      ? parseHelmInput(options.helmInput.text, options.helmInput.declaredIn, options.cwd)
      : []),
  ];
  const globBase = config.baseDir ?? options.cwd;
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const chosen = chooseClusters(config, options.architectures);
  const notices = chosen.notices;
  const fromFiles = await loadPoolsFrom(chosen.clusters, globBase, options.cwd);
  let clusters = fromFiles.clusters;

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
        settings: {
          ...(config.kustomize ?? DEFAULT_KUSTOMIZE_SETTINGS),
          ...(options.kustomizeLoadRestrictor ? { loadRestrictor: options.kustomizeLoadRestrictor } : {}),
        },
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
    const result: SourceUnit[] = [
      ...(await mapLimit(loose, 16, (f) => readSourceFile(f, maxFileSize))),
      ...rendered.units,
    ];
    const workloads = result.reduce((n, p) => n + p.workloads.length, 0);
    logger.info(`${result.length} file(s), ${workloads} workload(s) in ${Date.now() - started} ms`);
    return result;
  });

  // Pools the tree declares replace the assumed amd64 + arm64 cluster; RuntimeClasses serve `admission:`.
  const treeFacts = mergeFacts(parsed.flatMap(unitFacts));
  const derived = clusters.length === 1 && clusters[0]?.assumed ? deriveCluster(treeFacts) : undefined;
  if (derived) {
    clusters = [derived.cluster];
    notices.splice(notices.indexOf(ASSUMED_CLUSTER_NOTICE), 1, derived.notice);
  }
  for (const notice of notices) logger.info(notice);
  for (const p of [...treeFacts.problems, ...fromFiles.facts.problems])
    logger.warning(`${p.location.file}:${p.location.line}: ${p.message}`);
  const runtimeClasses = new Map(
    [...fromFiles.facts.runtimeClasses, ...treeFacts.runtimeClasses].map((rc) => [rc.name, rc]),
  );

  const clustersOf = clusterMatcher(clusters, globBase);
  const { placements, unmatchedFiles } = placeUnits(parsed, clusters, clustersOf, runtimeClasses);

  const workloads = parsed.flatMap((p) => p.workloads);
  const refs = uniqueRefs(workloads);
  const env = deps.env ?? process.env;
  // One cache root for the run (trusted side only): the registry's entries under registry/, deep mode's under deep/.
  const root = options.noCache ? undefined : cacheRoot(env, options.cacheDir);
  const cache = root && !deps.imageSource ? new DiskCache(root) : undefined;
  let owned: RunImageSource | undefined;
  const source: ImageSource =
    deps.imageSource ??
    (owned = createImageSource({
      settings: mergeMirrors(config.registries, options.registryMirrors),
      env,
      githubToken: options.githubToken,
      allowPrivateRegistries,
      logger,
      ...(cache ? { cache } : {}),
    }));
  let resolutions: Map<string, Resolution>;
  let deep: DeepFacts | undefined;
  let usage: RegistryUsage | undefined;
  try {
    resolutions = await logger.group('Resolve images', async () => {
      const started = Date.now();
      if (cache && refs.size > 0) logger.debug(`registry cache: ${cache.dir}`);
      await owned?.plan([...refs.values()]);
      const map = new Map<string, Resolution>();
      let done = 0;
      const step = Math.max(1, Math.ceil(refs.size / 10));
      // The image source bounds requests in flight itself; more images than that are worked on at once, so
      // network slots do not idle while some images read the cache or wait for a token.
      const images = config.registries.concurrency * 4;
      await mapLimit([...refs], images, async ([key, ref]) => {
        map.set(key, await resolveSafely(source, ref));
        done++;
        // Progress only where resolving takes a while to watch; the total is logged below either way.
        if (refs.size >= 20 && (done % step === 0 || done === refs.size))
          logger.info(`resolved ${done}/${refs.size} image(s)`);
      });
      logger.info(`${refs.size} unique image(s) in ${Date.now() - started} ms`);
      return map;
    });
    // Opt-in: without it nothing below runs and no blob beyond the resolution's is fetched.
    if (options.deep?.enabled || config.deep) {
      const settings = options.deep ?? { enabled: true, ...defaultDeepSettings() };
      deep = await logger.group('Deep verification', async () => {
        const started = Date.now();
        const outcome = await verifyDeep(
          { placements, resolutions },
          {
            source,
            cache: root ? new FileDeepCache(root) : NO_DEEP_CACHE,
            budgets: settings.budgets,
            logger,
            signal: AbortSignal.timeout(config.registries.deadlineMs),
          },
        );
        const line = `deep verification read ${outcome.children} image build(s), downloading ${formatBytes(outcome.bytes)}, in ${Date.now() - started} ms`;
        logger.info(line);
        notices.push(line);
        return outcome.facts;
      });
    }
    await cache?.maintain(DEFAULT_CACHE_BYTES);
  } finally {
    usage = owned?.usage();
    // Pooled registry connections would otherwise keep the process alive after the report is written.
    await owned?.close();
  }
  const spent = describeUsage(usage);
  if (spent) logger.info(spent);

  const findings = await logger.group('Check', async () => {
    const result = runChecks(
      {
        parseProblems: [...discovery.problems, ...parsed.flatMap((p) => p.file.problems)],
        workloads,
        placements,
        resolutions,
        renderProblems: rendered.problems,
        ...(deep ? { deep } : {}),
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
    parsed: parsed.filter((p) => !rendered.units.includes(p)).map((p) => p.file),
    workloads,
    today: isoDay((deps.now ?? (() => new Date()))()),
    logger,
    ...(options.noIgnore ? { noIgnore: true } : {}),
    ...(options.baseline ? { baselineFile: options.baseline } : {}),
  });

  const report = buildReport({
    parsed: parsed.map((p) => p.file),
    workloads,
    placements,
    clusters,
    resolutions,
    findings: setAside.active,
    suppressed: setAside.suppressed,
    baseline: setAside.baseline,
    unmatchedFiles,
    // The no-clusters notice learns, once the tree is read, where the user's node pools are described.
    notices: [
      ...notices,
      ...setAside.warnings,
      ...parsed.flatMap((p) => (p.template ? [p.template] : [])),
    ].map((n) =>
      n === ASSUMED_CLUSTER_NOTICE
        ? assumedClusterNotice(parsed.filter((p) => p.describesPools).map((p) => p.source.file))
        : n,
    ),
  });
  return usage && describeUsage(usage) ? { ...report, registry: usage } : report;
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
      cause: 'internal',
      reason: `internal error while resolving: ${String(error)}`,
    };
  }
}

/** Hosts of HTTP mirrors given on the trusted side: the user chose them, private address or not. */
function trustedMirrorHosts(mirrors: Record<string, string> | undefined): string[] {
  return Object.values(mirrors ?? {})
    .filter((target) => /^https?:\/\//.test(target) && URL.canParse(target))
    .map((target) => new URL(target).host);
}

function mergeMirrors<T extends { mirrors: Record<string, string> }>(
  settings: T,
  extra: Record<string, string> | undefined,
): T {
  return extra ? { ...settings, mirrors: { ...settings.mirrors, ...extra } } : settings;
}
