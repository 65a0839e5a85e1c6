import type { NodeSelectorRequirement } from '../workloads/workload.js';

/** k8s.io/apimachinery/pkg/util/validation: `qualifiedNameFmt`, the name part of a label key. */
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
/** `dns1123SubdomainFmt`: the optional prefix of a label key. */
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** `labelValueFmt`: empty, or alphanumerics at both ends with `-`, `_`, `.` between. */
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** `IsQualifiedName`: `[prefix/]name`, the prefix a DNS subdomain of at most 253, the name at most 63 characters. */
export function isValidLabelKey(key: string): boolean {
  const parts = key.split('/');
  if (parts.length > 2) return false;
  const name = parts[parts.length - 1] ?? '';
  const prefix = parts.length === 2 ? (parts[0] ?? '') : undefined;
  if (prefix !== undefined && (prefix.length > 253 || !DNS1123_SUBDOMAIN.test(prefix))) return false;
  return name.length <= 63 && QUALIFIED_NAME.test(name);
}

/** `IsValidLabelValue`: at most 63 characters of `labelValueFmt`. */
export function isValidLabelValue(value: string): boolean {
  return value.length <= 63 && LABEL_VALUE.test(value);
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * Go's strconv.ParseInt(s, 10, 64): an optional sign and decimal digits, within int64. Compared as BigInt,
 * since JavaScript numbers lose integers above 2^53 (9007199254740993 would equal 9007199254740992).
 */
export function parseInt64(text: string | undefined): bigint | undefined {
  if (text === undefined || !/^[+-]?\d+$/.test(text)) return undefined;
  const n = BigInt(text);
  return n >= INT64_MIN && n <= INT64_MAX ? n : undefined;
}

/**
 * Would the scheduler accept this requirement? k8s.io/apimachinery labels `NewRequirement`, as
 * component-helpers nodeaffinity `nodeSelectorRequirementsAsSelector` calls it: a valid key; In/NotIn with at
 * least one value, Exists/DoesNotExist with none, Gt/Lt with exactly one int64; every value a valid label
 * value. A requirement that fails makes its whole term match no node ("Pod with an invalid value in Affinity
 * term won't be scheduled onto the node").
 */
export function isValidRequirement(r: NodeSelectorRequirement): boolean {
  if (!isValidLabelKey(r.key) || !r.values.every(isValidLabelValue)) return false;
  switch (r.operator) {
    case 'In':
    case 'NotIn':
      return r.values.length > 0;
    case 'Exists':
    case 'DoesNotExist':
      return r.values.length === 0;
    case 'Gt':
    case 'Lt':
      return r.values.length === 1 && parseInt64(r.values[0]) !== undefined;
    default:
      return false;
  }
}
