import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { JsonReport } from '../../src/reporters/json.js';
import { runCliInProcess } from '../support/cli-in-process.js';
import { LayoutBuilder } from '../registry/layout-builder.js';

// `archcheck -`: manifests from standard input, as one loose file named <stdin>.

const repo = fileURLToPath(new URL('../../', import.meta.url));
const fixture = fileURLToPath(new URL('../fixtures/cli/', import.meta.url));
const DIST_CLI = path.join(repo, 'dist/cli/index.js');

let tmp: string;
let mirrorArgs: string[];
let crash: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'archcheck-stdin-'));
  const layout = new LayoutBuilder();
  await layout
    .tag('1.0', layout.image('linux/amd64', 'docker', false))
    .write(path.join(tmp, 'mirror/acme/amd64-only'));
  const multi = new LayoutBuilder();
  await multi
    .tag('1.0', multi.index([multi.image('linux/amd64'), multi.image('linux/arm64')]))
    .write(path.join(tmp, 'mirror/acme/multi'));
  mirrorArgs = ['--registry-mirror', `registry.example.com=oci:${path.join(tmp, 'mirror')}`];
  crash = await readFile(path.join(fixture, 'crash.yaml'), 'utf8');
});

const startDir = process.cwd();
beforeAll(() => process.chdir(fixture));
afterAll(async () => {
  process.chdir(startDir);
  await rm(tmp, { recursive: true, force: true });
});

/** rule, file, line, column of each finding in a JSON report. */
const where = (stdout: string) =>
  (JSON.parse(stdout) as JsonReport).findings.map((f) => [f.rule, f.file, f.line, f.column]);

describe('archcheck - (in process)', () => {
  test.each<[string, string[], string, number, (string | number)[][]]>([
    [
      'a manifest piped in: findings at <stdin> with its lines',
      ['-'],
      'CRASH',
      1,
      [['image-arch-mismatch', '<stdin>', 9, 18]],
    ],
    [
      'stdin beside a file: both are read',
      ['fine.yaml', '-'],
      'CRASH',
      1,
      [['image-arch-mismatch', '<stdin>', 9, 18]],
    ],
    ['empty input: nothing to check', ['-'], '', 0, []],
    [
      'over --max-file-size: not parsed, a finding at <stdin>',
      ['-', '--max-file-size', '100B'],
      'CRASH',
      1,
      [['yaml-parse-error', '<stdin>', 1, 1]],
    ],
    [
      'broken YAML: a parse error at its line',
      ['-'],
      'kind: Deployment\nmetadata: {name: x\n  oops: [\n',
      1,
      [['yaml-parse-error', '<stdin>', 2, 18]],
    ],
  ])('%s', async (_name, args, input, code, findings) => {
    const stdin = input === 'CRASH' ? crash : input;
    const result = await runCliInProcess([...args, ...mirrorArgs, '--format', 'json', '--quiet'], { stdin });
    expect(result.stderr).toBe('');
    expect(where(result.stdout)).toEqual(findings);
    expect(result.code).toBe(code);
  });

  test('the size cap says what to raise', async () => {
    const result = await runCliInProcess(['-', '--max-file-size', '100B', '--format', 'json', '--quiet'], {
      stdin: crash,
    });
    const [finding] = (JSON.parse(result.stdout) as JsonReport).findings;
    expect(finding?.message).toContain('standard input is over the 100-byte limit');
    expect(finding?.message).toContain('--max-file-size');
  });
});

describe('archcheck - (bundled CLI)', () => {
  test('reads a pipe and reports <stdin>', async () => {
    if (!existsSync(DIST_CLI)) throw new Error(`${DIST_CLI} is missing: run "npm run bundle" first`);
    const result = await new Promise<{ code: number; stdout: string }>((resolve) => {
      const child = execFile(
        process.execPath,
        [DIST_CLI, '-', ...mirrorArgs, '--format', 'json', '--quiet'],
        { cwd: fixture },
        (error, stdout) => resolve({ code: error ? Number(error.code) : 0, stdout }),
      );
      child.stdin?.end(crash);
    });
    expect(where(result.stdout)).toEqual([['image-arch-mismatch', '<stdin>', 9, 18]]);
    expect(result.code).toBe(1);
  });
});
