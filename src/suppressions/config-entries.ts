import path from 'node:path';
import picomatch from 'picomatch';
import type { IgnoreEntry } from '../config/types.js';
import { canonicalImage, parseImageReference } from '../images/reference.js';
import type { Finding } from '../rules/finding.js';
import { posixRelative } from '../paths.js';

/** One `ignore:` entry ready to test findings, with how many it matched. */
export interface EntryMatcher {
  entry: IgnoreEntry;
  index: number;
  expired: boolean;
  matches(f: Finding): boolean;
  matched: number;
}

/**
 * Builds matchers for the config's `ignore:` entries. `today` is `YYYY-MM-DD` (UTC); an entry whose `expires`
 * is before it no longer suppresses. Globs are picomatch's; `workload` is tested against `Kind/namespace/name`,
 * `image` against the image as written and its canonical form, `paths` against the finding's file relative
 * to the config directory (`cwd` is what the report's files are relative to).
 */
export function entryMatchers(
  entries: readonly IgnoreEntry[],
  today: string,
  baseDir: string,
  cwd: string,
): EntryMatcher[] {
  return entries.map((entry, index) => {
    const workload = entry.workload ? picomatch(entry.workload, { dot: true }) : undefined;
    const image = entry.image ? picomatch(entry.image, { dot: true }) : undefined;
    const paths = entry.paths?.length ? picomatch(entry.paths, { dot: true }) : undefined;
    return {
      entry,
      index,
      expired: entry.expires !== undefined && entry.expires < today,
      matched: 0,
      matches(f: Finding): boolean {
        if (f.rule !== entry.rule && entry.rule !== '*') return false;
        if (workload && !(f.workload && workload(workloadId(f.workload)))) return false;
        if (image && !(f.image && imageForms(f.image).some((i) => image(i)))) return false;
        if (paths) {
          const rel = posixRelative(baseDir, path.resolve(cwd, f.location.file));
          if (!paths(rel)) return false;
        }
        return true;
      },
    };
  });
}

export function workloadId(w: NonNullable<Finding['workload']>): string {
  return `${w.kind}/${w.namespace ?? ''}/${w.name}`;
}

/** A short name of an entry for warnings: where it is and what it targets. */
export function describeEntry(m: EntryMatcher, configFile: string): string {
  // Globs come from the scanned tree: control characters are shown escaped, as JSON quotes them.
  const safe = (text: string) => JSON.stringify(text).slice(1, -1);
  const targets = [
    m.entry.workload && `workload ${safe(m.entry.workload)}`,
    m.entry.image && `image ${safe(m.entry.image)}`,
    m.entry.paths?.length && `paths ${safe(m.entry.paths.join(', '))}`,
  ].filter(Boolean);
  const at = `${configFile}:${m.entry.position.line}:${m.entry.position.column}`;
  return `${at}: ignore[${m.index}] (rule ${safe(m.entry.rule)}${targets.length ? `, ${targets.join(', ')}` : ''})`;
}

function imageForms(written: string): string[] {
  const parsed = parseImageReference(written);
  return parsed.ok ? [written, canonicalImage(parsed.ref)] : [written];
}
