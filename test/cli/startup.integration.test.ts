import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';

// `--version` and `--help` answer before the engine is imported: importing it compiles YAML, registry and
// reporter code, which made `--version` 3.5x slower than Node starting (issue 14). Every module the process
// resolves is recorded (test/support/record-loads.mjs), so an eager import coming back fails here.

const root = fileURLToPath(new URL('../../', import.meta.url));
const recorder = path.join(root, 'test/support/record-loads.mjs');

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'archcheck-startup-'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

/** The modules (paths inside the repository, or package names) a CLI run resolved, and its exit code. */
async function loads(args: string[], name: string): Promise<{ code: number; modules: string[] }> {
  const record = path.join(tmp, `${name}.txt`);
  const code = await new Promise<number>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', '--import', recorder, path.join(root, 'src/cli.ts'), ...args],
      // From the repository, where `--import tsx` resolves; the scan row fails on its config before reading.
      { cwd: root, env: { ...process.env, RECORD_LOADS: record } },
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

test.each<[string, string[], number, string[], string[]]>([
  ['--version', ['--version'], 0, ['src/version.ts'], [...ENGINE, ...LIBRARIES, 'src/reporters/index.ts']],
  ['-v', ['-v'], 0, ['src/version.ts'], [...ENGINE, ...LIBRARIES, 'src/reporters/index.ts']],
  ['--help', ['--help'], 0, ['src/reporters/index.ts'], [...ENGINE, 'ajv', 'undici']],
  ['an unknown option', ['--frobnicate'], 2, ['src/cli/args-error.ts'], [...ENGINE, ...LIBRARIES]],
  // The control: a scan does load the engine, so the recording sees what the rows above say is absent.
  ['a scan', ['--config', 'test/cli/no-such-config.yaml', '.'], 2, [...ENGINE, 'yaml'], []],
])('%s', async (name, args, code, loaded, absent) => {
  const run = await loads(args, name.replace(/\W+/g, '-'));
  expect(run.code).toBe(code);
  expect(run.modules).toEqual(expect.arrayContaining(loaded));
  for (const module of absent) expect(run.modules, `${name} loads ${module}`).not.toContain(module);
});
