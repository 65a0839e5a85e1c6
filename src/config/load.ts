import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { LineCounter, parseDocument } from 'yaml';
import schema from '../../schema/archcheck.schema.json' with { type: 'json' };
import { makePool } from '../clusters/pools.js';
import { ConfigurationError } from '../errors.js';
import { parsePlatform } from '../platforms/normalize.js';
import type { RuleLevel } from '../rules/finding.js';
import type { Taint } from '../clusters/node-pool.js';
import type { ClusterConfig, Config } from './types.js';

/** Looked for in this order in the working directory when no `--config` is given. */
export const CONFIG_NAMES = ['.archcheck.yaml', '.archcheck.yml', '.github/archcheck.yaml'] as const;

export const DEFAULT_REGISTRY_SETTINGS = { concurrency: 8, timeoutMs: 30_000, deadlineMs: 300_000 } as const;

const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

/** Finds and loads the config; `undefined` file means defaults. Errors name the file, line, and key. */
export async function loadConfig(cwd: string, explicit?: string): Promise<Config> {
  if (explicit) {
    const file = path.resolve(cwd, explicit);
    const text = await readFile(file, 'utf8').catch(() => {
      throw new ConfigurationError(`config file not found: ${explicit}`);
    });
    return parseConfig(text, file);
  }
  for (const name of CONFIG_NAMES) {
    const file = path.join(cwd, name);
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text !== undefined) return parseConfig(text, file);
  }
  return emptyConfig();
}

export function emptyConfig(): Config {
  return {
    clusters: [],
    include: [],
    exclude: [],
    registries: { mirrors: {}, credentials: {}, ...DEFAULT_REGISTRY_SETTINGS },
    rules: {},
  };
}

interface RawConfig {
  clusters?: {
    name: string;
    paths?: string[];
    nodePools: {
      name: string;
      arch: string;
      os?: string;
      variant?: string;
      osVersion?: string;
      labels?: Record<string, string>;
      taints?: Taint[];
    }[];
  }[];
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
}

/** Parses and validates config text against schema/archcheck.schema.json, then resolves paths. */
export function parseConfig(text: string, file: string): Config {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const where = (offset: number | undefined) => {
    const pos = lines.linePos(offset ?? 0);
    return `${file}:${pos.line}:${pos.col}`;
  };
  const firstError = doc.errors[0];
  if (firstError) throw new ConfigurationError(`${where(firstError.pos[0])}: invalid YAML: ${firstError.message.split('\n')[0]}`);
  const raw = (doc.toJS({ maxAliasCount: 100 }) ?? {}) as unknown;

  if (!validate(raw)) {
    const messages = (validate.errors ?? []).map((e) => {
      const segments = e.instancePath.split('/').slice(1).map(decodePointer);
      const node = doc.getIn(segments, true) as { range?: [number, number, number] } | undefined;
      return `${where(node?.range?.[0])}: ${describeError(segments, e)}`;
    });
    throw new ConfigurationError(`invalid config:\n  ${[...new Set(messages)].join('\n  ')}`);
  }
  const config = raw as RawConfig;
  const dir = path.dirname(file);
  const clusters: ClusterConfig[] = (config.clusters ?? []).map((c, ci) => ({
    name: c.name,
    paths: c.paths ?? [],
    assumed: false,
    nodePools: c.nodePools.map((p, pi) => {
      const spec = [p.os ?? 'linux', p.arch, p.variant].filter(Boolean).join('/');
      const platform = parsePlatform(spec);
      if ('error' in platform) {
        const node = doc.getIn(['clusters', ci, 'nodePools', pi, 'arch'], true) as { range?: [number, number, number] };
        throw new ConfigurationError(`${where(node?.range?.[0])}: clusters[${ci}].nodePools[${pi}].arch: ${platform.error}`);
      }
      if (p.osVersion) platform.osVersion = p.osVersion;
      return makePool(c.name, p.name, platform, p.labels ?? {}, p.taints ?? []);
    }),
  }));
  const mirrors: Record<string, string> = {};
  for (const [host, target] of Object.entries(config.registries?.mirrors ?? {})) {
    mirrors[host] = target.startsWith('oci:') ? `oci:${path.resolve(dir, target.slice('oci:'.length))}` : target;
  }
  const r = config.registries;
  return {
    file,
    clusters,
    include: config.include ?? [],
    exclude: config.exclude ?? [],
    registries: {
      mirrors,
      credentials: r?.credentials ?? {},
      concurrency: r?.concurrency ?? DEFAULT_REGISTRY_SETTINGS.concurrency,
      timeoutMs: r?.timeoutSeconds ? r.timeoutSeconds * 1000 : DEFAULT_REGISTRY_SETTINGS.timeoutMs,
      deadlineMs: r?.deadlineSeconds ? r.deadlineSeconds * 1000 : DEFAULT_REGISTRY_SETTINGS.deadlineMs,
    },
    rules: config.rules ?? {},
  };
}

function decodePointer(segment: string): string | number {
  const s = segment.replace(/~1/g, '/').replace(/~0/g, '~');
  return /^\d+$/.test(s) ? Number(s) : s;
}

function describeError(segments: (string | number)[], e: ErrorObject): string {
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
      return `${at}: ${e.message ?? e.keyword}`;
  }
}
