import type { SourceLocation } from '../../documents/location.js';
import type { ImageOverride } from './kustomization.js';
import type { ChainLevel } from './tree.js';

/**
 * kustomize's split of an image into name, tag and digest: a `:` or `@` before the first `/` belongs to a
 * registry host (api/internal/image/image.go `Split`).
 */
export function splitImage(image: string): { name: string; tag: string; digest: string } {
  const slash = image.indexOf('/');
  const start = slash > 0 ? slash : 0;
  const search = image.slice(start);
  const at = search.indexOf('@');
  const colon = search.indexOf(':');
  if (colon < 0 && at < 0) return { name: image, tag: '', digest: '' };
  if (at >= 0 && (at < colon || colon < 0)) {
    return { name: image.slice(0, start + at), tag: '', digest: image.slice(start + at + 1) };
  }
  if (at >= 0) {
    return {
      name: image.slice(0, start + colon),
      tag: image.slice(start + colon + 1, start + at),
      digest: image.slice(start + at + 1),
    };
  }
  return { name: image.slice(0, start + colon), tag: image.slice(start + colon + 1), digest: '' };
}

/**
 * One `images:` entry applied to one image, as kustomize's image tag updater does (api/filters/imagetag/updater.go):
 * the entry matches when its `name` is the image's name; newName replaces the name; newTag and digest replace
 * both the tag and the digest (both when both are given); tagSuffix appends. Undefined when it does not match.
 */
export function applyEntry(image: string, entry: ImageOverride): string | undefined {
  const parts = splitImage(image);
  if (parts.name !== entry.name) return undefined;
  let { name, tag, digest } = parts;
  if (entry.newName) name = entry.newName;
  if (entry.newTag && entry.digest) [tag, digest] = [entry.newTag, entry.digest];
  else if (entry.newTag) [tag, digest] = [entry.newTag, ''];
  else if (entry.digest) [tag, digest] = ['', entry.digest];
  if (entry.tagSuffix) tag += entry.tagSuffix;
  return `${name}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
}

/** Where a person edits what an entry sets: the digest (it wins over a tag), else the tag, else the name. */
function editedAt(entry: ImageOverride): SourceLocation | undefined {
  return entry.fields.digest ?? entry.fields.newTag ?? entry.fields.tagSuffix ?? entry.fields.newName;
}

/** Whether `rendered` is what `entry` makes of an image it matched (used when a patch changed the image first). */
function explains(rendered: string, entry: ImageOverride): boolean {
  if (!entry.newName && !entry.newTag && !entry.digest && !entry.tagSuffix) return false;
  const { name, tag, digest } = splitImage(rendered);
  if (name !== (entry.newName ?? entry.name)) return false;
  if (entry.digest) return digest === entry.digest;
  if (entry.newTag) return tag === entry.newTag + (entry.tagSuffix ?? '');
  return entry.tagSuffix ? tag.endsWith(entry.tagSuffix) : true;
}

export interface Attribution {
  /** The line to annotate: the entry field that set the image, when an entry did. */
  location?: SourceLocation;
  /** Entries that matched this image on its way (for kustomize-image-unused). */
  used: ImageOverride[];
}

/**
 * Replays the `images:` entries of `chain` on the image as the source file writes it. When the replay yields the
 * rendered image, the last entry that set its digest or tag (else its name) is where the image is decided. When
 * it does not (a patch set the image), the outermost entry that could have produced the rendered image is.
 */
export function attributeImage(
  sourceImage: string | undefined,
  rendered: string,
  chain: readonly ChainLevel[],
): Attribution {
  const entries = chain.flatMap((level) => level.entries.map((e) => e.entry));
  if (sourceImage !== undefined) {
    let current = sourceImage;
    let version: SourceLocation | undefined;
    let name: SourceLocation | undefined;
    const used: ImageOverride[] = [];
    for (const entry of entries) {
      const next = applyEntry(current, entry);
      if (next === undefined) continue;
      used.push(entry);
      if (entry.digest || entry.newTag || entry.tagSuffix) version = editedAt(entry);
      else if (entry.newName) name = entry.fields.newName;
      current = next;
    }
    if (current === rendered) return { location: version ?? name, used };
  }
  const explaining = [...entries].reverse().find((e) => explains(rendered, e));
  return explaining ? { location: editedAt(explaining), used: [explaining] } : { used: [] };
}
