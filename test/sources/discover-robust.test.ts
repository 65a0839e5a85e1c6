import type { Dirent } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { discoverFiles, type DiscoverFs } from '../../src/sources/discover.js';

// Charts, CI files and symlinks in a real temp tree; failing file systems through the injected calls (tests
// run as root, where chmod 000 does not stop readdir).
const TREE = [
  'app/deploy.yaml',
  'charts/web/Chart.yaml',
  'charts/web/values.yaml',
  'charts/web/templates/deployment.yaml',
  'charts/web/charts/sub/Chart.yaml',
  'nested/deep/chart/Chart.yaml',
  'nested/deep/chart/templates/x.yaml',
  '.github/workflows/ci.yml',
  'third_party/lib/k.yaml',
];

let root: string;
let outside: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'archcheck-discover-robust-'));
  outside = await mkdtemp(path.join(os.tmpdir(), 'archcheck-outside-'));
  for (const file of TREE) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), 'kind: x\n');
  }
  await writeFile(path.join(outside, 'secret.yaml'), 'kind: x\n');
  await mkdir(path.join(root, 'links'));
  await symlink(path.join(root, 'app/deploy.yaml'), path.join(root, 'links/inside.yaml'));
  await symlink(path.join(outside, 'secret.yaml'), path.join(root, 'links/outside.yaml'));
  await symlink(outside, path.join(root, 'links/outside-dir'));
  await symlink(path.join(root, 'links'), path.join(root, 'links/loop'));
  await symlink(path.join(root, 'links/self'), path.join(root, 'links/self'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

const run = (paths: string[], fs?: DiscoverFs, cwd = root) =>
  discoverFiles({ cwd, paths, include: [], exclude: [], globBase: cwd, fs });

describe('discoverFiles on a real repository shape', () => {
  test('charts are found wherever they sit and none of their files are read; CI and vendored files are skipped', async () => {
    const found = await run([]);
    expect(found.charts.map((c) => path.relative(root, c))).toEqual(['charts/web', 'nested/deep/chart']);
    expect(found.files.map((f) => f.file)).toEqual(['app/deploy.yaml', 'links/inside.yaml']);
  });

  test('a symlink inside the workspace is read; one leaving it is a notice naming the file; loops end', async () => {
    const found = await run(['links']);
    expect(found.files.map((f) => f.file)).toEqual(['links/inside.yaml']);
    expect(found.notices).toEqual([
      'links/outside-dir is a symlink to a path outside the workspace: not read.',
      'links/outside.yaml is a symlink to a path outside the workspace: not read.',
    ]);
    expect(found.problems).toEqual([
      {
        message: 'cannot read symlink: ELOOP; the rest of the tree was checked',
        location: { file: 'links/self', line: 1, column: 1 },
      },
    ]);
  });

  test('a file given explicitly inside a chart is still read', async () => {
    const found = await run(['charts/web/templates/deployment.yaml']);
    expect(found.files.map((f) => f.file)).toEqual(['charts/web/templates/deployment.yaml']);
    expect(found.charts).toEqual([]);
  });
});

const dirent = (name: string, kind: 'dir' | 'file'): Dirent =>
  ({
    name,
    isDirectory: () => kind === 'dir',
    isFile: () => kind === 'file',
    isSymbolicLink: () => false,
  }) as Dirent;

const errno = (code: string) => Object.assign(new Error(code), { code });

/** A tree `d/d/d/.../m.yaml` `depth` levels deep, where paths past `maxPath` fail as Linux's PATH_MAX does. */
const deepFs = (depth: number, maxPath: number, failing: Record<string, string> = {}): DiscoverFs => ({
  realpath: async (p) => p,
  stat: async () => ({ isDirectory: () => true, isFile: () => false }),
  readdir: async (dir) => {
    if (dir.length > maxPath) throw errno('ENAMETOOLONG');
    const code = failing[path.basename(dir)];
    if (code) throw errno(code);
    if (!dir.endsWith('/d') && dir !== '/r') return [];
    const level = dir.split('/').filter((s) => s === 'd').length;
    const here = [dirent('m.yaml', 'file')];
    if (dir === '/r') here.push(dirent('bad', 'dir'), dirent('fifo', 'dir'));
    return level < depth ? [...here, dirent('d', 'dir')] : here;
  },
});

describe('discoverFiles when the file system fails', () => {
  test.each<[string, DiscoverFs, number, string[]]>([
    ['a 2,100-level tree is walked without recursion, to the last level', deepFs(2100, 1e9), 2101, []],
    [
      'paths past PATH_MAX are one problem each, the rest is read',
      deepFs(2100, 100),
      50,
      ['cannot read directory: ENAMETOOLONG; the rest of the tree was checked'],
    ],
    [
      'unreadable directories (EACCES, ENOTDIR) are problems, their siblings are read',
      deepFs(3, 1e9, { bad: 'EACCES', fifo: 'ENOTDIR' }),
      4,
      [
        'cannot read directory: EACCES; the rest of the tree was checked',
        'cannot read directory: ENOTDIR; the rest of the tree was checked',
      ],
    ],
  ])('%s', async (_name, fs, files, messages) => {
    const found = await run([], fs, '/r');
    expect(found.files).toHaveLength(files);
    expect(found.files.at(-1)?.file).toMatch(/m\.yaml$/);
    expect([...new Set(found.problems.map((p) => p.message))].sort()).toEqual(messages);
  });
});
