import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';

// The config schema is compiled ahead of time (scripts/build-schema-validator.mjs): the committed validator must
// be what the schema compiles to, or the CLI would accept or refuse keys the schema no longer says.

const root = fileURLToPath(new URL('../../', import.meta.url));
const script = path.join(root, 'scripts/build-schema-validator.mjs');
const schemaFile = path.join(root, 'schema/archcheck.schema.json');
const validator = path.join(root, 'src/config/schema-validator.cjs');

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'archcheck-schema-'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

function check(schema: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [script, '--check', '--schema', schema, '--out', validator],
      { cwd: root },
      (error, _stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stderr }),
    );
  });
}

type Edit = (schema: { properties: Record<string, unknown> }) => void;

test.each<[string, Edit, number]>([
  ['the committed validator matches the schema', () => undefined, 0],
  ['a key added to the schema makes it stale', (s) => void (s.properties.newKey = { type: 'string' }), 1],
  ['a key removed from the schema makes it stale', (s) => void delete s.properties.deep, 1],
])('%s', async (scenario, edit, expected) => {
  const schema = JSON.parse(await readFile(schemaFile, 'utf8')) as Parameters<Edit>[0];
  edit(schema);
  const file = path.join(tmp, `${scenario.replace(/\W+/g, '-')}.json`);
  await writeFile(file, JSON.stringify(schema));
  const { code, stderr } = await check(file);
  expect(code).toBe(expected);
  if (expected !== 0) expect(stderr).toContain('run node scripts/build-schema-validator.mjs');
});
