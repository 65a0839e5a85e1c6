import { describe, expect, test } from 'vitest';
import { parseManifestFile } from '../../src/documents/parse.js';
import { extractWorkloads } from '../../src/workloads/extract.js';

const deployment = (containers: string, prelude = '') =>
  `${prelude}apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers:
${containers}`;

/** [name, image, line, column] of every container, as kubectl's YAML 1.1 merge would read them. */
function containersOf(text: string): (string | number)[][] {
  const parsed = parseManifestFile('merge.yaml', text);
  expect(parsed.problems).toEqual([]);
  return parsed.objects
    .flatMap(extractWorkloads)
    .flatMap((w) => w.containers.map((c) => [c.name, c.image, c.location.line, c.location.column]));
}

describe('YAML merge keys, as kubectl reads them', () => {
  test.each([
    [
      'a container that is a merge of an anchored map',
      deployment(
        '      - <<: *base\n        name: app\n',
        'x-base: &base {name: base, image: nginx:1.27}\n---\n',
      ),
      // The anchor is in another document: kubectl rejects that, so the container has no image.
      'dangling',
    ],
    [
      'a container merged from an anchor in the same document',
      `x-base: &base {name: base, image: nginx:1.27}\n${deployment('      - <<: *base\n        name: app\n')}`,
      [['app', 'nginx:1.27', 1, 35]],
    ],
    [
      'a written key wins over a merged one',
      `x-base: &base {image: nginx:1.27}\n${deployment('      - <<: *base\n        name: app\n        image: redis:7\n')}`,
      [['app', 'redis:7', 11, 16]],
    ],
    [
      'a merge of a list of maps: the first map that has the key wins',
      `x-a: &a {name: a}\nx-b: &b {name: b, image: busybox:1}\nx-c: &c {image: alpine:3}\n${deployment('      - <<: [*a, *b, *c]\n')}`,
      [['a', 'busybox:1', 2, 26]],
    ],
    [
      'a merge of an inline map',
      deployment('      - <<: {name: inline, image: "nginx:1"}\n'),
      [['inline', 'nginx:1', 8, 35]],
    ],
    [
      'a merged pod spec',
      `x-spec: &spec\n  containers: [{name: s, image: nginx}]\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  <<: *spec\n`,
      [['s', 'nginx', 2, 33]],
    ],
    [
      'a quoted "<<" is an ordinary key, not a merge',
      `x-base: &base {image: nginx}\n${deployment('      - "<<": *base\n        name: app\n')}`,
      [['app', '', 10, 9]],
    ],
  ])('%s', (_name, text, expected) => {
    if (expected === 'dangling') {
      const parsed = parseManifestFile('merge.yaml', text);
      expect(parsed.problems.map((p) => p.message)).toEqual(['Aliased anchor not found: base']);
      return;
    }
    expect(containersOf(text)).toEqual(expected);
  });

  test('merge keys that name each other many times are looked up, not expanded', () => {
    const lines = ['x0: &m0 {image: nginx}'];
    for (let i = 1; i <= 30; i++) lines.push(`x${i}: &m${i} {<<: [*m${i - 1}, *m${i - 1}, *m${i - 1}]}`);
    const text = `${lines.join('\n')}\n${deployment('      - <<: *m30\n        name: app\n')}`;
    expect(containersOf(text)).toEqual([['app', 'nginx', 1, 17]]);
  });
});
