import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { errorMessage } from '../errors.js';
import type { ImageRef } from '../images/reference.js';
import { comparePlatforms, samePlatform } from '../platforms/match.js';
import type { Platform } from '../platforms/platform.js';
import { parseDigest, sha256Digest, verifyDigest } from './digest.js';
import {
  type Descriptor,
  MANIFEST_ACCEPT,
  MEDIA_TYPES,
  indexPlatforms,
  isAttestation,
  isImageConfigMediaType,
  parseManifest,
  platformFromConfig,
} from './manifest.js';
import {
  type ImageContent,
  type ImageSource,
  type Resolution,
  type ResolutionFailure,
  fail,
  isFailure,
} from './source.js';

/** https://github.com/opencontainers/image-spec/blob/v1.1.0/annotations.md#pre-defined-annotation-keys */
const REF_NAME = 'org.opencontainers.image.ref.name';
/** Indexes of indexes exist (go-containerregistry testdata) but never deeply; the bound stops hostile layouts. */
const MAX_INDEX_DEPTH = 4;
const INDEX_TYPES = new Set<string>([MEDIA_TYPES.ociIndex, MEDIA_TYPES.dockerList]);

/** `file` as messages show it (see `#shown`). */
function fsFailure(error: unknown, file: string, what: string): ResolutionFailure {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return fail('not-found', `${what}: ${file} does not exist`);
  return fail('unreachable', `cannot read ${file}: ${code ?? String(error)}`);
}

function unique(platforms: Platform[]): Platform[] {
  const out: Platform[] = [];
  for (const p of platforms) if (!out.some((q) => samePlatform(p, q))) out.push(p);
  return out.sort(comparePlatforms);
}

/**
 * Resolves images from OCI image layouts on disk, in skopeo's `oci:` convention: the image
 * `<registry>/<repo>:<tag>` is the layout at `<rootDir>/<repo>` whose index.json entry carries the
 * annotation `org.opencontainers.image.ref.name: <tag>`; a digest reference is looked up among the
 * entries and then in the blobs. Every blob read is verified against its name.
 * Layout spec: https://github.com/opencontainers/image-spec/blob/v1.1.0/image-layout.md
 *
 * Each file is read at most once per instance, and concurrent resolves of one reference share a promise.
 * Bad data and file-system errors become error resolutions; an aborted signal resolves to
 * `cancelled` for that caller only (the shared work goes on for the others).
 */
export class OciLayoutSource implements ImageSource {
  readonly #root: string;
  /** How messages name the root: relative to the working directory, never the runner's absolute path. */
  readonly #shownRoot: string;
  readonly #indexes = new Map<string, Promise<Descriptor[] | ResolutionFailure>>();
  readonly #blobs = new Map<string, Promise<Uint8Array | ResolutionFailure>>();
  readonly #resolutions = new Map<string, Promise<Resolution>>();

  /** `base`: the directory messages name files relative to (the workspace the run reports paths from). */
  constructor(rootDir: string, base = process.cwd()) {
    this.#root = path.resolve(rootDir);
    const rel = path.relative(path.resolve(base), this.#root);
    const inside = !rel.startsWith('..') && !path.isAbsolute(rel);
    this.#shownRoot = inside ? rel.split(path.sep).join('/') || '.' : '<oci mirror>';
  }

  /** A path under the root as messages show it (`mirror/acme/app/index.json`, or `<oci mirror>/...` outside cwd). */
  #shown(p: string): string {
    const rel = path.relative(this.#root, p).split(path.sep).join('/');
    return rel ? `${this.#shownRoot}/${rel}` : this.#shownRoot;
  }

  resolve(ref: ImageRef, signal?: AbortSignal): Promise<Resolution> {
    const key = ref.digest ? `${ref.repository}@${ref.digest}` : `${ref.repository}:${ref.tag ?? 'latest'}`;
    let shared = this.#resolutions.get(key);
    if (!shared) {
      shared = this.#resolveUncached(ref);
      this.#resolutions.set(key, shared);
    }
    return signal ? raceAbort(shared, signal) : shared;
  }

  /** Deep mode's reads: the layout's blobs of `ref`'s repository; layers stream from the file, never read whole. */
  content(ref: ImageRef): ImageContent {
    const dir = this.#layoutDir(ref);
    const shown = (p: string) => this.#shown(p);
    return {
      manifest: (digest) => (isFailure(dir) ? Promise.resolve(dir) : this.#blob(dir, digest, 'manifest')),
      blob: (digest) => (isFailure(dir) ? Promise.resolve(dir) : this.#blob(dir, digest, 'image config')),
      openBlob: async function* (digest, maxBytes, signal) {
        const parsed = parseDigest(digest);
        if (isFailure(dir) || !parsed) {
          yield isFailure(dir) ? dir : fail('invalid', `layer digest "${digest}" is malformed`);
          return;
        }
        const file = path.join(dir, 'blobs', parsed.algorithm, parsed.encoded);
        if (maxBytes <= 0) return;
        const stream = createReadStream(file, { end: maxBytes - 1, highWaterMark: 64 * 1024, signal });
        try {
          for await (const chunk of stream) yield chunk as Buffer;
        } catch (error) {
          yield fsFailure(error, shown(file), `layer ${digest} not found`);
        } finally {
          stream.destroy();
        }
      },
    };
  }

  #layoutDir(ref: ImageRef): string | ResolutionFailure {
    const segments = ref.repository.split('/');
    if (segments.some((s) => s === '' || s === '.' || s === '..' || /[\\\0]/.test(s))) {
      return fail('invalid', `repository "${ref.repository}" cannot name a layout directory`);
    }
    return path.join(this.#root, ...segments);
  }

  async #resolveUncached(ref: ImageRef): Promise<Resolution> {
    const dir = this.#layoutDir(ref);
    if (isFailure(dir)) return dir;
    const entries = await this.#index(dir);
    if (isFailure(entries)) return entries;

    const tag = ref.tag ?? 'latest';
    const entry = ref.digest
      ? (entries.find((d) => d.digest === ref.digest) ?? { digest: ref.digest, size: 0 })
      : entries.find((d) => d.annotations?.[REF_NAME] === tag);
    if (entry) {
      const r = await this.#describe(dir, entry, 0);
      // Reasons below name digests; the layout directory is said once, here (not-found and integrity
      // reasons already name the file).
      return r.kind === 'error' && r.cause !== 'not-found' && r.cause !== 'integrity'
        ? fail(r.cause, `${r.reason}; layout ${this.#shown(dir)}`)
        : r;
    }
    const tags = entries.flatMap((d) => d.annotations?.[REF_NAME] ?? []);
    const known =
      tags.length === 0 ? 'it has no tagged entries' : `its tags: ${tags.slice(0, 10).join(', ')}`;
    return fail(
      'not-found',
      `tag "${tag}" is not in ${this.#shown(path.join(dir, 'index.json'))} (${known})`,
    );
  }

  /** The platforms of the manifest or index a descriptor points at. */
  async #describe(dir: string, desc: Descriptor, depth: number): Promise<Resolution> {
    const bytes = await this.#blob(dir, desc.digest, 'manifest');
    if (isFailure(bytes)) return bytes;
    // A descriptor's mediaType is only a hint (go-containerregistry writes the descriptor type itself there).
    const hint = desc.mediaType && MANIFEST_ACCEPT.includes(desc.mediaType) ? desc.mediaType : undefined;
    const parsed = parseManifest(bytes, hint);
    switch (parsed.kind) {
      case 'invalid':
        return fail('invalid', `${desc.digest} is not a usable manifest: ${parsed.reason}`);
      case 'schema1':
        return { kind: 'single', digest: desc.digest, platform: parsed.platform };
      case 'manifest': {
        const { config } = parsed;
        if (!isImageConfigMediaType(config.mediaType)) {
          const artifact = parsed.artifactType ? `artifactType ${parsed.artifactType}, ` : '';
          const detail = `${artifact}config media type ${config.mediaType}`;
          return fail('not-an-image', `${desc.digest} is not a container image (${detail})`);
        }
        const configBytes = await this.#blob(dir, config.digest, 'image config');
        if (isFailure(configBytes)) return configBytes;
        const platform = platformFromConfig(configBytes, config.mediaType);
        if ('error' in platform) return fail(platform.cause, `${desc.digest}: ${platform.error}`);
        return { kind: 'single', digest: desc.digest, platform };
      }
      case 'index':
        return this.#describeIndex(dir, desc.digest, parsed.manifests, depth);
      default: {
        const unreachable: never = parsed;
        throw new Error(`unhandled manifest ${JSON.stringify(unreachable)}`);
      }
    }
  }

  /**
   * Platforms of an index's image children. A child's declared platform is trusted without reading it;
   * children that declare none (allowed by the spec) and nested indexes are read. Children that turn out
   * to be artifacts, or whose blobs were not copied, are skipped; a corrupted blob fails the whole image.
   */
  async #describeIndex(
    dir: string,
    digest: string,
    children: Descriptor[],
    depth: number,
  ): Promise<Resolution> {
    const nested = (d: Descriptor) => d.mediaType !== undefined && INDEX_TYPES.has(d.mediaType);
    const platforms = indexPlatforms(children.filter((d) => !nested(d)));
    const toRead = children.filter((d) => !isAttestation(d) && (nested(d) || !d.platform));
    const skipped: string[] = [];
    if (depth >= MAX_INDEX_DEPTH && toRead.length > 0) {
      skipped.push(`indexes nested deeper than ${MAX_INDEX_DEPTH} levels`);
    } else {
      const results = await Promise.all(toRead.map((d) => this.#describe(dir, d, depth + 1)));
      for (const r of results) {
        if (r.kind === 'index') platforms.push(...r.platforms);
        else if (r.kind === 'single') platforms.push(r.platform);
        else if (r.cause === 'integrity') return r;
        else skipped.push(r.reason);
      }
    }
    if (platforms.length > 0) return { kind: 'index', digest, platforms: unique(platforms) };
    const why = skipped.length > 0 ? `: ${skipped.slice(0, 3).join('; ')}` : '';
    return fail('not-an-image', `index ${digest} lists no container image platform${why}`);
  }

  #index(dir: string): Promise<Descriptor[] | ResolutionFailure> {
    let cached = this.#indexes.get(dir);
    if (!cached) {
      const file = path.join(dir, 'index.json');
      cached = readFile(file).then(
        (bytes) => {
          // index.json is an image index whether or not it says so (its mediaType field is optional).
          const parsed = parseManifest(bytes, MEDIA_TYPES.ociIndex);
          if (parsed.kind === 'index') return parsed.manifests;
          const reason = parsed.kind === 'invalid' ? parsed.reason : `it is a ${parsed.kind}`;
          return fail('invalid', `${this.#shown(file)} is not an OCI image index: ${reason}`);
        },
        (error: unknown) => fsFailure(error, this.#shown(file), 'no OCI image layout'),
      );
      this.#indexes.set(dir, cached);
    }
    return cached;
  }

  /** The verified bytes of a blob: its name must be a digest we can check, and the content must match it. */
  #blob(dir: string, digest: string, what: string): Promise<Uint8Array | ResolutionFailure> {
    const parsed = parseDigest(digest);
    if (!parsed) {
      return Promise.resolve(fail('invalid', `${what} digest "${digest}" is malformed or not sha256/sha512`));
    }
    const file = path.join(dir, 'blobs', parsed.algorithm, parsed.encoded);
    let cached = this.#blobs.get(file);
    if (!cached) {
      cached = readFile(file).then(
        (bytes): Uint8Array | ResolutionFailure => {
          if (verifyDigest(bytes, digest)) return bytes;
          const actual = parsed.algorithm === 'sha256' ? ` (its content is ${sha256Digest(bytes)})` : '';
          return fail('integrity', `blob ${this.#shown(file)} does not match its name ${digest}${actual}`);
        },
        (error: unknown) => fsFailure(error, this.#shown(file), `${what} ${digest} not found`),
      );
      this.#blobs.set(file, cached);
    }
    return cached;
  }
}

/** The caller's view of shared work: its own abort ends its wait, not the work. */
function raceAbort(shared: Promise<Resolution>, signal: AbortSignal): Promise<Resolution> {
  const aborted = (): Resolution => fail('cancelled', `resolution aborted: ${errorMessage(signal.reason)}`);
  if (signal.aborted) return Promise.resolve(aborted());
  return new Promise((resolve) => {
    const onAbort = () => resolve(aborted());
    signal.addEventListener('abort', onAbort, { once: true });
    void shared.then((r) => {
      signal.removeEventListener('abort', onAbort);
      resolve(r);
    });
  });
}
