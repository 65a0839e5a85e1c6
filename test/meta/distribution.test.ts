import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { parse } from 'yaml';

// The other ways archcheck is distributed must point at what the package actually builds.

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (file: string) => readFileSync(`${root}/${file}`, 'utf8');
const pkg = JSON.parse(read('package.json')) as { bin: Record<string, string> };

test('the pre-commit hook runs the package bin over the whole tree', () => {
  const [hook, ...rest] = parse(read('.pre-commit-hooks.yaml')) as Record<string, unknown>[];
  expect(rest).toEqual([]);
  expect(hook).toMatchObject({ id: 'archcheck', language: 'node', pass_filenames: false });
  expect(Object.keys(pkg.bin)).toContain(hook?.entry);
  expect(existsSync(`${root}/${pkg.bin[hook?.entry as string]}`)).toBe(true);
});

test('the container image copies the CLI bundle the package ships and runs it', () => {
  const lines = read('Dockerfile').split('\n');
  const copies = lines.filter((l) => l.startsWith('COPY ')).map((l) => l.split(/\s+/)[1] ?? '');
  expect(copies.length).toBeGreaterThan(0);
  for (const source of copies) expect(existsSync(`${root}/${source}`), source).toBe(true);
  const entry = lines.find((l) => l.startsWith('ENTRYPOINT '));
  const [, script] = JSON.parse(entry?.slice('ENTRYPOINT '.length) ?? '[]') as string[];
  // The bin (dist/cli/index.js) lands at /opt/archcheck/index.js.
  expect(script).toBe(`/opt/archcheck/${pkg.bin.archcheck?.replace(/^dist\/cli\//, '')}`);
  expect(read('.dockerignore')).toContain('!dist/cli/');
});

test('the config schema has a raw $id that editors and SchemaStore can fetch', () => {
  const schema = JSON.parse(read('schema/archcheck.schema.json')) as { $id: string };
  expect(schema.$id).toMatch(
    /^https:\/\/raw\.githubusercontent\.com\/[^/]+\/[^/]+\/main\/schema\/archcheck\.schema\.json$/,
  );
});
