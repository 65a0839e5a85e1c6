import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { isMap, isScalar, type Document } from 'yaml';
import { parseYamlDocument } from '../documents/problems.js';
import schema from '../../schema/archcheck.schema.json' with { type: 'json' };
import { makePool } from '../clusters/pools.js';
import { ConfigurationError, errorMessage } from '../errors.js';
import { ambiguousPlatformNote, poolPlatform } from '../platforms/node.js';
import type { RuleLevel } from '../rules/finding.js';
import type { Taint } from '../clusters/node-pool.js';
import { registryLimitMessage } from './registry-limits.js';
import type {
  AdmissionSettings,
  ClusterConfig,
  Config,
  ConfigPosition,
  HelmChartConfig,
  IgnoreEntry,
  KustomizeConfig,
} from './types.js';

/** Looked for in this order in the working directory when no `--config` is given. */
export const CONFIG_NAMES = ['.archcheck.yaml', '.archcheck.yml', '.github/archcheck.yaml'] as const;

export const DEFAULT_REGISTRY_SETTINGS = { concurrency: 8, timeoutMs: 30_000, deadlineMs: 300_000 } as const;

/** Kustomize defaults: build what is found, as kustomize itself would (root-only file loading, either binary). */
export const DEFAULT_KUSTOMIZE_CONFIG: Readonly<KustomizeConfig> = {
  enabled: true,
  roots: [],
  loadRestrictor: 'rootOnly',
  command: 'auto',
};

const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

/** Finds and loads the config; `undefined` file means defaults. Errors name the file, line, and key. */
export async function loadConfig(cwd: string, explicit?: string): Promise<Config> {
  if (explicit) {
    const file = path.resolve(cwd, explicit);
    const text = await readFile(file, 'utf8').catch((error: unknown) => {
      throw new ConfigurationError(unreadableConfig(explicit, (error as NodeJS.ErrnoException).code));
    });
    return parseConfig(text, file);
  }
  for (const name of CONFIG_NAMES) {
    const file = path.join(cwd, name);
    const text = await readFile(file, 'utf8').catch(() => undefined);
    // `.github/archcheck.yaml` lives beside the workflows, but its paths are the repository's.
    if (text !== undefined) return parseConfig(text, file, cwd);
  }
  return emptyConfig();
}

/** The real cause of a `--config` that cannot be read, in words: "not found" misleads when it is a directory. */
function unreadableConfig(name: string, code: string | undefined): string {
  switch (code) {
    case 'ENOENT':
      return `config file not found: ${name}`;
    case 'EISDIR':
      return `config path is a directory, not a file: ${name}`;
    case 'EACCES':
    case 'EPERM':
      return `config file cannot be read (permission denied): ${name}`;
    case 'ENOTDIR':
      return `config path goes through a file as if it were a directory: ${name}`;
    default:
      return `config file cannot be read (${code ?? 'unknown error'}): ${name}`;
  }
}

export function emptyConfig(): Config {
  return {
    clusters: [],
    include: [],
    exclude: [],
    registries: { mirrors: {}, credentials: {}, ...DEFAULT_REGISTRY_SETTINGS },
    rules: {},
    helm: [],
    kustomize: { ...DEFAULT_KUSTOMIZE_CONFIG },
  };
}

interface RawPool {
  name: string;
  arch: string;
  os?: string;
  variant?: string;
  osVersion?: string;
  aarch32?: boolean;
  labels?: Record<string, string>;
  taints?: Taint[];
}

interface RawConfig {
  clusters?: {
    name: string;
    paths?: string[];
    nodePools: RawPool[] | { from: string[]; pools?: RawPool[] };
    admission?: AdmissionSettings;
  }[];
  ignore?: Omit<IgnoreEntry, 'position'>[];
  include?: string[];
  exclude?: string[];
  registries?: {
    mirrors?: Record<string, string>;
    credentials?: Config['registries']['credentials'];
    concurrency?: number;
    timeoutSeconds?: number;
    deadlineSeconds?: number;
  };
  rules?: Record<string, RuleLevel>;
  helm?: {
    chart: string;
    release?: string;
    namespace?: string;
    version?: string;
    values?: string[];
    set?: Record<string, string | number | boolean>;
    cluster?: string;
  }[];
  kustomize?: Partial<KustomizeConfig>;
  deep?: boolean;
}

/** Parses and validates config text against schema/archcheck.schema.json, then resolves paths. */
export function parseConfig(text: string, file: string, baseDir = path.dirname(file)): Config {
  const { doc, lines, problem } = parseYamlDocument(text);
  const where = (offset: number | undefined) => {
    const pos = lines.linePos(offset ?? 0);
    return `${file}:${pos.line}:${pos.col}`;
  };
  const whereIn = (keys: (string | number)[]) =>
    where((doc.getIn(keys, true) as { range?: [number, number, number] } | undefined)?.range?.[0]);
  if (problem)
    throw new ConfigurationError(
      `${file}:${problem.location.line}:${problem.location.column}: invalid YAML: ${problem.message}`,
    );
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    // The library's alias-expansion limit (a "billion laughs" file) throws: that is the user's file, not a bug.
    throw new ConfigurationError(`${file}: invalid YAML: ${errorMessage(error)}`);
  }

  refuseTrustWidening(raw, doc, where);
  if (!validate(raw)) {
    const messages = (validate.errors ?? [])
      // propertyNames reports its inner `enum` failure too (with `propertyName` set); one message per key is enough.
      // `if` only says which branch failed; that branch's own errors name the problem.
      .filter((e) => e.propertyName === undefined && e.keyword !== 'if')
      .map((e) => {
        const segments = e.instancePath.split('/').slice(1).map(decodePointer);
        return `${where(errorOffset(doc, segments, e))}: ${describeError(segments, e, doc.getIn(segments))}`;
      });
    throw new ConfigurationError(`invalid config:\n  ${[...new Set(messages)].join('\n  ')}`);
  }
  const config = raw as RawConfig;
  const dir = baseDir;
  const notices: string[] = [];
  const clusters: ClusterConfig[] = (config.clusters ?? []).map((c, ci) => ({
    name: c.name,
    paths: c.paths ?? [],
    assumed: false,
    ...(Array.isArray(c.nodePools)
      ? {}
      : {
          nodePoolsFrom: poolGlobs(
            c.nodePools.from,
            `${whereIn(['clusters', ci, 'nodePools', 'from'])}: clusters[${ci}]`,
          ),
        }),
    ...(c.admission ? { admission: c.admission } : {}),
    nodePools: (Array.isArray(c.nodePools) ? c.nodePools : (c.nodePools.pools ?? [])).map((p, pi) => {
      const platform = poolPlatform(p);
      const inList = Array.isArray(c.nodePools) ? [pi] : ['pools', pi];
      const node = doc.getIn(['clusters', ci, 'nodePools', ...inList, 'arch'], true) as {
        range?: [number, number, number];
      };
      const note = ambiguousPlatformNote(
        p.arch,
        `${where(node?.range?.[0])}: clusters[${ci}].nodePools[${pi}].arch`,
      );
      if (note) notices.push(note);
      if ('error' in platform) {
        throw new ConfigurationError(
          `${where(node?.range?.[0])}: clusters[${ci}].nodePools[${pi}].arch: ${platform.error}`,
        );
      }
      return makePool(c.name, p.name, platform, p.labels ?? {}, p.taints ?? []);
    }),
  }));
  const mirrors: Record<string, string> = {};
  for (const [host, target] of Object.entries(config.registries?.mirrors ?? {})) {
    mirrors[host] = target.startsWith('oci:')
      ? `oci:${path.resolve(dir, target.slice('oci:'.length))}`
      : target;
  }
  const r = config.registries;
  const position = (keys: (string | number)[]): ConfigPosition => {
    const node = doc.getIn(keys, true) as { range?: [number, number, number] } | undefined;
    const pos = lines.linePos(node?.range?.[0] ?? 0);
    return { line: pos.line, column: pos.col };
  };
  const helm = (config.helm ?? []).map((h, i): HelmChartConfig => {
    if (h.cluster && clusters.length > 0 && !clusters.some((c) => c.name === h.cluster)) {
      const at = position(['helm', i, 'cluster']);
      throw new ConfigurationError(
        `${file}:${at.line}:${at.column}: helm[${i}].cluster: no cluster named "${h.cluster}"`,
      );
    }
    return helmEntry(h, dir, file, position(['helm', i]), (key) => position(['helm', i, 'set', key]));
  });
  const kustomize: KustomizeConfig = {
    ...DEFAULT_KUSTOMIZE_CONFIG,
    ...config.kustomize,
    roots: (config.kustomize?.roots ?? []).map((root) => path.resolve(dir, root)),
  };
  return {
    file,
    baseDir: dir,
    clusters,
    include: config.include ?? [],
    exclude: config.exclude ?? [],
    registries: {
      mirrors,
      credentials: r?.credentials ?? {},
      concurrency: r?.concurrency ?? DEFAULT_REGISTRY_SETTINGS.concurrency,
      // Whole milliseconds: AbortSignal.timeout and setTimeout take integers (the schema caps them at 2^31-1).
      timeoutMs: r?.timeoutSeconds ? Math.ceil(r.timeoutSeconds * 1000) : DEFAULT_REGISTRY_SETTINGS.timeoutMs,
      deadlineMs: r?.deadlineSeconds
        ? Math.ceil(r.deadlineSeconds * 1000)
        : DEFAULT_REGISTRY_SETTINGS.deadlineMs,
    },
    ...(notices.length > 0 ? { notices } : {}),
    rules: config.rules ?? {},
    helm,
    kustomize,
    ignore: (config.ignore ?? []).map((entry, i) => ({ ...entry, position: position(['ignore', i]) })),
    ...(config.deep !== undefined ? { deep: config.deep } : {}),
  };
}

/**
 * `nodePools.from` globs stay inside the config's directory: the config comes from the scanned tree, and a
 * glob reaching elsewhere on the runner is refused rather than read.
 */
function poolGlobs(globs: string[], at: string): string[] {
  for (const glob of globs) {
    if (path.isAbsolute(glob) || glob.split(/[\\/]/).includes('..'))
      throw new ConfigurationError(
        `${at}.nodePools.from: "${glob}" must be relative and inside the config's directory`,
      );
  }
  return globs;
}

/**
 * The config file is part of the scanned tree, which a pull request may change: it may not widen what the
 * build can read (SECURITY.md). `kustomize.loadRestrictor: none` would let a kustomization read any file on the
 * runner (`/proc/self/environ` holds the token) into a ConfigMap and, through `replacements`, into an image
 * name that every report prints. Only the workflow may turn it off.
 */
function refuseTrustWidening(
  raw: unknown,
  doc: Document,
  where: (offset: number | undefined) => string,
): void {
  const kustomize = (raw as { kustomize?: { loadRestrictor?: unknown } } | null)?.kustomize;
  if (kustomize?.loadRestrictor !== 'none') return;
  const node = doc.getIn(['kustomize', 'loadRestrictor'], true) as { range?: [number, number, number] };
  throw new ConfigurationError(
    `${where(node?.range?.[0])}: kustomize.loadRestrictor: none is not accepted from the config file: ` +
      'a pull request could change it to read any file on the runner. Set it where the workflow is trusted: ' +
      'the action input `kustomize-load-restrictor: none` or the CLI flag `--kustomize-load-restrictor none`, ' +
      'and remove it from the config.',
  );
}

/**
 * The action's `helm` input: YAML holding a list shaped like the config's `helm:` key, validated by the same
 * schema, paths relative to `baseDir` (the workspace). Its entries are reported at the top of `declaredIn`
 * (the workflow file), since lines inside an input do not map to lines of that file.
 */
export function parseHelmInput(text: string, declaredIn: string, baseDir: string): HelmChartConfig[] {
  const wrapped = ['helm:', ...text.split(/\r?\n/).map((line) => `  ${line}`)].join('\n');
  let helm: HelmChartConfig[];
  try {
    helm = parseConfig(wrapped, declaredIn, baseDir).helm ?? [];
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    // Positions there are in the wrapped text; the key path (helm[0].chart) is what names the problem.
    throw new ConfigurationError(`input "helm": ${error.message.replace(/^(\s*)\S+:\d+:\d+: /gm, '$1')}`);
  }
  const top: ConfigPosition = { line: 1, column: 1 };
  return helm.map((entry) => ({
    ...entry,
    position: top,
    set: entry.set.map((s) => ({ ...s, position: top })),
  }));
}

/** A `helm:` entry with paths made absolute; a chart that is not on disk is a reference for helm to resolve. */
function helmEntry(
  h: NonNullable<RawConfig['helm']>[number],
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

function decodePointer(segment: string): string | number {
  const s = segment.replace(/~1/g, '/').replace(/~0/g, '~');
  return /^\d+$/.test(s) ? Number(s) : s;
}

/** Offset of the offending node: the key itself for unknown keys, else the value at the error's path. */
function errorOffset(
  doc: Document.Parsed,
  segments: (string | number)[],
  e: ErrorObject,
): number | undefined {
  const p = e.params as Record<string, unknown>;
  const badKey =
    e.keyword === 'additionalProperties'
      ? p.additionalProperty
      : e.keyword === 'propertyNames'
        ? p.propertyName
        : undefined;
  const node = doc.getIn(segments, true);
  if (typeof badKey === 'string' && isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === badKey);
    if (isScalar(pair?.key) && pair.key.range) return pair.key.range[0];
  }
  return (node as { range?: [number, number, number] } | undefined)?.range?.[0];
}

function describeError(segments: (string | number)[], e: ErrorObject, value: unknown): string {
  const key = segments.reduce<string>(
    (acc, s) => (typeof s === 'number' ? `${acc}[${s}]` : acc ? `${acc}.${s}` : s),
    '',
  );
  const at = key || '(top level)';
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return `${at}: unknown key "${String(p.additionalProperty)}"`;
    case 'required':
      return `${at}: missing required key "${String(p.missingProperty)}"`;
    case 'enum':
      return `${at}: must be one of ${(p.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'propertyNames':
      return `${at}: unknown rule "${String(p.propertyName)}"`;
    default:
      // This pattern keeps helm's positional arguments from being read as options (--post-renderer=...).
      if (e.keyword === 'pattern' && p.pattern === '^[^-]')
        return `${at}: must not start with "-": helm would read it as an option`;
      return `${at}: ${registryLimitMessage(segments, e, value) ?? e.message ?? e.keyword}`;
  }
}
