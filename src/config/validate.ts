import type { ErrorObject } from 'ajv';
import { isMap, isScalar, type Document } from 'yaml';
import { ConfigurationError } from '../errors.js';
import { nodeOffset, type ConfigLocator } from './locate.js';
import { registryLimitMessage } from './registry-limits.js';
import validate from './schema-validator.cjs';

/**
 * Checks the parsed file against schema/archcheck.schema.json (compiled ahead of time into schema-validator.cjs)
 * and the trust rules the schema cannot say; throws one ConfigurationError listing every problem with its
 * `file:line:col`.
 */
export function validateConfig(raw: unknown, at: ConfigLocator): void {
  refuseTrustWidening(raw, at);
  if (validate(raw)) return;
  const messages = (validate.errors ?? [])
    // propertyNames reports its inner `enum` failure too (with `propertyName` set); one message per key is enough.
    // `if` only says which branch failed; that branch's own errors name the problem.
    .filter((e) => e.propertyName === undefined && e.keyword !== 'if')
    .map((e) => {
      const segments = e.instancePath.split('/').slice(1).map(decodePointer);
      return `${at.where(errorOffset(at.doc, segments, e))}: ${describeError(segments, e, at.doc.getIn(segments))}`;
    });
  throw new ConfigurationError(`invalid config:\n  ${[...new Set(messages)].join('\n  ')}`);
}

/**
 * The config file is part of the scanned tree, which a pull request may change: it may not widen what the
 * build can read (SECURITY.md). `kustomize.loadRestrictor: none` would let a kustomization read any file on the
 * runner (`/proc/self/environ` holds the token) into a ConfigMap and, through `replacements`, into an image
 * name that every report prints. Only the workflow may turn it off.
 */
function refuseTrustWidening(raw: unknown, at: ConfigLocator): void {
  const kustomize = (raw as { kustomize?: { loadRestrictor?: unknown } } | null)?.kustomize;
  if (kustomize?.loadRestrictor !== 'none') return;
  throw new ConfigurationError(
    `${at.whereIn(['kustomize', 'loadRestrictor'])}: kustomize.loadRestrictor: none is not accepted from the ` +
      'config file: a pull request could change it to read any file on the runner. Set it where the workflow ' +
      'is trusted: the action input `kustomize-load-restrictor: none` or the CLI flag ' +
      '`--kustomize-load-restrictor none`, and remove it from the config.',
  );
}

/** A JSON Pointer segment (RFC 6901) as a YAML key path segment: array indexes become numbers. */
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
  return nodeOffset(node);
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
