import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { JsonReport } from '../../src/reporters/json.js';
import { runCliInProcess } from '../support/cli-in-process.js';
import { LayoutBuilder } from '../registry/layout-builder.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const fixture = fileURLToPath(new URL('../fixtures/cli/', import.meta.url));
const cli = path.join(repo, 'src/cli.ts');

let tmp: string;
let mirror: string;

/** The images the fixture uses, as OCI layouts in skopeo's `oci:` convention (`<dir>/<repository>`). */
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'archcheck-cli-'));
  mirror = path.join(tmp, 'mirror');
  const multi = new LayoutBuilder();
  const both = multi.index([multi.image('linux/amd64'), multi.image('linux/arm64')]);
  await multi.tag('1.0', both).tag('latest', both).write(path.join(mirror, 'acme/multi'));
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

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Spawns the CLI from source in the fixture directory, with a clean colour environment. */
function archcheck(args: string[], env: Record<string, string> = {}): Promise<Result> {
  const base = { ...process.env };
  for (const key of ['NO_COLOR', 'FORCE_COLOR', 'GITHUB_TOKEN', 'ARCHCHECK_DEBUG']) delete base[key];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', cli, ...args],
      { cwd: fixture, env: { ...base, ...env } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const withMirror = (...args: string[]) => [
  ...args,
  '--registry-mirror',
  `registry.example.com=oci:${mirror}`,
];

/** `main` in this process (cwd: the fixture), for the tables. */
const inProcess = runCliInProcess;

describe('exit status', () => {
  test.each([
    ['nothing found', ['fine.yaml'], 0],
    ['an error (image-arch-mismatch)', ['crash.yaml'], 1],
    ['an error, --fail-on never', ['crash.yaml', '--fail-on', 'never'], 0],
    ['a warning only', ['warning.yaml'], 0],
    ['a warning, --fail-on warning', ['warning.yaml', '--fail-on', 'warning'], 1],
    ['a warning, --fail-on notice', ['warning.yaml', '--fail-on', 'notice'], 1],
    ['a notice, --fail-on warning', ['notice.yaml', '--fail-on', 'warning'], 0],
    ['a notice, --fail-on notice', ['notice.yaml', '--fail-on', 'notice'], 1],
  ])('%s: %j exits %i', async (_name, args, code) => {
    const result = await inProcess(withMirror(...args, '--quiet'));
    expect([result.code, result.stderr]).toEqual([code, '']);
  });
});

describe('--fail-on-unresolved: coverage lost fails the run', () => {
  test.each([
    ['an unresolved image, without the flag', ['unresolved.yaml'], 0, ''],
    ['an unresolved image', ['unresolved.yaml', '--fail-on-unresolved'], 1, 'coverage lost (1 finding(s))'],
    [
      'a workload in no cluster',
      ['fine.yaml', '--config', 'elsewhere.archcheck.yaml', '--fail-on-unresolved'],
      1,
      'coverage lost (1 finding(s))',
    ],
    [
      'a workload in no cluster, without the flag',
      ['fine.yaml', '--config', 'elsewhere.archcheck.yaml'],
      0,
      '',
    ],
    ['nothing lost', ['fine.yaml', '--fail-on-unresolved'], 0, ''],
  ])('%s: exits %i', async (_name, args, code, stderr) => {
    const result = await inProcess(withMirror(...args, '--quiet'));
    expect(result.code).toBe(code);
    if (stderr) expect(result.stderr).toContain(stderr);
    else expect(result.stderr).toBe('');
  });
});

describe('usage and configuration errors exit 2', () => {
  test.each([
    ['an unknown option', ['--frobnicate'], /unknown option --frobnicate\nRun archcheck --help for usage/],
    [
      'a mistyped option, with the one meant',
      ['--archs', 'arm64'],
      /unknown option --archs \(did you mean --arch\?\)/,
    ],
    ['a prefix of an option', ['--fail', 'never'], /unknown option --fail \(did you mean --fail-on\?\)/],
    ['an option without its value', ['--arch'], /option --arch needs a value/],
    ['a value given to a switch', ['--quiet=yes'], /option --quiet takes no value/],
    [
      'a bad --fail-on',
      ['--fail-on', 'sometimes'],
      /--fail-on must be error, warning, notice or never, not "sometimes"/,
    ],
    [
      'a bad --format',
      ['--format', 'xml'],
      /--format must be one of text, json, sarif, junit, checkstyle, codeclimate, not "xml"/,
    ],
    [
      'a bad --deep-image-budget',
      ['--deep', '--deep-image-budget', 'lots'],
      /--deep-image-budget must be a size such as 64MiB or 100MB, not "lots"/,
    ],
    [
      'a mistyped deep option',
      ['--deep-image-budgt', '1MB'],
      /unknown option --deep-image-budgt \(did you mean --deep-image-budget\?\)/,
    ],
    [
      '--registry-mirror without =',
      ['--registry-mirror', 'docker.io'],
      /--registry-mirror must be HOST=URL, not "docker.io"/,
    ],
    [
      '--registry-mirror with an empty URL',
      ['--registry-mirror', 'docker.io='],
      /--registry-mirror must be HOST=URL/,
    ],
    [
      '--registry-mirror with a bad scheme',
      ['--registry-mirror', 'docker.io=ftp://m'],
      /--registry-mirror docker.io: URL must start with oci:, https:\/\/ or http:\/\//,
    ],
    [
      'a bad --kustomize-load-restrictor',
      ['--kustomize-load-restrictor', 'LoadRestrictionsNone'],
      /--kustomize-load-restrictor must be rootOnly or none, not "LoadRestrictionsNone"/,
    ],
    ['a missing path', ['nope.yaml'], /archcheck: path not found: nope.yaml/],
    ['a missing --config', ['--config', 'nope.yaml'], /config file not found: nope.yaml/],
    ['an unknown --arch', ['--arch', 'amd64,amd46'], /--arch amd46: "amd46": unknown architecture/],
  ])('%s', async (_name, args, message) => {
    const result = await inProcess(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  test.concurrent('an invalid config names file:line:col and the key', async () => {
    const result = await archcheck(['--config', 'bad-config.yaml', 'fine.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `archcheck: invalid config:\n  ${path.join(fixture, 'bad-config.yaml')}:4:38: clusters[0].nodePools[0]: unknown key "size"\n`,
    );
  });
});

describe('output', () => {
  test.concurrent(
    '--format json --output: the contract of the README, in the file, nothing on stdout',
    async () => {
      const out = path.join(tmp, 'report.json');
      const result = await archcheck(
        withMirror('--format', 'json', '--output', out, '--quiet', 'crash.yaml', 'fine.yaml'),
      );
      expect([result.code, result.stdout]).toEqual([1, '']);
      const report = JSON.parse(await readFile(out, 'utf8')) as JsonReport;
      expect(report.version).toBe(1);
      expect(report.findings).toEqual([
        {
          rule: 'image-arch-mismatch',
          severity: 'error',
          message: expect.stringContaining('has no linux/arm64 build'),
          file: 'crash.yaml',
          line: 9,
          column: 18,
          endLine: 9,
          endColumn: 58,
          cluster: 'prod',
          workload: { kind: 'Deployment', name: 'crash', namespace: 'shop' },
          container: 'api',
          image: 'registry.example.com/acme/amd64-only:1.0',
          nodePools: ['graviton'],
          platforms: ['linux/arm64'],
        },
      ]);
      expect(report.images).toEqual([
        {
          reference: 'registry.example.com/acme/amd64-only:1.0',
          canonical: 'registry.example.com/acme/amd64-only:1.0',
          digest: expect.stringMatching(/^sha256:[a-f0-9]{64}$/),
          platforms: ['linux/amd64'],
        },
        {
          reference: 'registry.example.com/acme/multi:1.0',
          canonical: 'registry.example.com/acme/multi:1.0',
          digest: expect.stringMatching(/^sha256:[a-f0-9]{64}$/),
          platforms: ['linux/amd64', 'linux/arm64'],
        },
      ]);
      expect(report.workloads).toEqual([
        {
          kind: 'Deployment',
          name: 'crash',
          namespace: 'shop',
          file: 'crash.yaml',
          line: 1,
          containers: [
            {
              name: 'api',
              type: 'container',
              image: 'registry.example.com/acme/amd64-only:1.0',
              line: 9,
              column: 18,
            },
          ],
        },
        {
          kind: 'Deployment',
          name: 'fine',
          namespace: 'shop',
          file: 'fine.yaml',
          line: 1,
          containers: [
            {
              name: 'web',
              type: 'container',
              image: 'registry.example.com/acme/multi:1.0',
              line: 9,
              column: 18,
            },
          ],
        },
      ]);
      expect(report.stats).toMatchObject({
        files: 2,
        documents: 2,
        workloads: 2,
        containers: 2,
        images: 2,
        findings: { error: 1, warning: 0, notice: 0 },
      });
    },
  );

  test.concurrent(
    'text groups findings by file and ends with a summary line, plain under NO_COLOR',
    async () => {
      // NO_COLOR wins over FORCE_COLOR (https://no-color.org).
      const result = await archcheck(
        withMirror('--quiet', 'crash.yaml', 'warning.yaml', 'notice.yaml', '--fail-on', 'never'),
        {
          FORCE_COLOR: '1',
          NO_COLOR: '1',
        },
      );
      expect(result.code).toBe(0);
      const lines = result.stdout.trimEnd().split('\n');
      // Files are ordered by their most severe finding: errors, then warnings, then notices.
      expect(lines.filter((l) => !l.startsWith('  '))).toEqual([
        'crash.yaml',
        '',
        'warning.yaml',
        '',
        'notice.yaml',
        '',
        'rule docs:',
        '',
        '✖ 3 problems (1 error, 1 warning, 1 notice) in 3 workload(s), 3 image(s), 3 file(s)',
      ]);
      expect(lines[1]).toMatch(
        /^ {2}9:18 +error +Deployment shop\/crash, container "api".* image-arch-mismatch$/,
      );
      expect(result.stdout).not.toContain('\u001b[');
    },
  );

  test('--output text is never coloured, even under FORCE_COLOR', async () => {
    const out = path.join(tmp, 'report.txt');
    vi.stubEnv('FORCE_COLOR', '1');
    try {
      const result = await inProcess(withMirror('--quiet', '--output', out, 'crash.yaml'));
      expect([result.code, result.stdout]).toEqual([1, '']);
    } finally {
      vi.unstubAllEnvs();
    }
    const text = await readFile(out, 'utf8');
    expect(text).toMatch(/^crash\.yaml\n {2}9:18 +error /);
    expect(text).not.toContain('\u001b[');
  });

  test.concurrent('FORCE_COLOR=1 colours output to a pipe', async () => {
    const result = await archcheck(withMirror('--quiet', 'crash.yaml'), { FORCE_COLOR: '1' });
    expect(result.code).toBe(1);
    expect(result.stdout.startsWith('\u001b[1mcrash.yaml\u001b[22m\n')).toBe(true);
    expect(result.stdout).toContain('\u001b[31merror  \u001b[39m');
  });

  test.concurrent(
    'progress goes to stderr, one line per stage; a pipe gets plain text; nothing found exits 0',
    async () => {
      const result = await archcheck(withMirror('fine.yaml'));
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(/^== Discover manifests\n/);
      expect(result.stderr).toContain('== Resolve images\n');
      expect(result.stdout).toBe(
        '✓ no problems (0 errors, 0 warnings, 0 notices) in 1 workload(s), 1 image(s), 1 file(s)\n',
      );
    },
  );

  test.each([
    [['--help'], /^Usage: archcheck \[paths...\] \[options\]/],
    [['--version'], /^\d+\.\d+\.\d+\n$/],
  ])('%j exits 0', async (args, output) => {
    const result = await inProcess(args);
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toMatch(output);
  });
});
