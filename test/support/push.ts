import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { requireBinary } from './binaries.js';
import { type Image, type Index, contents } from './images.js';

const run = promisify(execFile);

/**
 * Pushes an image or index with the Distribution API, byte for byte: monolithic blob uploads
 * (`POST /v2/<name>/blobs/uploads/` then `PUT <location>&digest=`), then manifests children first, each with
 * its media type as Content-Type. skopeo 1.9.3 cannot read Docker-typed manifests from an OCI layout, so
 * Docker manifest lists and schema2 images go this way. https://distribution.github.io/distribution/spec/api/
 */
export async function pushDistribution(
  registry: string,
  repo: string,
  tag: string,
  top: Image | Index,
): Promise<void> {
  const base = `http://${registry}/v2/${repo}`;
  const { blobs, manifests } = contents(top);
  for (const b of blobs) {
    const head = await fetch(`${base}/blobs/${b.digest}`, { method: 'HEAD' });
    if (head.ok) continue;
    const start = await fetch(`${base}/blobs/uploads/`, { method: 'POST' });
    if (start.status !== 202)
      throw new Error(`blob upload start ${repo}: HTTP ${start.status} ${await start.text()}`);
    const location = new URL(start.headers.get('location') ?? '', base);
    location.searchParams.set('digest', b.digest);
    const put = await fetch(location, {
      method: 'PUT',
      body: b.bytes,
      headers: { 'content-type': 'application/octet-stream' },
    });
    if (put.status !== 201)
      throw new Error(`blob upload ${b.digest}: HTTP ${put.status} ${await put.text()}`);
  }
  for (const [i, m] of manifests.entries()) {
    const reference = i === manifests.length - 1 ? tag : m.digest;
    const put = await fetch(`${base}/manifests/${reference}`, {
      method: 'PUT',
      body: m.bytes,
      headers: { 'content-type': m.mediaType },
    });
    if (put.status !== 201)
      throw new Error(`manifest ${repo}:${reference}: HTTP ${put.status} ${await put.text()}`);
  }
}

/** `skopeo copy --all` from an OCI layout to a plain-HTTP registry, the way the issue asks images to be pushed. */
export async function skopeoCopy(
  layout: string,
  tag: string,
  registry: string,
  repo: string,
  destTag = tag,
): Promise<void> {
  requireBinary('skopeo');
  await run('skopeo', [
    'copy',
    '--all',
    '--quiet',
    '--dest-tls-verify=false',
    `oci:${layout}:${tag}`,
    `docker://${registry}/${repo}:${destTag}`,
  ]);
}
