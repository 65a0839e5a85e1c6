import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runArchcheck } from '../../src/engine/run.js';
import { RecordingLogger } from '../../src/logger.js';
import { describeUsage } from '../../src/reporters/usage.js';
import { image } from '../support/images.js';
import { pushDistribution } from '../support/push.js';
import { type RunningRegistry, startRegistry } from '../support/registry.js';
import { ALLOW_LOOPBACK } from '../registry-http/harness.js';

/** The engine's cache plumbing: `cacheDir` and `noCache` as the CLI and the action pass them. */
let dir: string;
let registry: RunningRegistry;
const app = image({ os: 'linux', architecture: 'amd64' }, { salt: 'engine-cache' });

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'archcheck-engine-cache-'));
  registry = await startRegistry({ root: path.join(dir, 'storage'), dir });
  await pushDistribution(registry.host, 'eco/app', 'v1', app);
  await writeFile(
    path.join(dir, 'app.yaml'),
    [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: app}',
      'spec:',
      '  containers:',
      `    - {name: tagged, image: "${registry.host}/eco/app:v1"}`,
      `    - {name: pinned, image: "${registry.host}/eco/app@${app.manifest.digest}"}`,
      '',
    ].join('\n'),
  );
});
afterAll(async () => {
  await registry?.stop();
  await rm(dir, { recursive: true, force: true });
});

const env = () => ({
  HOME: path.join(dir, 'home'),
  PATH: process.env.PATH,
  ARCHCHECK_ALLOW_PRIVATE_REGISTRIES: ALLOW_LOOPBACK,
});
const scan = (extra: { cacheDir?: string; noCache?: boolean }) =>
  runArchcheck(
    { cwd: dir, paths: ['app.yaml'], architectures: ['amd64'], ...extra },
    { logger: new RecordingLogger(), env: env() },
  );

test('a second run reads the cache: one HEAD for the tag, nothing for the digest', async () => {
  const cacheDir = path.join(dir, 'cache');
  const cold = await scan({ cacheDir });
  // The tag is HEADed first; its manifest is the pinned one, read once for both.
  expect(cold.registry).toMatchObject({ manifestHeads: 1, manifestGets: 1, blobGets: 1 });
  expect(await readdir(path.join(cacheDir, 'registry', 'blobs', 'sha256'))).toHaveLength(2);
  const warm = await scan({ cacheDir });
  expect(warm.registry).toMatchObject({ manifestHeads: 1, manifestGets: 0, blobGets: 0, cacheHits: 3 });
  expect(warm.images).toEqual(cold.images);
  expect(describeUsage(warm.registry)).toBe(
    'Registry requests: 1 ping, 1 manifest HEAD; 3 read from the cache.',
  );
});

test('noCache reads everything and writes nothing; the default lives under $HOME/.cache/archcheck', async () => {
  const off = await scan({ noCache: true });
  expect(off.registry).toMatchObject({ manifestGets: 2, blobGets: 1, cacheHits: 0 });
  await expect(readdir(path.join(env().HOME, '.cache'))).rejects.toThrow(/ENOENT/);
  await scan({});
  expect(await readdir(path.join(env().HOME, '.cache', 'archcheck', 'registry'))).toContain('blobs');
});
