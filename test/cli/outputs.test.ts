import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCliInProcess } from '../support/cli-in-process.js';
import { LayoutBuilder } from '../registry/layout-builder.js';
import { validateSarif } from '../reporters/sarif-schema.js';

// The CLI's output plumbing: formats paired with files, in process, against crash.yaml's one image.
const fixture = fileURLToPath(new URL('../fixtures/cli/', import.meta.url));
let tmp: string;
let mirror: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'archcheck-cli-outputs-'));
  mirror = path.join(tmp, 'mirror');
  const single = new LayoutBuilder();
  await single
    .tag('1.0', single.image('linux/amd64', 'docker', false))
    .write(path.join(mirror, 'acme/amd64-only'));
});

const startDir = process.cwd();
beforeAll(() => process.chdir(fixture));
afterAll(async () => {
  process.chdir(startDir);
  await rm(tmp, { recursive: true, force: true });
});

// The mirror keeps every run on loopback, even one that wrongly went ahead after a usage error.
const withMirror = (...args: string[]) => [
  ...args,
  '--registry-mirror',
  `registry.example.com=oci:${mirror}`,
];

const inProcess = runCliInProcess;

describe('--format and --output pairs', () => {
  const read = (file: string) => readFile(path.join(tmp, file), 'utf8');

  test('--format sarif --output x.sarif --format text: SARIF in the file, text on stdout', async () => {
    const result = await inProcess(
      withMirror(
        '--quiet',
        'crash.yaml',
        '--format',
        'sarif',
        '--output',
        path.join(tmp, 'x.sarif'),
        '--format',
        'text',
      ),
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^crash\.yaml\n {2}9:18 +error /);
    const sarif = JSON.parse(await read('x.sarif'));
    expect(validateSarif(sarif)).toBe(true);
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['image-arch-mismatch']);
  });

  test.each([
    ['in order', ['--format', 'junit', '--output', 'p.xml', '--format', 'codeclimate', '--output', 'p.json']],
    [
      'outputs first (the n-th --output goes with the n-th --format)',
      ['--output', 'q.xml', '--output', 'q.json', '--format', 'junit', '--format', 'codeclimate'],
    ],
  ])('three formats, %s; - is stdout', async (_name, args) => {
    const [xml, json] = args.filter((a) => a.includes('.')).map((a) => path.join(tmp, a));
    const absolute = args.map((a) => (a.includes('.') ? path.join(tmp, a) : a));
    const result = await inProcess(
      withMirror('--quiet', 'crash.yaml', ...absolute, '--format', 'checkstyle', '--output', '-'),
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^<\?xml[^\n]*\n<checkstyle version="4\.3">\n {2}<file name="crash\.yaml">\n {4}<error line="9" column="18" severity="error"/,
    );
    expect(await readFile(xml!, 'utf8')).toMatch(/<testsuites name="archcheck" tests="2" failures="1"/);
    expect(JSON.parse(await readFile(json!, 'utf8'))).toMatchObject([
      {
        check_name: 'image-arch-mismatch',
        severity: 'critical',
        location: { path: 'crash.yaml', lines: { begin: 9 } },
      },
    ]);
  });

  test.each([
    [
      'two formats to stdout',
      ['--format', 'text', '--format', 'json'],
      /only one format can go to stdout, but text and json would/,
    ],
    [
      'two formats to stdout, one by -',
      ['--format', 'sarif', '--output', '-', '--format', 'text'],
      /only one format can go to stdout, but sarif and text would/,
    ],
    [
      'more --output than --format',
      ['--output', 'a.txt', '--output', 'b.txt'],
      /--output b\.txt has no --format to pair with/,
    ],
    [
      'one file twice',
      ['--format', 'json', '--output', 'same', '--format', 'sarif', '--output', 'same'],
      /--output .*same is given twice/,
    ],
    [
      'a missing directory',
      ['--output', 'no/such/dir/report.txt'],
      /--output .*report\.txt: directory .*no\/such\/dir does not exist/,
    ],
    ['a directory as the file', ['--output', '.'], /--output .* is a directory; give a file name/],
  ])('%s: usage error, exit 2 before scanning', async (_name, args, message) => {
    const result = await inProcess(withMirror('crash.yaml', ...args));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toContain('== Discover');
    expect(result.stdout).toBe('');
  });
});
