import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RawPlatform } from '../../src/platforms/normalize.js';
import type { JsonReport } from '../../src/reporters/json.js';
import { MEDIA_TYPES } from '../../src/registry/manifest.js';
import { LayoutBuilder } from '../registry/layout-builder.js';
import { runCliInProcess } from '../support/cli-in-process.js';

/** The registry host of every case image; the config mirrors it to OCI layouts on disk, so nothing leaves the machine. */
export const HOST = 'verdicts.test';

/** A workload's image: `HOST/verdicts/<name>:v1`, published for `platforms` (one index entry each). */
export interface CaseImage {
  name: string;
  platforms: RawPlatform[];
}

export interface CliCase {
  /** The manifest: Kubernetes objects (written as JSON, which is YAML), or its text as is. */
  objects: unknown[] | string;
  /** `.archcheck.yaml` without `registries` (the harness adds the mirror). */
  config: Record<string, unknown>;
  images: CaseImage[];
  /** More registry hosts to read from the (same) mirror, so that no case image is looked for on the network. */
  mirrorHosts?: string[];
  /** Extra CLI arguments (`--arch ...`). */
  args?: string[];
}

export function imageRef(name: string): string {
  return `${HOST}/verdicts/${name}:v1`;
}

/** An OCI layout per image: an index whose entries carry the platforms (`os.version` included) as written. */
async function writeMirror(dir: string, images: readonly CaseImage[]): Promise<void> {
  for (const image of images) {
    const layout = new LayoutBuilder();
    const children = image.platforms.map((platform) => {
      const config = layout.blob(
        { ...platform, rootfs: { type: 'layers', diff_ids: [] } },
        MEDIA_TYPES.ociConfig,
      );
      const manifest = layout.blob(
        { schemaVersion: 2, mediaType: MEDIA_TYPES.ociManifest, config, layers: [] },
        MEDIA_TYPES.ociManifest,
      );
      return { ...manifest, platform };
    });
    layout.tag('v1', layout.index(children));
    await layout.write(path.join(dir, 'mirror', 'verdicts', image.name));
  }
}

/**
 * Writes the case (manifest, config, mirror) into a fresh directory, runs the CLI's `main` on it in this process
 * with `--format json`, and returns the report. A usage or configuration error (exit 2) is returned as `error`.
 */
export async function runCli(c: CliCase): Promise<{ report?: JsonReport; error?: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'archcheck-verdicts-'));
  try {
    await writeMirror(dir, c.images);
    const hosts = [HOST, ...(c.mirrorHosts ?? [])];
    const mirrors = Object.fromEntries(hosts.map((host) => [host, 'oci:./mirror']));
    const config = { ...c.config, registries: { mirrors } };
    await writeFile(path.join(dir, 'archcheck.yaml'), JSON.stringify(config, null, 2));
    await writeFile(
      path.join(dir, 'deploy.yaml'),
      typeof c.objects === 'string'
        ? c.objects
        : c.objects.map((o) => JSON.stringify(o, null, 2)).join('\n---\n'),
    );
    const args = [path.join(dir, 'deploy.yaml'), '--config', path.join(dir, 'archcheck.yaml')];
    const { code, stdout, stderr } = await runCliInProcess([
      ...args,
      '--format',
      'json',
      '--fail-on',
      'never',
      '--quiet',
      ...(c.args ?? []),
    ]);
    if (code !== 0) return { error: `exit ${code}: ${stderr}` };
    return { report: JSON.parse(stdout) as JsonReport };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A Deployment running one container of `image`, with `podSpec` merged into its pod spec. */
export function deployment(name: string, image: string, podSpec: Record<string, unknown> = {}): unknown {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'verdicts' },
    spec: {
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'main', image }], ...podSpec },
      },
    },
  };
}
