import { parseDigest, verifyDigest } from '../registry/digest.js';
import { isAttestation, parseManifest, platformFromConfig } from '../registry/manifest.js';
import { normalizePlatform } from '../platforms/normalize.js';
import { samePlatform } from '../platforms/match.js';
import type { Platform } from '../platforms/platform.js';
import type { ImageContent, Resolution } from '../registry/source.js';
import { formatBytes } from '../byte-size.js';
import type { ByteMeter } from './budget.js';
import type { DeepCache } from './cache.js';
import { type RuntimeConfig, parseRuntimeConfig } from './command.js';
import type { ChildFact } from './facts.js';
import { scanLayer } from './layer-scan.js';
import type { LayerFacts, Lookup } from './overlay.js';

/** Everything reading one image needs; `memo` is shared by the run, so a layer is scanned once per path. */
export interface ReaderDeps {
  content: ImageContent;
  cache: DeepCache;
  meter: ByteMeter;
  /** Canonical reference, for the budget and messages. */
  image: string;
  signal: AbortSignal;
  memo: Map<string, Promise<LayerFacts | { error: string }>>;
}

export interface ChildImage {
  fact: Extract<ChildFact, { kind: 'read' }>;
  config: RuntimeConfig;
  /** Layer digests, top layer first. */
  layers: string[];
}

type Failed = { error: string };

/** Real layers expand 2-10 times; a layer past this ratio of the allowance is not read further. */
const MAX_EXPANSION = 100;

/**
 * Reads the child of an image a pool pulls (for an index: the entry that claims `platform`): its manifest,
 * its config (the real platform and what it runs), and its layer list. Manifests and configs come from the
 * cache when it has them; nothing is downloaded twice across runs.
 */
export async function readChild(
  deps: ReaderDeps,
  resolution: Extract<Resolution, { kind: 'index' | 'single' }>,
  platform: Platform,
): Promise<ChildImage | Failed> {
  let digest = resolution.digest;
  if (resolution.kind === 'index') {
    const bytes = await cachedBlob(deps, resolution.digest, 'manifest');
    if ('error' in bytes) return bytes;
    const parsed = parseManifest(bytes);
    if (parsed.kind !== 'index') return { error: `the index ${resolution.digest} cannot be read again` };
    const entry = parsed.manifests.find(
      (d) => d.platform && !isAttestation(d) && samePlatform(normalizePlatform(d.platform), platform),
    );
    if (!entry) return { error: `the index ${resolution.digest} has no entry for this platform` };
    digest = entry.digest;
  }
  const bytes = await cachedBlob(deps, digest, 'manifest');
  if ('error' in bytes) return bytes;
  const manifest = parseManifest(bytes);
  if (manifest.kind !== 'manifest') {
    const what = manifest.kind === 'invalid' ? manifest.reason : `a ${manifest.kind} manifest`;
    return { error: `the manifest ${digest} is not an image manifest deep mode reads (${what})` };
  }
  const layers = layerDigests(bytes);
  if ('error' in layers) return { error: `the manifest ${digest}: ${layers.error}` };
  const configBytes = await cachedBlob(deps, manifest.config.digest, 'config');
  if ('error' in configBytes) return configBytes;
  const real = platformFromConfig(configBytes, manifest.config.mediaType);
  if ('error' in real) return { error: `the config of ${digest}: ${real.error}` };
  const variant = (JSON.parse(Buffer.from(configBytes).toString('utf8')) as { variant?: unknown }).variant;
  return {
    fact: { kind: 'read', real, variantDeclared: typeof variant === 'string' && variant !== '' },
    config: parseRuntimeConfig(configBytes),
    layers,
  };
}

/** `layers[].digest` of an image manifest, checked, reversed to top-first. */
function layerDigests(bytes: Uint8Array): string[] | Failed {
  const doc = JSON.parse(Buffer.from(bytes).toString('utf8')) as { layers?: unknown };
  if (!Array.isArray(doc.layers)) return { error: 'no layers array' };
  const digests: string[] = [];
  for (const layer of doc.layers as { digest?: unknown }[]) {
    if (typeof layer?.digest !== 'string' || !parseDigest(layer.digest))
      return { error: 'a layer without a valid digest' };
    digests.push(layer.digest);
  }
  return digests.reverse();
}

function budgetSpent(deps: ReaderDeps): Failed {
  const which = deps.meter.exhausted(deps.image);
  const limit = which === 'image' ? deps.meter.budgets.imageBytes : deps.meter.budgets.runBytes;
  const setting = which === 'image' ? '--deep-image-budget' : '--deep-run-budget';
  return {
    error: `deep mode's byte budget per ${which} (${formatBytes(limit)}) is spent; raise ${setting} to read further`,
  };
}

/** A manifest or config by digest: from the cache (verified again) or the source, counted against the budget. */
async function cachedBlob(
  deps: ReaderDeps,
  digest: string,
  what: 'manifest' | 'config',
): Promise<Uint8Array | Failed> {
  const key = `blob ${digest}`;
  const hit = await deps.cache.get(key);
  if (hit && verifyDigest(hit, digest)) return hit;
  if (deps.meter.allowance(deps.image) <= 0) return budgetSpent(deps);
  const got =
    what === 'manifest'
      ? await deps.content.manifest(digest, deps.signal)
      : await deps.content.blob(digest, deps.signal);
  if (!(got instanceof Uint8Array)) return { error: got.reason };
  deps.meter.spend(deps.image, got.length);
  await deps.cache.set(key, got);
  return got;
}

/** Lookups over the child's layers: memoized for the run, cached across runs, streamed when neither has them. */
export function layerLookup(deps: ReaderDeps, layers: readonly string[]): Lookup {
  return (index, target) => {
    const digest = layers[index]!;
    const key = `layer ${digest} ${target}`;
    let shared = deps.memo.get(key);
    if (!shared) {
      shared = lookupLayer(deps, digest, key, target).then((result) => {
        // A budget or network failure belongs to this attempt; another image may still read the layer.
        if ('error' in result) deps.memo.delete(key);
        return result;
      });
      deps.memo.set(key, shared);
    }
    return shared;
  };
}

async function lookupLayer(
  deps: ReaderDeps,
  digest: string,
  key: string,
  target: string,
): Promise<LayerFacts | Failed> {
  const hit = await deps.cache.get(key);
  const cached = hit && decodeFacts(hit);
  if (cached) return cached;
  const allowance = deps.meter.allowance(deps.image);
  if (allowance <= 0) return budgetSpent(deps);
  const reading = { cut: false };
  const chunks = metered(deps, digest, allowance, reading);
  const result = await scanLayer(chunks, target, allowance * MAX_EXPANSION);
  switch (result.kind) {
    case 'facts':
      await deps.cache.set(key, encodeFacts(result.facts));
      return result.facts;
    case 'incomplete':
      return result.bytes >= allowance || reading.cut
        ? budgetSpent(deps)
        : { error: `the layer ${digest} ends before its tar archive does` };
    case 'error':
      return { error: `the layer ${digest}: ${result.reason}` };
    default: {
      const unreachable: never = result;
      return unreachable;
    }
  }
}

/**
 * The layer's chunks, each counted as it arrives. Images are read concurrently, so the run's budget can be
 * spent by another image meanwhile: reading stops there (`cut`), at most one chunk past the budget.
 */
async function* metered(deps: ReaderDeps, digest: string, allowance: number, reading: { cut: boolean }) {
  for await (const item of deps.content.openBlob(digest, allowance, deps.signal)) {
    if (item instanceof Uint8Array) deps.meter.spend(deps.image, item.length);
    yield item;
    if (deps.meter.allowance(deps.image) <= 0) {
      reading.cut = true;
      return;
    }
  }
}

interface StoredFacts {
  entries: Record<string, { type: string; head?: string; target?: string }>;
  whiteouts: string[];
  opaque: string[];
}

function encodeFacts(facts: LayerFacts): Uint8Array {
  const entries: StoredFacts['entries'] = {};
  for (const [p, fact] of Object.entries(facts.entries)) {
    entries[p] =
      fact.type === 'file'
        ? { type: 'file', head: Buffer.from(fact.head).toString('base64') }
        : fact.type === 'symlink' || fact.type === 'hardlink'
          ? { type: fact.type, target: fact.target }
          : { type: fact.type };
  }
  return Buffer.from(JSON.stringify({ entries, whiteouts: facts.whiteouts, opaque: facts.opaque }));
}

/** A stored entry, or undefined when it is unreadable (then the layer is read again). */
function decodeFacts(bytes: Uint8Array): LayerFacts | undefined {
  try {
    const stored = JSON.parse(Buffer.from(bytes).toString('utf8')) as StoredFacts;
    const entries: LayerFacts['entries'] = {};
    for (const [p, e] of Object.entries(stored.entries)) {
      if (e.type === 'file') entries[p] = { type: 'file', head: Buffer.from(e.head ?? '', 'base64') };
      else if (e.type === 'symlink' || e.type === 'hardlink')
        entries[p] = { type: e.type, target: e.target ?? '' };
      else if (e.type === 'dir' || e.type === 'other') entries[p] = { type: e.type };
      else return undefined;
    }
    return { entries, whiteouts: [...stored.whiteouts], opaque: [...stored.opaque] };
  } catch {
    return undefined;
  }
}
