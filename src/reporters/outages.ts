import type { Report, UnreachableRegistry } from '../engine/report.js';
import { canonicalImage, parseImageReference } from '../images/reference.js';
import type { Finding } from '../rules/finding.js';

/** Images named per registry line before "and N more": the JSON report has them all. */
const SHOWN_IMAGES = 3;

/**
 * One sentence per cut-off registry, e.g. `registry-1.docker.io unreachable (ENOTFOUND from ...): 12 images
 * not checked: a, b, c and 9 more`. Plain text: each sink escapes it for itself.
 */
export function describeOutage(entry: UnreachableRegistry): string {
  const what = entry.kind === 'unreachable' ? 'unreachable' : 'rate-limited the run';
  const n = entry.images.length;
  const shown = entry.images.slice(0, SHOWN_IMAGES).join(', ');
  const more = n > SHOWN_IMAGES ? ` and ${n - SHOWN_IMAGES} more` : '';
  return `${entry.registry} ${what} (${entry.reason}): ${n} image${n === 1 ? '' : 's'} not checked: ${shown}${more}`;
}

/**
 * Whether a finding is one image's `image-unresolved` for a registry the report already names once: text
 * outputs fold these into the registry's line.
 */
export function foldedIntoOutage(report: Report): (finding: Finding) => boolean {
  const images = new Set(report.unreachableRegistries.flatMap((e) => e.images));
  if (images.size === 0) return () => false;
  return (f) => {
    if (f.rule !== 'image-unresolved' || f.image === undefined) return false;
    const parsed = parseImageReference(f.image);
    return parsed.ok && images.has(canonicalImage(parsed.ref));
  };
}
