import { expect, test } from 'vitest';
import { parseConfig } from '../../src/config/parse.js';
import { parseYamlDocument } from '../../src/documents/problems.js';
import { MergedValues } from '../../src/sources/helm/values.js';

// Config files, kustomizations and values files come from the scanned tree too: read in linear time, with
// duplicate keys reported as manifests report them.

test.each([
  ['a duplicate key', 'a: 1\nb: 2\na: 3\n', { line: 3, column: 1 }, 'Map keys must be unique'],
  ['a dangling alias', 'a: *nowhere\n', { line: 1, column: 4 }, 'Aliased anchor not found'],
  ['a syntax error, counted', 'a: [1\nb: {\n', { line: 2 }, 'more problem'],
])('%s is the first problem, at its position', (_name, text, at, message) => {
  const { problem } = parseYamlDocument(text);
  expect(problem?.location).toMatchObject(at);
  expect(problem?.message).toContain(message);
});

test('a 60,000-key map reads cleanly, and a merge key is not a duplicate', () => {
  const wide = Array.from({ length: 60_000 }, (_, i) => `k${i}: ${i}`).join('\n');
  expect(parseYamlDocument(wide).problem).toBeUndefined();
  expect(parseYamlDocument('base: &b {x: 1}\nm:\n  <<: *b\n  <<: *b\n').problem).toBeUndefined();
});

test('.archcheck.yaml with a duplicate key names the file, line and column', () => {
  expect(() => parseConfig('rules: {}\nrules: {}\n', '/repo/.archcheck.yaml')).toThrow(
    /^\/repo\/\.archcheck\.yaml:2:1: invalid YAML: Map keys must be unique/,
  );
});

test('a values file with a duplicate key is refused with the message', () => {
  expect(new MergedValues().addFile('values.yaml', 'image: a\nimage: b\n')).toMatch(
    /Map keys must be unique/,
  );
});
