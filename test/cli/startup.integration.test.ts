import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { image, index, writeOciLayout } from '../support/images.js';

// `--version` and `--help` answer before the engine is imported, and undici loads only for registries reached
// over HTTP: importing everything up front made `--version` 3.5x slower than Node starting (issue 14). Every
// module the process resolves is recorded (test/support/record-loads.mjs), so an eager import coming back
// fails here, from the sources and in the bundle (dist/cli, where the engine lives in numbered chunks).

const root = fileURLToPath(new URL('../../', import.meta.url));
const recorder = path.join(root, 'test/support/record-loads.mjs');
const SOURCE = ['--import', 'tsx', '--import', recorder, path.join(root, 'src/cli.ts')];
const DIST = ['--import', recorder, path.join(root, 'dist/cli/index.js')];

let tmp: string;
let tree: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'archcheck-startup-'));
  tree = path.join(tmp, 'tree');
  await mkdir(tree);
  const deployment = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: web}',
    'spec:',
    '  template:',
    '    spec:',
    '      containers: [{name: web, image: registry.example.com/shop/web:1.0}]',
    '',
  ].join('\n');
  await writeFile(path.join(tree, 'web.yaml'), deployment);
  const amd64 = image({ os: 'linux', architecture: 'amd64' });
  await writeOciLayout(path.join(tmp, 'mirror/shop/web'), { '1.0': index([amd64]) });
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

/** The modules (paths inside the repository, or package names) a CLI run resolved, and its exit code. */
async function loads(
  command: string[],
  name: string,
  env: Record<string, string> = {},
): Promise<{ code: number; modules: string[] }> {
  const record = path.join(tmp, `${name}.txt`);
  const code = await new Promise<number>((resolve) => {
    execFile(
      process.execPath,
      command,
      // From the repository, where `--import tsx` resolves.
      { cwd: root, env: { ...process.env, ...env, RECORD_LOADS: record } },
      (error) => resolve(error ? Number(error.code) : 0),
    );
  });
  const urls = (await readFile(record, 'utf8')).split('\n').filter((u) => u.startsWith('file:'));
  const modules = urls.map((url) => {
    const file = fileURLToPath(url);
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1];
    return pkg ?? path.relative(root, file);
  });
  return { code, modules: [...new Set(modules)] };
}

const ENGINE = ['src/engine/run.ts', 'src/config/load.ts', 'src/config/schema-validator.cjs'];
const LIBRARIES = ['yaml', 'ajv', 'undici', 'picomatch'];
const HTTP = ['undici', 'src/registry/http/dispatcher.ts'];
const scan = (mirror: string) => ['--registry-mirror', `registry.example.com=${mirror}`, '--arch', 'amd64'];

test.each<[string, () => string[], number, string[], string[]]>([
  [
    '--version',
    () => ['--version'],
    0,
    ['src/version.ts'],
    [...ENGINE, ...LIBRARIES, 'src/reporters/index.ts'],
  ],
  ['-v', () => ['-v'], 0, ['src/version.ts'], [...ENGINE, ...LIBRARIES, 'src/reporters/index.ts']],
  ['--help', () => ['--help'], 0, ['src/reporters/index.ts'], [...ENGINE, 'ajv', 'undici']],
  ['an unknown option', () => ['--frobnicate'], 2, ['src/cli/args-error.ts'], [...ENGINE, ...LIBRARIES]],
  // The controls: a scan does load the engine, and an HTTP mirror undici, so the recording sees what is absent.
  ['a bad config', () => ['--config', 'test/cli/no-such-config.yaml', '.'], 2, [...ENGINE, 'yaml'], []],
  [
    'a scan reading the oci: mirror',
    () => [...scan(`oci:${path.join(tmp, 'mirror')}`), tree],
    0,
    ['src/engine/run.ts', 'src/registry/oci-layout.ts'],
    HTTP,
  ],
  // Port 9 (discard) on loopback: refused at once, after undici was loaded to try.
  [
    'a scan through an HTTP mirror',
    () => [...scan('http://127.0.0.1:9'), '--fail-on', 'never', tree],
    0,
    HTTP,
    [],
  ],
])('%s', async (name, args, code, loaded, absent) => {
  const run = await loads([...SOURCE, ...args()], name.replace(/\W+/g, '-'));
  expect(run.code).toBe(code);
  expect(run.modules).toEqual(expect.arrayContaining(loaded));
  for (const module of absent) expect(run.modules, `${name} loads ${module}`).not.toContain(module);
});

// The bundle loads its chunks as scripts (src/cli/chunks.ts), past the module hooks: what it loaded shows in the
// compile cache it keeps, one entry per chunk compiled.
test.each<[string, () => string[], number, (entries: string[]) => void]>([
  [
    '--version loads no chunk of the bundle',
    () => ['--version'],
    0,
    (entries) => expect(entries).toEqual([]),
  ],
  [
    'a scan loads the engine from chunks, and keeps their compiled code',
    () => [...scan(`oci:${path.join(tmp, 'mirror')}`), tree],
    0,
    (entries) => expect(entries.length).toBeGreaterThan(1),
  ],
  [
    '--no-cache keeps no compiled code',
    () => ['--no-cache', ...scan(`oci:${path.join(tmp, 'mirror')}`), tree],
    0,
    (entries) => expect(entries).toEqual([]),
  ],
])('dist: %s', async (name, args, code, check) => {
  const label = `dist-${name.replace(/\W+/g, '-')}`;
  const cacheDir = path.join(tmp, `${label}-cache`);
  const run = await loads([...DIST, ...args()], label, { ARCHCHECK_CACHE_DIR: cacheDir });
  expect(run.code).toBe(code);
  expect(run.modules).toContain('dist/cli/index.js');
  check(await readdir(path.join(cacheDir, 'compile')).catch(() => []));
});
