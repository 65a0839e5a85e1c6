import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { discoverFiles, type DiscoverOptions } from '../../src/sources/discover.js';
import { ConfigurationError } from '../../src/errors.js';

// The tree is built in a temp directory: git cannot store a `.git` directory, and node_modules is ignored.
const TREE = [
  'a.yaml',
  'b.yml',
  'c.json',
  'README.md',
  'notes.txt',
  'UPPER.YAML',
  'sub/deep/d.yaml',
  'sub/values.yaml',
  '.hidden/e.yaml',
  '.git/config.yaml',
  'node_modules/pkg/f.yaml',
  'vendor/g.yaml',
  'renders/h.txt',
  'renders/i.yaml',
  'conf/.archcheck.yaml',
];

let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'archcheck-discover-'));
  for (const file of TREE) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), 'kind: x\n');
  }
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const discover = async (options: Partial<DiscoverOptions>) =>
  (
    await discoverFiles({ cwd: root, paths: [], include: [], exclude: [], globBase: root, ...options })
  ).files.map((f) => f.file);

describe('discoverFiles', () => {
  test.each<[string, Partial<DiscoverOptions>, string[]]>([
    [
      'default: .yaml/.yml/.json (any case) recursively, hidden dirs too, never .git, node_modules or vendor',
      {},
      [
        '.hidden/e.yaml',
        'UPPER.YAML',
        'a.yaml',
        'b.yml',
        'c.json',
        'conf/.archcheck.yaml',
        'renders/i.yaml',
        'sub/deep/d.yaml',
        'sub/values.yaml',
      ],
    ],
    ['a directory', { paths: ['sub'] }, ['sub/deep/d.yaml', 'sub/values.yaml']],
    [
      'a file given explicitly is read whatever its extension',
      { paths: ['notes.txt', 'a.yaml'] },
      ['a.yaml', 'notes.txt'],
    ],
    [
      'the same file given twice is listed once',
      { paths: ['a.yaml', 'b.yml', 'a.yaml'] },
      ['a.yaml', 'b.yml'],
    ],
    [
      'include adds other extensions',
      { paths: ['renders'], include: ['renders/*.txt'] },
      ['renders/h.txt', 'renders/i.yaml'],
    ],
    [
      'exclude removes a directory',
      { paths: ['.'], exclude: ['sub/**', '.hidden/**', 'conf/**'] },
      ['UPPER.YAML', 'a.yaml', 'b.yml', 'c.json', 'renders/i.yaml'],
    ],
    [
      'exclude removes a file even when given explicitly',
      { paths: ['a.yaml', 'b.yml'], exclude: ['a.yaml'] },
      ['b.yml'],
    ],
    [
      'globs are relative to globBase (the config directory), not cwd',
      { paths: ['sub'], globBase: path.join('/', 'elsewhere'), exclude: ['sub/**'] },
      ['sub/deep/d.yaml', 'sub/values.yaml'],
    ],
  ])('%s', async (_name, options, expected) => {
    const found = await discover(options);
    expect(found).toEqual(expected);
    expect(new Set(found).size).toBe(found.length);
  });

  test('skip removes exact absolute paths', async () => {
    expect(
      await discover({ paths: ['conf', 'a.yaml'], skip: [path.join(root, 'conf/.archcheck.yaml')] }),
    ).toEqual(['a.yaml']);
  });

  test('globBase is what exclude globs are matched against', async () => {
    expect(
      await discover({ paths: ['sub'], globBase: path.join(root, 'sub'), exclude: ['deep/**'] }),
    ).toEqual(['sub/values.yaml']);
  });

  test('files are named relative to cwd, with / separators, and keep the absolute path', async () => {
    const { files } = await discoverFiles({
      cwd: path.join(root, 'sub'),
      paths: ['deep', '../a.yaml'],
      include: [],
      exclude: [],
      globBase: root,
    });
    expect(files).toEqual([
      { path: path.join(root, 'a.yaml'), file: '../a.yaml', named: true },
      { path: path.join(root, 'sub/deep/d.yaml'), file: 'deep/d.yaml' },
    ]);
  });

  test.each([
    ['a file named alone', ['sub/values.yaml'], ['sub/values.yaml']],
    ['a file named beside its directory, either order: the directory has it', ['sub/values.yaml', 'sub'], []],
    ['the directory first', ['sub', 'sub/values.yaml'], []],
    ['only the named one of a walked directory', ['sub/deep', 'sub/values.yaml'], ['sub/values.yaml']],
  ])('named marks files given on their own, not found by a walk: %s', async (_name, paths, named) => {
    const { files } = await discoverFiles({ cwd: root, paths, include: [], exclude: [], globBase: root });
    expect(files.filter((f) => f.named).map((f) => f.file)).toEqual(named);
  });

  test('a path that does not exist is a configuration error naming it', async () => {
    await expect(discover({ paths: ['a.yaml', 'missing/'] })).rejects.toThrow(
      new ConfigurationError('path not found: missing/'),
    );
  });
});
