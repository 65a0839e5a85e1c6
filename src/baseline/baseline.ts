import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigurationError, errorMessage } from '../errors.js';
import type { Finding } from '../rules/finding.js';
import { fingerprint, type FingerprintFields } from './fingerprint.js';

/** Fingerprints of an earlier run's findings, with how often each occurred. */
export type Baseline = Map<string, number>;

/**
 * Reads an earlier JSON report (`--baseline`): every finding in it counts, suppressed or not, so a finding
 * whose suppression is later removed is still known. Anything that is not such a report is a usage error.
 */
export async function loadBaseline(file: string, cwd: string): Promise<Baseline> {
  const abs = path.resolve(cwd, file);
  let value: unknown;
  try {
    value = JSON.parse(await readFile(abs, 'utf8'));
  } catch (error) {
    throw new ConfigurationError(`--baseline ${file}: cannot read a JSON report: ${errorMessage(error)}`);
  }
  const findings = (value as { findings?: unknown } | null)?.findings;
  if (!Array.isArray(findings))
    throw new ConfigurationError(`--baseline ${file}: not an archcheck JSON report (no "findings" list)`);
  const baseline: Baseline = new Map();
  for (const f of findings) {
    const fields = readFields(f);
    if (!fields) continue;
    const key = fingerprint(fields);
    baseline.set(key, (baseline.get(key) ?? 0) + 1);
  }
  return baseline;
}

/**
 * Splits findings into new ones and those the baseline already had (marked `baseline: true`). Counts matter:
 * a baseline with one occurrence absorbs one finding, so a second copy of the same problem is new.
 */
export function applyBaseline(
  findings: readonly Finding[],
  baseline: Baseline,
): { active: Finding[]; known: Finding[] } {
  const left = new Map(baseline);
  const active: Finding[] = [];
  const known: Finding[] = [];
  for (const f of findings) {
    const key = fingerprint({ ...f, file: f.location.file });
    const n = left.get(key) ?? 0;
    if (n > 0) {
      left.set(key, n - 1);
      known.push({ ...f, baseline: true });
    } else active.push(f);
  }
  return { active, known };
}

/** The fingerprinted fields of one JSON finding, each kept only when it has the type the report writes. */
function readFields(value: unknown): FingerprintFields | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.rule !== 'string') return undefined;
  const text = (x: unknown) => (typeof x === 'string' ? x : undefined);
  const w =
    typeof v.workload === 'object' && v.workload !== null ? (v.workload as Record<string, unknown>) : {};
  const fields: FingerprintFields = { rule: v.rule };
  const file = text(v.file);
  const cluster = text(v.cluster);
  const container = text(v.container);
  const image = text(v.image);
  if (file !== undefined) fields.file = file;
  if (cluster !== undefined) fields.cluster = cluster;
  if (container !== undefined) fields.container = container;
  if (image !== undefined) fields.image = image;
  const kind = text(w.kind);
  const name = text(w.name);
  const namespace = text(w.namespace);
  if (kind !== undefined && name !== undefined)
    fields.workload = { kind, name, ...(namespace ? { namespace } : {}) };
  if (Array.isArray(v.platforms))
    fields.platforms = v.platforms.filter((p): p is string => typeof p === 'string');
  return fields;
}
